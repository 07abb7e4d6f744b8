using ScholarGraph.Graph.Indicators;
using ScholarGraph.Graph.Tests.Fixtures;

namespace ScholarGraph.Graph.Tests.Indicators;

/// <summary>
/// Commonness, novelty and conventionality on a hand-made corpus. The cited papers sit in venues V1, V2, V3; the citing papers of
/// 2010 combine them as follows (pairs of their references' venues):
/// P1: (1,2); P2: (1,2); P3: (1,3); P4: V1, V1, V2 → (1,1) once and (1,2) twice; P5: (2,3).
/// So N = 7, N_12 = 4, N_13 = 1, N_11 = 1, N_23 = 1, and the pairs including each venue N_1 = 6, N_2 = 5, N_3 = 2;
/// commonness(1,2) = 4·7/(6·5) = 14/15, (1,3) = 7/12, (1,1) = 7/36, (2,3) = 7/10.
/// </summary>
public sealed class CombinationNoveltyTests
{
    private static PaperGraph Corpus()
    {
        var graph = new PaperGraph().Topic("topic-a").Topic("topic-b");
        foreach (var (key, venue) in new[] { ("a", "V1"), ("b", "V2"), ("c", "V1"), ("d", "V2"), ("e", "V1"), ("f", "V3"), ("g", "V1"), ("h", "V1"), ("i", "V2"), ("j", "V2"), ("k", "V3") })
            graph.Paper(key, 2000, venue: venue);
        graph.Paper("untitled-venue", 2000, topics: [("topic-a", 0.9)]).Paper("nothing", 2000);
        return graph
            .Paper("P1", 2010, ["a", "b"], authors: ["author"])
            .Paper("P2", 2010, ["c", "d"])
            .Paper("P3", 2010, ["e", "f"], authors: ["author"])
            .Paper("P4", 2010, ["g", "h", "i"], authors: ["author"])
            .Paper("P5", 2010, ["j", "k"])
            // Other years and papers without pairs leave 2010's counts alone.
            .Paper("Later", 2011, ["a", "f"])
            .Paper("OneLabelled", 2010, ["a", "nothing"])
            .Paper("Undated", null, ["a", "b"])
            .Paper("NoReferences", 2010)
            .Paper("WithTopic", 2012, ["a", "untitled-venue"]);
    }

    [Fact]
    public void Commonness_is_observed_pairs_over_what_the_venues_frequencies_predict()
    {
        var index = Corpus().Build();
        var novelty = CombinationNovelty.Create(index, CombinationBasis.Venue);
        int v1 = index.Venue("V1"), v2 = index.Venue("V2"), v3 = index.Venue("V3");
        Assert.Equal(14.0 / 15, novelty.Commonness(2010, v1, v2)!.Value, 12);
        Assert.Equal(14.0 / 15, novelty.Commonness(2010, v2, v1)!.Value, 12);
        Assert.Equal(7.0 / 12, novelty.Commonness(2010, v1, v3)!.Value, 12);
        Assert.Equal(7.0 / 36, novelty.Commonness(2010, v1, v1)!.Value, 12);
        Assert.Equal(7.0 / 10, novelty.Commonness(2010, v2, v3)!.Value, 12);
        Assert.Null(novelty.Commonness(2010, v3, v3));
        // 2011 has one pair, (1,3): N = N_13 = N_1 = N_3 = 1.
        Assert.Equal(1, novelty.Commonness(2011, v1, v3)!.Value, 12);
        Assert.Null(novelty.Commonness(1999, v1, v2));
    }

    [Fact]
    public void Novelty_is_the_tenth_percentile_and_conventionality_the_median_of_a_papers_pairs()
    {
        var index = Corpus().Build();
        var novelty = CombinationNovelty.Create(index, CombinationBasis.Venue);
        // P4's three pairs: 7/36, 14/15, 14/15. The 10th percentile by linear interpolation: h = 0.2 between the first two.
        var p4 = novelty.Of(index.Paper("P4"));
        Assert.Equal(7.0 / 36 + 0.2 * (14.0 / 15 - 7.0 / 36), p4.Value!.Value, 12);
        Assert.Equal(14.0 / 15, p4.Conventionality!.Value, 12);
        Assert.Equal(3, p4.PairCount);
        Assert.Equal(2010, p4.Year);

        var p3 = novelty.Of(index.Paper("P3"));
        Assert.Equal(7.0 / 12, p3.Value!.Value, 12);
        Assert.Equal(7.0 / 12, p3.Conventionality!.Value, 12);
    }

    [Fact]
    public void The_percentile_ranks_novelty_among_the_papers_of_the_same_year()
    {
        var index = Corpus().Build();
        var novelty = CombinationNovelty.Create(index, CombinationBasis.Venue);
        // 2010's novelties, ascending: P4 0.342, P3 0.583, P5 0.7, P1 0.933, P2 0.933. Rank = 100·(less novel + ½·as novel)/5.
        Assert.Equal(90, novelty.Of(index.Paper("P4")).Percentile!.Value, 10);
        Assert.Equal(70, novelty.Of(index.Paper("P3")).Percentile!.Value, 10);
        Assert.Equal(50, novelty.Of(index.Paper("P5")).Percentile!.Value, 10);
        Assert.Equal(20, novelty.Of(index.Paper("P1")).Percentile!.Value, 10);
        Assert.Equal(20, novelty.Of(index.Paper("P2")).Percentile!.Value, 10);
        // Alone in its year, a paper is at 50.
        Assert.Equal(50, novelty.Of(index.Paper("Later")).Percentile!.Value, 10);
    }

    [Fact]
    public void Papers_without_pairs_say_why()
    {
        var index = Corpus().Build();
        var novelty = CombinationNovelty.Create(index, CombinationBasis.Venue);
        Assert.Equal(IndicatorNullReason.NoPublicationYear, novelty.Of(index.Paper("Undated")).Reason);
        Assert.Equal(IndicatorNullReason.NoReferencesInGraph, novelty.Of(index.Paper("NoReferences")).Reason);
        Assert.Equal(IndicatorNullReason.NoReferencePairs, novelty.Of(index.Paper("OneLabelled")).Reason);
        Assert.Equal(IndicatorNullReason.NoReferencePairs, novelty.Of(index.Paper("WithTopic")).Reason);
        Assert.All(new[] { "Undated", "NoReferences", "OneLabelled" }, key => Assert.Null(novelty.Of(index.Paper(key)).Value));
    }

    [Fact]
    public void A_reference_without_a_venue_stands_in_by_its_primary_topic_unless_venues_alone_are_asked_for()
    {
        var index = Corpus().Build();
        var mixed = CombinationNovelty.Create(index);
        Assert.Equal(CombinationBasis.VenueOrTopic, mixed.Basis);
        Assert.Equal(index.Venues.Count + index.Topic("topic-a"), mixed.LabelOf(index.Paper("untitled-venue")));
        var withTopic = mixed.Of(index.Paper("WithTopic"));
        Assert.Equal(1, withTopic.PairCount);
        Assert.Equal(1, withTopic.Value!.Value, 12);

        var byTopic = CombinationNovelty.Create(index, CombinationBasis.Topic);
        Assert.Equal(IndicatorNullReason.NoReferencePairs, byTopic.Of(index.Paper("P1")).Reason);
    }

    [Fact]
    public void An_author_gets_the_medians_of_their_papers()
    {
        var index = Corpus().Build();
        var novelty = CombinationNovelty.Create(index, CombinationBasis.Venue);
        // P1 14/15 (rank 20), P3 7/12 (70), P4 0.342 (90): medians 7/12, 70, and conventionality 14/15 of (14/15, 7/12, 14/15).
        var author = novelty.OfAuthor(index.Author("author"));
        Assert.Equal(7.0 / 12, author.Value!.Value, 12);
        Assert.Equal(70, author.Percentile!.Value, 10);
        Assert.Equal(14.0 / 15, author.Conventionality!.Value, 12);
        Assert.Equal((3, 3), (author.PapersWithValue, author.PaperCount));
    }

    [Fact]
    public void An_author_whose_papers_cite_nothing_in_the_graph_has_no_novelty_for_that_reason()
    {
        var index = new PaperGraph().Paper("x", 2020, authors: ["seed"]).Paper("y", 2021, authors: ["seed"]).Build();
        var author = CombinationNovelty.Create(index).OfAuthor(index.Author("seed"));
        Assert.Null(author.Value);
        Assert.Equal(IndicatorNullReason.NoReferencesInGraph, author.Reason);
        Assert.Equal((0, 2), (author.PapersWithValue, author.PaperCount));
        Assert.Equal("no references in the graph", IndicatorNullReasons.Describe(author.Reason!.Value));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void On_random_graphs_novelty_never_exceeds_conventionality_and_ranks_stay_in_range(int seed)
    {
        var index = RandomCitationGraphs.Build(RandomCitationGraphs.Papers(800, seed));
        foreach (var basis in Enum.GetValues<CombinationBasis>())
        {
            var novelty = CombinationNovelty.Create(index, basis);
            var valued = 0;
            for (var paper = 0; paper < index.Papers.Count; paper++)
            {
                var result = novelty.Of(paper);
                if (result.Value is not { } value)
                {
                    Assert.NotNull(result.Reason);
                    continue;
                }

                valued++;
                Assert.True(value > 0 && value <= result.Conventionality + 1e-12);
                Assert.InRange(result.Percentile!.Value, 0, 100);
            }

            Assert.True(valued > 200, $"{basis}: only {valued} values");
        }
    }
}
