using ScholarGraph.Graph.Indicators;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Graph.Tests.Fixtures;

namespace ScholarGraph.Graph.Tests.Indicators;

/// <summary>
/// Co-citation and bibliographic coupling on a hand-made graph: X cites A, B, C; Y cites A, B; Z cites B, C; W cites A; and A and
/// B both cite Q. So cocitation(A, B) = 2 (X, Y), (A, C) = 1 (X), (B, C) = 2 (X, Z); coupling(X, Y) = 2 (A, B), (X, Z) = 2
/// (B, C), (X, W) = 1, (Y, Z) = 1, (Y, W) = 1, (A, B) = 1 (Q).
/// </summary>
public sealed class RelatedWorkTests
{
    private static ScholarlyIndex Graph() => new PaperGraph()
        .Paper("Q", 1990)
        .Paper("A", 2000, ["Q"]).Paper("B", 2000, ["Q"]).Paper("C", 2000)
        .Paper("X", 2005, ["A", "B", "C"]).Paper("Y", 2005, ["A", "B"]).Paper("Z", 2005, ["B", "C"]).Paper("W", 2005, ["A"])
        .Build();

    private static (string, int, int)[] Keys(ScholarlyIndex index, IEnumerable<RelatedPaper> related) =>
        related.Select(r => (index.Papers.KeyOf(r.Paper), r.CoCitations, r.Couplings)).ToArray();

    [Fact]
    public void Co_cited_papers_are_counted_by_the_papers_citing_both()
    {
        var index = Graph();
        Assert.Equal([("B", 2, 1), ("C", 1, 0)], Keys(index, RelatedWork.Related(index, index.Paper("A"), 10, RelatednessMeasure.CoCitation)));
        // B: A and C are co-cited twice each; A also shares Q, so it ranks first on the combined score.
        Assert.Equal([("A", 2, 1), ("C", 2, 0)], Keys(index, RelatedWork.Related(index, index.Paper("B"), 10, RelatednessMeasure.CoCitation)));
    }

    [Fact]
    public void Coupled_papers_are_counted_by_the_references_they_share()
    {
        var index = Graph();
        Assert.Equal([("Y", 0, 2), ("Z", 0, 2), ("W", 0, 1)], Keys(index, RelatedWork.Related(index, index.Paper("X"), 10, RelatednessMeasure.Coupling)));
        // Z and W tie; the lower id, the key that sorts first, goes first.
        Assert.Equal([("X", 0, 2), ("W", 0, 1), ("Z", 0, 1)], Keys(index, RelatedWork.Related(index, index.Paper("Y"), 10, RelatednessMeasure.Coupling)));
        Assert.Equal([("B", 2, 1)], Keys(index, RelatedWork.Related(index, index.Paper("A"), 10, RelatednessMeasure.Coupling)));
    }

    [Fact]
    public void The_combined_score_adds_both_and_first_cuts_the_list()
    {
        var index = Graph();
        var related = RelatedWork.Related(index, index.Paper("A"), 10);
        Assert.Equal([("B", 2, 1), ("C", 1, 0)], Keys(index, related));
        Assert.Equal([3, 1], related.Select(r => r.Combined));
        Assert.Equal([("B", 2, 1)], Keys(index, RelatedWork.Related(index, index.Paper("A"), 1)));
        Assert.Empty(RelatedWork.Related(index, index.Paper("A"), 0));
    }

    [Fact]
    public void Prior_works_are_what_the_related_set_cites_and_derivative_works_what_cites_it()
    {
        var index = Graph();
        // X's related set by coupling: Y, Z, W. They cite A (Y, W), B (Y, Z), C (Z).
        var prior = RelatedWork.PriorWorks(index, index.Paper("X"), 10, by: RelatednessMeasure.Coupling);
        Assert.Equal(3, prior.RelatedSetSize);
        Assert.Equal([("A", 2), ("B", 2), ("C", 1)], prior.Works.Select(w => (index.Papers.KeyOf(w.Paper), w.Count)));
        Assert.Equal(2.0 / 3, prior.Works[0].Share, 12);

        // A's related set by co-citation: B, C. X cites both, Z both, Y only B; A itself is left out.
        var derivative = RelatedWork.DerivativeWorks(index, index.Paper("A"), 10, by: RelatednessMeasure.CoCitation);
        Assert.Equal([("X", 2), ("Z", 2), ("Y", 1)], derivative.Works.Select(w => (index.Papers.KeyOf(w.Paper), w.Count)));

        // A set of one: only B, which cites Q.
        var small = RelatedWork.PriorWorks(index, index.Paper("A"), 10, relatedSetSize: 1);
        Assert.Equal([("Q", 1)], small.Works.Select(w => (index.Papers.KeyOf(w.Paper), w.Count)));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void On_random_graphs_both_counts_are_symmetric_and_match_their_definitions(int seed)
    {
        var index = RandomCitationGraphs.Build(RandomCitationGraphs.Papers(500, seed));
        var checkedPairs = 0;
        for (var paper = 0; paper < index.Papers.Count; paper++)
        {
            var citing = index.CitedByOf(paper).ToArray().ToHashSet();
            var references = index.ReferencesOf(paper).ToArray().ToHashSet();
            var related = RelatedWork.Related(index, paper, int.MaxValue);
            var previous = int.MaxValue;
            foreach (var other in related)
            {
                Assert.NotEqual(paper, other.Paper);
                Assert.Equal(index.CitedByOf(other.Paper).ToArray().Count(citing.Contains), other.CoCitations);
                Assert.Equal(index.ReferencesOf(other.Paper).ToArray().Count(references.Contains), other.Couplings);
                Assert.True(other.Combined <= previous);
                previous = other.Combined;
                // Symmetry: the other paper finds this one with the same counts.
                Assert.Contains(new RelatedPaper(paper, other.CoCitations, other.Couplings), RelatedWork.Related(index, other.Paper, int.MaxValue));
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > 1000, $"only {checkedPairs} pairs");
    }
}
