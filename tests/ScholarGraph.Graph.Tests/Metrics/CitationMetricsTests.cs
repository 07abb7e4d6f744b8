using ScholarGraph.Graph.Metrics;

namespace ScholarGraph.Graph.Tests.Metrics;

public class CitationMetricsTests
{
    [Theory]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 0 }, 0)]
    [InlineData(new[] { 10, 8, 5, 4, 3 }, 4)]
    [InlineData(new[] { 25, 8, 5, 3, 3 }, 3)]
    [InlineData(new[] { 1, 1, 1 }, 1)]
    [InlineData(new[] { 3, 0, 6, 1, 5 }, 3)]
    [InlineData(new[] { 100 }, 1)]
    [InlineData(new[] { 5, 5, 5, 5, 5 }, 5)]
    [InlineData(new[] { 6, 6, 6, 6, 6 }, 5)]
    [InlineData(new[] { 0, 0, 0 }, 0)]
    public void H_index_is_the_largest_h_with_h_papers_of_at_least_h_citations(int[] citations, int expected)
    {
        Assert.Equal(expected, CitationMetrics.HIndex(citations));
    }

    [Theory]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 9, 10, 11 }, 2)]
    [InlineData(new[] { 0, 1, 2 }, 0)]
    [InlineData(new[] { 100, 50, 10, 10 }, 4)]
    public void I10_index_counts_papers_with_at_least_ten_citations(int[] citations, int expected)
    {
        Assert.Equal(expected, CitationMetrics.I10Index(citations));
    }

    [Fact]
    public void Negative_citation_counts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CitationMetrics.HIndex([3, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CitationMetrics.I10Index([-1]));
    }

    [Fact]
    public void Papers_per_year_are_counted_and_sorted_by_year()
    {
        var counts = CitationMetrics.PapersPerYear([2021, 2019, 2021, 2020, 2021]);

        Assert.Equal([new YearCount(2019, 1), new YearCount(2020, 1), new YearCount(2021, 3)], counts);
        Assert.Empty(CitationMetrics.PapersPerYear([]));
    }
}
