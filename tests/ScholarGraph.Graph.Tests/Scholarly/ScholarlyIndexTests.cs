using ScholarGraph.Graph.Metrics;
using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Tests.Scholarly;

/// <summary>The scholarly index and the questions over it, on a hand-made graph whose answers are worked out by hand.</summary>
public sealed class ScholarlyIndexTests
{
    // p1 2020: a b [t1 .9, t2 .5]          p2 2021: a b c [t1 .8] cites p1
    // p3 2022: c d [t3 .7, t4 .6] cites p1 p2    p4 (no date): d [t3 .5, t4 .5] cites p1 (twice) and p3
    // p5 2023: e [t3 .4, t4 .9]            author f has no paper
    private static ScholarlyIndex Build()
    {
        var builder = new ScholarlyIndexBuilder()
            .AddPaper("p1", new DateOnly(2020, 1, 1)).AddPaper("p2", new DateOnly(2021, 6, 1)).AddPaper("p3", new DateOnly(2022, 1, 1))
            .AddPaper("p4", null).AddPaper("p5", new DateOnly(2023, 3, 3)).AddAuthor("f");
        foreach (var (paper, authors) in new[] { ("p1", "a b a"), ("p2", "a b c"), ("p3", "c d"), ("p4", "d"), ("p5", "e") })
        {
            foreach (var author in authors.Split(' '))
                builder.AddAuthorship(paper, author);
        }

        builder.AddPaperTopic("p1", "t2", 0.5).AddPaperTopic("p1", "t1", 0.9).AddPaperTopic("p2", "t1", 0.8)
            .AddPaperTopic("p3", "t3", 0.7).AddPaperTopic("p3", "t4", 0.6).AddPaperTopic("p4", "t3", 0.5).AddPaperTopic("p4", "t4", 0.5)
            .AddPaperTopic("p5", "t3", 0.4).AddPaperTopic("p5", "t4", 0.9).AddPaperTopic("p5", "t4", 0.2);
        builder.AddCitation("p2", "p1").AddCitation("p3", "p1").AddCitation("p3", "p2").AddCitation("p4", "p1").AddCitation("p4", "p1").AddCitation("p4", "p3");
        return builder.Build();
    }

    private static readonly ScholarlyIndex Index = Build();

    private static int Paper(string key) => Index.Papers.TryGetId(key, out var id) ? id : throw new KeyNotFoundException(key);

    private static int Author(string key) => Index.Authors.TryGetId(key, out var id) ? id : throw new KeyNotFoundException(key);

    private static int Topic(string key) => Index.Topics.TryGetId(key, out var id) ? id : throw new KeyNotFoundException(key);

    private static string[] AuthorKeys(IEnumerable<int> ids) => ids.Select(Index.Authors.KeyOf).ToArray();

    [Fact]
    public void Keys_map_to_dense_ids_in_their_ordinal_order_and_repeated_rows_count_once()
    {
        Assert.Equal(5, Index.Papers.Count);
        // "f" was added first, yet it gets the last id: ids follow the keys, not the rows' order.
        Assert.Equal(["a", "b", "c", "d", "e", "f"], Enumerable.Range(0, 6).Select(Index.Authors.KeyOf));
        Assert.Equal(["a", "b"], AuthorKeys(Index.Authorship.AuthorsOf(Paper("p1")).ToArray()));
        Assert.Empty(Index.Authorship.PapersOf(Author("f")).ToArray());
        Assert.False(Index.Authors.TryGetId("nobody", out var missing));
        Assert.Equal(-1, missing);
    }

    [Fact]
    public void The_same_rows_in_another_order_give_the_same_ids_and_the_same_network_at_a_cut()
    {
        // A star: the center "m" has six coauthors, each on one paper with it, so they tie and maxNodes cuts among equals.
        var rows = Enumerable.Range(0, 6).Select(i => ($"paper-{i}", $"coauthor-{(char)('a' + i)}")).ToArray();
        static ScholarlyIndex BuildFrom(IEnumerable<(string Paper, string Coauthor)> rows)
        {
            var builder = new ScholarlyIndexBuilder();
            foreach (var (paper, coauthor) in rows)
            {
                builder.AddPaper(paper, new DateOnly(2020, 1, 1)).AddAuthorship(paper, coauthor).AddAuthorship(paper, "m");
            }

            return builder.Build();
        }

        var forward = BuildFrom(rows);
        var backward = BuildFrom(rows.Reverse());
        Assert.Equal(Enumerable.Range(0, 7).Select(forward.Authors.KeyOf), Enumerable.Range(0, 7).Select(backward.Authors.KeyOf));
        Assert.Equal(Enumerable.Range(0, 6).Select(forward.Papers.KeyOf), Enumerable.Range(0, 6).Select(backward.Papers.KeyOf));
        string[] Cut(ScholarlyIndex index) =>
            CoauthorNetwork.Explore(index, index.Authors.TryGetId("m", out var m) ? m : -1, 1, 1, includePaper: null, maxNodes: 4)
                .Nodes.Select(node => index.Authors.KeyOf(node.Author)).ToArray();
        Assert.Equal(["m", "coauthor-a", "coauthor-b", "coauthor-c"], Cut(forward));
        Assert.Equal(Cut(forward), Cut(backward));
    }

    [Fact]
    public void Paper_topics_are_sorted_with_the_highest_score_of_a_repeated_topic()
    {
        var topics = Index.TopicsOf(Paper("p5")).ToArray();
        Assert.Equal(topics.Order(), topics);
        Assert.Equal(0.9f, Index.TopicScoresOf(Paper("p5"))[Array.IndexOf(topics, Topic("t4"))]);
        Assert.Equal([Paper("p3"), Paper("p4"), Paper("p5")], Index.PapersWithTopic(Topic("t3")).ToArray());
        Assert.True(Index.HasTopic(Paper("p1"), Topic("t2")));
        Assert.False(Index.HasTopic(Paper("p2"), Topic("t2")));
    }

    [Fact]
    public void Topic_cooccurrence_counts_papers_and_related_topics_rank_by_association_strength()
    {
        Assert.Equal(1f, Index.TopicCooccurrence.EdgeWeight(Topic("t1"), Topic("t2")));
        Assert.Equal(3f, Index.TopicCooccurrence.EdgeWeight(Topic("t3"), Topic("t4")));
        var related = Assert.Single(Index.RelatedTopics(Topic("t3"), 10));
        Assert.Equal(Topic("t4"), related.Topic);
        Assert.Equal(3, related.SharedPapers);
        // s = c · 2m / (w3 · w4) with c = 3, node strengths w3 = w4 = 3 and 2m = 1 + 1 + 3 + 3 = 8.
        Assert.Equal(3.0 * 8 / 9, related.Strength, 5);
        Assert.Empty(Index.RelatedTopics(Topic("t3"), 0));
    }

    [Fact]
    public void Citations_count_each_citing_paper_once_and_author_metrics_follow_them()
    {
        Assert.Equal(3, Index.Citations.InDegree(Paper("p1")));
        var a = Index.ComputeAuthorMetrics(Author("a"));
        Assert.Equal(2, a.PaperCount);
        Assert.Equal(4, a.CitationCount); // p1: 3, p2: 1
        Assert.Equal(1, a.HIndex);
        Assert.Equal(0, a.I10Index);
        Assert.Equal([new YearCount(2020, 1), new YearCount(2021, 1)], a.PapersPerYear);
        var d = Index.ComputeAuthorMetrics(Author("d"));
        Assert.Equal(2, d.PaperCount);
        Assert.Equal([new YearCount(2022, 1)], d.PapersPerYear); // p4 has no date
        Assert.Equal(new AuthorMetrics(0, 0, 0, 0, []).PaperCount, Index.ComputeAuthorMetrics(Author("f")).PaperCount);
    }

    [Fact]
    public void Paper_filters_keep_dates_in_range_and_papers_on_the_topic()
    {
        Assert.Null(Index.PaperFilter(null, null, null));
        var since2021 = Index.PaperFilter(new DateOnly(2021, 1, 1), null, null)!;
        Assert.Equal(["p2", "p3", "p5"], Enumerable.Range(0, 5).Where(since2021).Select(Index.Papers.KeyOf));
        var until2021 = Index.PaperFilter(null, new DateOnly(2021, 6, 1), null)!;
        Assert.Equal(["p1", "p2"], Enumerable.Range(0, 5).Where(until2021).Select(Index.Papers.KeyOf));
        var onT1 = Index.PaperFilter(null, null, Topic("t1"))!;
        Assert.Equal(["p1", "p2"], Enumerable.Range(0, 5).Where(onT1).Select(Index.Papers.KeyOf));
    }

    [Fact]
    public void A_coauthor_network_has_every_tie_among_its_authors_with_shared_papers_and_years()
    {
        var network = CoauthorNetwork.Explore(Index, Author("a"), depth: 2, minSharedPapers: 1, includePaper: null, maxNodes: 100);
        Assert.False(network.Truncated);
        Assert.Equal([("a", 0), ("b", 1), ("c", 1), ("d", 2)], network.Nodes.Select(n => (Index.Authors.KeyOf(n.Author), n.Distance)));
        var edges = network.Edges.ToDictionary(e => string.Join("-", AuthorKeys([e.Source, e.Target]).Order()));
        Assert.Equal(["a-b", "a-c", "b-c", "c-d"], edges.Keys.Order());
        Assert.Equal(2, edges["a-b"].Weight);
        Assert.Equal((2020, 2021), (edges["a-b"].FirstYear, edges["a-b"].LastYear));
        Assert.Equal([Paper("p3")], edges["c-d"].SharedPapers);
        Assert.Equal(2, network.Nodes[0].PapersInNetwork);
        Assert.Equal(1, network.Nodes.Single(n => n.Author == Author("d")).PapersInNetwork); // p4 has d alone

        var strongOnly = CoauthorNetwork.Explore(Index, Author("a"), 2, minSharedPapers: 2, includePaper: null, maxNodes: 100);
        Assert.Equal(["a", "b"], AuthorKeys(strongOnly.Nodes.Select(n => n.Author)));

        var capped = CoauthorNetwork.Explore(Index, Author("a"), 2, 1, null, maxNodes: 2);
        Assert.True(capped.Truncated);
        Assert.Equal(["a", "b"], AuthorKeys(capped.Nodes.Select(n => n.Author)));

        var since2021 = CoauthorNetwork.Explore(Index, Author("a"), 1, 1, Index.PaperFilter(new DateOnly(2021, 1, 1), null, null), 100);
        Assert.Equal(1, since2021.Edges.Single(e => AuthorKeys([e.Source, e.Target]).Order().SequenceEqual(["a", "b"])).Weight);
    }

    [Fact]
    public void Collaboration_paths_are_shortest_chains_with_the_papers_of_each_hop()
    {
        var path = Assert.Single(CollaborationPaths.Find(Index, Author("a"), Author("d"), maxLength: 6, limit: 5));
        Assert.Equal(["a", "c", "d"], AuthorKeys(path.Authors));
        Assert.Equal([[Paper("p2")], [Paper("p3")]], path.Hops.Select(h => h.Papers));
        Assert.Empty(CollaborationPaths.Find(Index, Author("a"), Author("d"), maxLength: 1, limit: 1));
        Assert.Empty(CollaborationPaths.Find(Index, Author("a"), Author("e"), maxLength: 6, limit: 1));
    }

    [Fact]
    public void Topic_clusters_split_the_two_groups_and_author_profiles_share_papers_between_them()
    {
        var clustering = TopicClustering.Compute(Index, resolution: 1.0);
        Assert.Equal(2, clustering.Clusters.Count);
        Assert.Equal(clustering.ClusterOfTopic(Topic("t1")), clustering.ClusterOfTopic(Topic("t2")));
        Assert.Equal(clustering.ClusterOfTopic(Topic("t3")), clustering.ClusterOfTopic(Topic("t4")));
        Assert.NotEqual(clustering.ClusterOfTopic(Topic("t1")), clustering.ClusterOfTopic(Topic("t3")));
        // Association weights: t1–t2 = 1·8/(1·1) = 8, t3–t4 = 3·8/(3·3) = 8/3, so m = 32/3 and
        // Q = (8/m − (16/2m)²) + ((8/3)/m − ((16/3)/2m)²) = (0.75 − 0.5625) + (0.25 − 0.0625) = 0.375.
        Assert.Equal(0.375, clustering.Partition.Modularity, 6);

        var early = clustering.ClusterOfTopic(Topic("t1"));
        var late = clustering.ClusterOfTopic(Topic("t3"));
        Assert.Equal(2, clustering.Clusters[early].PaperCount);
        Assert.Equal(3, clustering.Clusters[late].PaperCount);
        Assert.Equal([Paper("p1"), Paper("p2")], clustering.TopPapers(early, 10).Select(m => m.Id).Order());
        Assert.All(clustering.TopPapers(late, 10), m => Assert.Equal(1.0, m.Share));
        Assert.Equal([(Author("d"), 2), (Author("c"), 1), (Author("e"), 1)], clustering.TopAuthors(late, 10).Select(m => (m.Id, m.PaperCount)));

        Assert.Equal([new ClusterShare(early, 2, 1.0)], clustering.ProfileOf(Author("a")));
        var c = clustering.ProfileOf(Author("c"));
        Assert.Equal(1.0, c.Sum(s => s.Share), 9);
        Assert.Equal([0.5, 0.5], c.Select(s => s.Share));
        Assert.Empty(clustering.ProfileOf(Author("f")));

        var again = TopicClustering.Compute(Index, resolution: 1.0);
        Assert.Equal(clustering.Partition.Membership.ToArray(), again.Partition.Membership.ToArray());
    }

    [Fact]
    public void Memory_counts_every_array()
    {
        Assert.True(Index.MemoryBytes > Index.Authorship.MemoryBytes + Index.Citations.MemoryBytes);
        Assert.True(Index.KeyMemoryBytes > 0);
    }
}
