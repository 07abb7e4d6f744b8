using ScholarGraph.Graph.Indicators;
using ScholarGraph.Graph.Metrics;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Graph.Tests.Fixtures;

namespace ScholarGraph.Graph.Tests.Indicators;

/// <summary>
/// Citations over time and field-normalised impact on a hand-made graph. Topics T1 and T2 belong to field F1 (through subfield
/// S1); T3 stands alone. Papers of 2010: P (T1) cited in 2010, 2012, 2013 and 2014; Q (T2) cited in 2011 and 2014 (by a paper
/// that cites P too); R (T1 0.4, T3 0.9, so
/// its primary topic is T3) never cited; U (no topic) cited in 2010. With a window of 3 years (2010-2013), c(P) = 3 and c(Q) = 1,
/// so in field F1 of 2010 the mean is 2: FNCI(P) = 1.5 and FNCI(Q) = 0.5.
/// </summary>
public sealed class CitationImpactTests
{
    private static ScholarlyIndex Graph() => new PaperGraph()
        .Topic("F1", isField: true).Topic("S1", "F1").Topic("T1", "S1").Topic("T2", "S1").Topic("T3")
        .Paper("P", 2010, topics: [("T1", 1.0)], authors: ["both", "p-only"])
        .Paper("Q", 2010, topics: [("T2", 0.7)], authors: ["both"])
        .Paper("R", 2010, topics: [("T1", 0.4), ("T3", 0.9)], authors: ["r-and-u", "r-only"])
        .Paper("U", 2010, authors: ["r-and-u"])
        .Paper("Undated", null, topics: [("T1", 1.0)])
        .Paper("c2010", 2010, ["P", "U"]).Paper("c2011", 2011, ["Q"]).Paper("c2012", 2012, ["P"]).Paper("c2013", 2013, ["P"])
        .Paper("c2014", 2014, ["P", "Q"]).Paper("cUndated", null, ["P", "Q"])
        .Build();

    [Fact]
    public void Citations_by_year_count_the_citing_papers_of_each_year()
    {
        var index = Graph();
        Assert.Equal([new YearCount(2010, 1), new YearCount(2012, 1), new YearCount(2013, 1), new YearCount(2014, 1)],
            CitationTimeline.ByYear(index, index.Paper("P")));
        Assert.Equal([new YearCount(2011, 1), new YearCount(2014, 1)], CitationTimeline.ByYear(index, index.Paper("Q")));
        Assert.Empty(CitationTimeline.ByYear(index, index.Paper("R")));
        // An author's citations per year: c2014 cites both P and Q and counts twice, as in citationCount.
        Assert.Equal([new YearCount(2010, 1), new YearCount(2011, 1), new YearCount(2012, 1), new YearCount(2013, 1), new YearCount(2014, 2)],
            CitationTimeline.ByYearOfAuthor(index, index.Author("both")));
    }

    [Fact]
    public void Citations_within_a_window_count_from_the_publication_year_to_w_years_after()
    {
        var index = Graph();
        var p = index.Paper("P");
        Assert.Equal(4, CitationTimeline.Within(index, p).Count);
        var three = CitationTimeline.Within(index, p, 3);
        Assert.Equal((3, 3, 2010, 2013), (three.Count, three.Years, three.FirstYear, three.LastYear));
        Assert.Equal(1, CitationTimeline.Within(index, p, 0).Count);
        var undated = CitationTimeline.Within(index, index.Paper("Undated"), 3);
        Assert.Null(undated.Count);
        Assert.Equal(IndicatorNullReason.NoPublicationYear, undated.Reason);
    }

    [Fact]
    public void Impact_divides_by_the_mean_of_the_same_year_and_field()
    {
        var index = Graph();
        var impact = FieldNormalizedImpact.Compute(index);
        var p = impact.Of(index.Paper("P"));
        Assert.Equal(1.5, p.Value!.Value, 12);
        Assert.Equal((3, 2.0, 2, 2010, index.Topic("F1")), (p.Citations!.Value, p.ExpectedCitations!.Value, p.ComparisonSetSize, p.Year!.Value, p.Field));
        Assert.Equal(0.5, impact.Of(index.Paper("Q")).Value!.Value, 12);

        // A longer window counts the 2014 citations too: P 4 and Q 2, a mean of 3.
        Assert.Equal(4 / 3.0, FieldNormalizedImpact.Compute(index, 5).Of(index.Paper("P")).Value!.Value, 12);
    }

    [Fact]
    public void Impact_is_null_with_its_reason_where_there_is_nothing_to_compare_with()
    {
        var index = Graph();
        var impact = FieldNormalizedImpact.Compute(index);
        var r = impact.Of(index.Paper("R"));
        Assert.Equal((IndicatorNullReason.ComparisonSetUncited, index.Topic("T3"), 1), (r.Reason!.Value, r.Field, r.ComparisonSetSize));
        Assert.Null(r.Value);
        var u = impact.Of(index.Paper("U"));
        Assert.Equal((IndicatorNullReason.NoTopic, 1), (u.Reason!.Value, u.Citations!.Value));
        Assert.Equal(IndicatorNullReason.NoPublicationYear, impact.Of(index.Paper("Undated")).Reason);
    }

    [Fact]
    public void An_authors_impact_is_the_mean_over_their_papers_with_a_value()
    {
        var index = Graph();
        var impact = FieldNormalizedImpact.Compute(index);
        var both = impact.OfAuthor(index.Author("both"));
        Assert.Equal((1.0, 2, 2), (both.Value!.Value, both.PapersWithValue, both.PaperCount));
        Assert.Equal(1.5, impact.OfAuthor(index.Author("p-only")).Value!.Value, 12);
        Assert.Equal(IndicatorNullReason.ComparisonSetUncited, impact.OfAuthor(index.Author("r-only")).Reason);
        Assert.Equal(IndicatorNullReason.NoPaperWithValue, impact.OfAuthor(index.Author("r-and-u")).Reason);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void On_random_graphs_each_comparison_set_averages_one(int seed)
    {
        var index = RandomCitationGraphs.Build(RandomCitationGraphs.Papers(700, seed));
        var impact = FieldNormalizedImpact.Compute(index);
        var groups = Enumerable.Range(0, index.Papers.Count).Select(impact.Of).Where(i => i.Value is not null)
            .GroupBy(i => (i.Year, i.Field)).ToArray();
        Assert.True(groups.Length > 20);
        Assert.All(groups, g => Assert.Equal(1, g.Average(i => i.Value!.Value), 9));
        Assert.All(groups, g => Assert.Equal(g.First().ComparisonSetSize, g.Count()));
        // Topics t0..t3 share field f0; the others are their own field.
        Assert.All(groups, g => Assert.True(g.Key.Field == index.Topic("f0") || index.Topics.KeyOf(g.Key.Field) is "t4" or "t5" or "t6" or "t7"));
    }
}
