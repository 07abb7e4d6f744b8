using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Tests.Index;

public class AuthorshipIndexTests
{
    // Paper 0: authors 0, 1, 2. Paper 1: 0, 1. Paper 2: 1, 3. Paper 3: 0, 1, 3 (author 3 listed twice).
    private static readonly (int Paper, int Author)[] Pairs =
        [(0, 2), (0, 0), (0, 1), (1, 1), (1, 0), (2, 3), (2, 1), (3, 3), (3, 0), (3, 1), (3, 3)];

    private static AuthorshipIndex Index() => AuthorshipIndex.Build(paperCount: 5, authorCount: 5, Pairs);

    [Fact]
    public void Both_directions_are_sorted_and_repeated_pairs_count_once()
    {
        var index = Index();

        Assert.Equal(10, index.AuthorshipCount);
        Assert.Equal([0, 1, 3], index.AuthorsOf(3).ToArray());
        Assert.Equal([0, 1, 2, 3], index.PapersOf(1).ToArray());
        Assert.Equal([2, 3], index.PapersOf(3).ToArray());
        Assert.Empty(index.PapersOf(4).ToArray());
        Assert.Empty(index.AuthorsOf(4).ToArray());
        Assert.Equal(4L * (6 + 6 + 10 + 10), index.MemoryBytes);
    }

    [Fact]
    public void Coauthor_weight_is_the_number_of_shared_papers()
    {
        var graph = Index().BuildCoauthorGraph();

        Assert.Equal(3f, graph.EdgeWeight(0, 1));
        Assert.Equal(1f, graph.EdgeWeight(0, 2));
        Assert.Equal(1f, graph.EdgeWeight(0, 3));
        Assert.Equal(1f, graph.EdgeWeight(1, 2));
        Assert.Equal(2f, graph.EdgeWeight(3, 1));
        Assert.Equal(0f, graph.EdgeWeight(2, 3));
        Assert.Equal(5, graph.EdgeCount);
        Assert.Equal(0, graph.Degree(4));
    }

    [Fact]
    public void Paper_filter_restricts_the_coauthor_graph()
    {
        var graph = Index().BuildCoauthorGraph(includePaper: paper => paper != 3);

        Assert.Equal(2f, graph.EdgeWeight(0, 1));
        Assert.Equal(0f, graph.EdgeWeight(0, 3));
        Assert.Equal(1f, graph.EdgeWeight(1, 3));
    }

    [Fact]
    public void Papers_with_too_many_authors_are_skipped_when_asked()
    {
        var graph = Index().BuildCoauthorGraph(maxAuthorsPerPaper: 2);

        Assert.Equal(1f, graph.EdgeWeight(0, 1));
        Assert.Equal(1f, graph.EdgeWeight(1, 3));
        Assert.Equal(0f, graph.EdgeWeight(0, 2));
        Assert.Equal(2, graph.EdgeCount);
    }

    [Fact]
    public void Shared_papers_intersects_the_sorted_lists_and_honours_the_filter()
    {
        var index = Index();

        Assert.Equal([0, 1, 3], index.SharedPapers(0, 1));
        Assert.Equal([0, 3], index.SharedPapers(1, 0, paper => paper != 1));
        Assert.Empty(index.SharedPapers(2, 3));
        Assert.Empty(index.SharedPapers(0, 4));
        Assert.Equal(3, index.CountSharedPapers(0, 1));
        Assert.Equal(1, index.CountSharedPapers(1, 3, paper => paper < 3));
    }

    [Fact]
    public void Coauthor_view_agrees_with_the_built_graph_under_the_same_filter()
    {
        var index = RandomIndex(seed: 9);
        Func<int, bool> evenPapers = paper => paper % 2 == 0;
        var graph = index.BuildCoauthorGraph(evenPapers, maxAuthorsPerPaper: 6);
        var view = index.CreateCoauthorView(evenPapers, maxAuthorsPerPaper: 6);

        for (var author = 0; author < index.AuthorCount; author++)
        {
            var fromView = view.OutNeighbors(author);
            Assert.Equal(graph.Neighbors(author).ToArray(), fromView.Nodes.ToArray());
            Assert.Equal(graph.NeighborWeights(author).ToArray(), fromView.Weights.ToArray());
        }
    }

    [Fact]
    public void Shared_papers_agree_with_a_set_intersection_including_very_unequal_lists()
    {
        var index = RandomIndex(seed: 4);

        for (var a = 0; a < index.AuthorCount; a++)
        {
            for (var b = 0; b < index.AuthorCount; b += 3)
            {
                var expected = index.PapersOf(a).ToArray().Intersect(index.PapersOf(b).ToArray()).Order().ToArray();
                Assert.Equal(expected, index.SharedPapers(a, b));
                Assert.Equal(expected.Length, index.CountSharedPapers(a, b));
            }
        }
    }

    /// <summary>
    /// 300 papers of 1 to 8 authors; author 0 is on every paper, so that intersecting with author 0
    /// exercises the binary-search path for very unequal lists.
    /// </summary>
    private static AuthorshipIndex RandomIndex(int seed)
    {
        var random = new Random(seed);
        const int papers = 300, authors = 120;
        var pairs = new List<(int, int)>();
        for (var paper = 0; paper < papers; paper++)
        {
            pairs.Add((paper, 0));
            var authorCount = random.Next(1, 8);
            for (var k = 0; k < authorCount; k++)
            {
                pairs.Add((paper, random.Next(1, authors)));
            }
        }

        return AuthorshipIndex.Build(papers, authors, pairs.ToArray());
    }
}
