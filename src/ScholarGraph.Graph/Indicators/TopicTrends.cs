using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Indicators;

/// <summary>
/// Bursts of topics over the years: for each topic, <see cref="BurstDetection"/> over its share of papers per year (r_t the papers
/// of year t covering the topic, d_t all papers of year t), as CiteSpace detects bursts of terms; and the topics bursting in a
/// period.
/// </summary>
/// <remarks>
/// Years run from the first to the last publication year in the index, every year between them a batch (a year without papers
/// costs nothing in either state). <see cref="Compute"/> counts every dated paper's topics once, O(P + L) time for L paper–topic
/// links, and holds 4 bytes per topic and year; bursts are detected on demand in O(years) per topic. Immutable once computed.
/// </remarks>
public sealed class TopicTrends
{
    private readonly int[] _counts;
    private readonly int[] _papersPerYear;
    private readonly int _years;

    private TopicTrends(int firstYear, int years, int[] counts, int[] papersPerYear)
    {
        FirstYear = firstYear;
        _years = years;
        _counts = counts;
        _papersPerYear = papersPerYear;
    }

    /// <summary>The first year with a dated paper (the first batch); meaningless when <see cref="YearCount"/> is 0.</summary>
    public int FirstYear { get; }

    /// <summary>Number of yearly batches; 0 when no paper has a date.</summary>
    public int YearCount => _years;

    /// <summary>Counts the papers of every topic per year in <paramref name="index"/>.</summary>
    /// <param name="index">The index.</param>
    public static TopicTrends Compute(ScholarlyIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        int first = int.MaxValue, last = int.MinValue;
        for (var paper = 0; paper < index.Papers.Count; paper++)
        {
            if (index.PublicationYear(paper) is { } year)
            {
                first = Math.Min(first, year);
                last = Math.Max(last, year);
            }
        }

        if (first > last)
        {
            return new TopicTrends(0, 0, [], []);
        }

        var years = last - first + 1;
        var counts = new int[index.Topics.Count * years];
        var papersPerYear = new int[years];
        for (var paper = 0; paper < index.Papers.Count; paper++)
        {
            if (index.PublicationYear(paper) is not { } year)
            {
                continue;
            }

            papersPerYear[year - first]++;
            foreach (var topic in index.TopicsOf(paper))
            {
                counts[topic * years + year - first]++;
            }
        }

        return new TopicTrends(first, years, counts, papersPerYear);
    }

    /// <summary>Papers of each year (from <see cref="FirstYear"/>) that cover the topic.</summary>
    /// <param name="topic">A topic id.</param>
    public ReadOnlySpan<int> PapersPerYear(int topic) => _counts.AsSpan(topic * _years, _years);

    /// <summary>The topic's bursts, oldest first.</summary>
    /// <param name="topic">A topic id.</param>
    /// <param name="s">The ratio of the burst rate to the base rate, above 1; default <see cref="BurstDetection.DefaultScale"/>.</param>
    /// <param name="gamma">γ, at least 0; default <see cref="BurstDetection.DefaultGamma"/>.</param>
    public IReadOnlyList<TopicBurst> BurstsOf(int topic, double s = BurstDetection.DefaultScale, double gamma = BurstDetection.DefaultGamma) =>
        BurstDetection.Detect(PapersPerYear(topic), _papersPerYear, s, gamma)
            .Select(b => new TopicBurst(FirstYear + b.Start, FirstYear + b.End, b.Weight)).ToArray();

    /// <summary>
    /// The topics with bursts overlapping the years <paramref name="fromYear"/> to <paramref name="toYear"/>, by the summed weight
    /// of those bursts (highest first, then lower id).
    /// </summary>
    /// <param name="fromYear">The period's first year.</param>
    /// <param name="toYear">The period's last year, at least <paramref name="fromYear"/>.</param>
    /// <param name="limit">Largest number of topics; at least 0.</param>
    /// <param name="s">The ratio of the burst rate to the base rate, above 1; default <see cref="BurstDetection.DefaultScale"/>.</param>
    /// <param name="gamma">γ, at least 0; default <see cref="BurstDetection.DefaultGamma"/>.</param>
    public IReadOnlyList<TrendingTopic> Trending(int fromYear, int toYear, int limit, double s = BurstDetection.DefaultScale,
        double gamma = BurstDetection.DefaultGamma)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var trending = new List<TrendingTopic>();
        var topics = _years == 0 ? 0 : _counts.Length / _years;
        for (var topic = 0; topic < topics; topic++)
        {
            var overlapping = BurstsOf(topic, s, gamma).Where(b => b.StartYear <= toYear && b.EndYear >= fromYear).ToArray();
            if (overlapping.Length > 0)
            {
                trending.Add(new TrendingTopic(topic, overlapping.Sum(b => b.Weight), overlapping));
            }
        }

        return trending.OrderByDescending(t => t.Weight).ThenBy(t => t.Topic).Take(limit).ToArray();
    }
}

/// <summary>A burst of a topic.</summary>
/// <param name="StartYear">The first year of the burst.</param>
/// <param name="EndYear">The last year of the burst (inclusive).</param>
/// <param name="Weight">Its weight (<see cref="Burst.Weight"/>).</param>
public readonly record struct TopicBurst(int StartYear, int EndYear, double Weight);

/// <summary>A topic bursting in a period.</summary>
/// <param name="Topic">The topic's id.</param>
/// <param name="Weight">The summed weight of its bursts that overlap the period.</param>
/// <param name="Bursts">Those bursts, oldest first.</param>
public sealed record TrendingTopic(int Topic, double Weight, IReadOnlyList<TopicBurst> Bursts);
