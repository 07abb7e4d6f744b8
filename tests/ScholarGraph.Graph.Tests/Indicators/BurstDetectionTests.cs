using ScholarGraph.Graph.Indicators;
using ScholarGraph.Graph.Tests.Fixtures;

namespace ScholarGraph.Graph.Tests.Indicators;

/// <summary>Kleinberg's two-state automaton on sequences whose bursts are worked out by hand.</summary>
public sealed class BurstDetectionTests
{
    [Fact]
    public void A_run_of_high_shares_is_one_burst_weighted_by_the_cost_it_saves()
    {
        // d = 10 a batch, r = 1 1 8 8 1 1: p0 = 20/60 = 1/3, p1 = 2/3. A batch saves r·ln(p1/p0) + (d − r)·ln((1 − p1)/(1 − p0))
        // = r·ln 2 − (10 − r)·ln 2 = (2r − 10)·ln 2: 6 ln 2 for r = 8, −8 ln 2 for r = 1. Entering costs ln 6 ≈ 1.79 < 12 ln 2.
        var bursts = BurstDetection.Detect([1, 1, 8, 8, 1, 1], [10, 10, 10, 10, 10, 10]);
        var burst = Assert.Single(bursts);
        Assert.Equal((2, 3), (burst.Start, burst.End));
        Assert.Equal(12 * Math.Log(2), burst.Weight, 10);
    }

    [Fact]
    public void A_high_enough_entry_cost_leaves_the_same_sequence_without_burst()
    {
        // 12 ln 2 / ln 6 ≈ 4.64: with γ = 5 entering costs more than the burst saves; with γ = 4.5 it does not.
        Assert.Empty(BurstDetection.Detect([1, 1, 8, 8, 1, 1], [10, 10, 10, 10, 10, 10], gamma: 5));
        Assert.Single(BurstDetection.Detect([1, 1, 8, 8, 1, 1], [10, 10, 10, 10, 10, 10], gamma: 4.5));
    }

    [Fact]
    public void Two_peaks_apart_are_two_bursts()
    {
        // r = 1 8 1 1 1 8 1 of 10: p0 = 21/70 = 0.3, p1 = 0.6. A peak saves 8 ln 2 + 2 ln(0.4/0.7) ≈ 4.43 > ln 7 ≈ 1.95; staying in
        // the burst over the three low batches would cost 3·(ln 2 + 9 ln(0.7/0.4))... far more than entering again.
        var bursts = BurstDetection.Detect([1, 8, 1, 1, 1, 8, 1], [10, 10, 10, 10, 10, 10, 10]);
        Assert.Equal([(1, 1), (5, 5)], bursts.Select(b => (b.Start, b.End)));
        var peak = 8 * Math.Log(2) + 2 * Math.Log(0.4 / 0.7);
        Assert.All(bursts, b => Assert.Equal(peak, b.Weight, 10));
    }

    [Fact]
    public void Shares_are_what_counts_not_raw_counts()
    {
        // The relevant counts double with the totals: the share is flat, so there is nothing to burst.
        Assert.Empty(BurstDetection.Detect([1, 2, 4, 8, 16], [10, 20, 40, 80, 160]));
    }

    [Fact]
    public void Batches_without_events_cost_nothing_and_a_sequence_without_relevant_events_has_no_burst()
    {
        Assert.Empty(BurstDetection.Detect([0, 0, 0], [5, 0, 5]));
        var bursts = BurstDetection.Detect([1, 0, 8, 8, 1], [10, 0, 10, 10, 10]);
        Assert.Equal([(2, 3)], bursts.Select(b => (b.Start, b.End)));
    }

    [Fact]
    public void Bad_parameters_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BurstDetection.Detect([1], [2], s: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BurstDetection.Detect([1], [2], gamma: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BurstDetection.Detect([3], [2]));
        Assert.Throws<ArgumentException>(() => BurstDetection.Detect([1, 2], [2]));
    }

    [Fact]
    public void A_topic_bursts_in_the_years_its_share_of_papers_rises()
    {
        // Ten papers a year from 2000 to 2005; 'hot' covers 1 of them, but 8 in 2002 and 2003.
        var graph = new PaperGraph().Topic("hot").Topic("cold");
        for (var year = 2000; year <= 2005; year++)
        {
            var hot = year is 2002 or 2003 ? 8 : 1;
            for (var i = 0; i < 10; i++)
                graph.Paper($"p{year}-{i}", year, topics: [(i < hot ? "hot" : "cold", 1.0)]);
        }

        var index = graph.Build();
        var trends = TopicTrends.Compute(index);
        Assert.Equal((2000, 6), (trends.FirstYear, trends.YearCount));
        Assert.Equal([1, 1, 8, 8, 1, 1], trends.PapersPerYear(index.Topic("hot")).ToArray());
        var burst = Assert.Single(trends.BurstsOf(index.Topic("hot")));
        Assert.Equal((2002, 2003), (burst.StartYear, burst.EndYear));
        Assert.Equal(12 * Math.Log(2), burst.Weight, 10);

        // 'cold' dips where 'hot' rises, so it bursts in the other years if at all; 'hot' leads any period that meets 2002-2003.
        var trending = trends.Trending(2003, 2010, 5);
        Assert.Equal(index.Topic("hot"), trending[0].Topic);
        Assert.Equal(burst.Weight, trending[0].Weight, 10);
        Assert.DoesNotContain(trends.Trending(2004, 2005, 5), t => t.Topic == index.Topic("hot"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void On_random_sequences_every_burst_saves_at_least_its_entry_cost(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 200; run++)
        {
            var n = 2 + random.Next(30);
            var total = Enumerable.Range(0, n).Select(_ => random.Next(50)).ToArray();
            var relevant = total.Select(d => random.Next(d + 1) / (random.Next(3) + 1)).ToArray();
            var gamma = random.NextDouble() * 2;
            var bursts = BurstDetection.Detect(relevant, total, 1.5 + random.NextDouble() * 2, gamma);
            var previousEnd = -1;
            foreach (var burst in bursts)
            {
                Assert.True(burst.Start > previousEnd && burst.End >= burst.Start);
                Assert.True(burst.Weight >= gamma * Math.Log(n) - 1e-9, $"weight {burst.Weight} below γ ln n");
                previousEnd = burst.End + 1;
            }
        }
    }
}
