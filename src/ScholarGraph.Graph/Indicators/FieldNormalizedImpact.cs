using ScholarGraph.Graph.Internal;
using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Indicators;

/// <summary>
/// Field-normalised citation impact, as the field-weighted citation impact of Scopus and OpenAlex defines it, computed from the
/// citation graph of the index: a paper's citations in its publication year and the <c>w</c> years after it, over the mean of the
/// same count for the papers of the same publication year and field.
/// </summary>
/// <remarks>
/// <para>
/// FNCI(p) = c(p, w) / ( (1 / |S(p)|) · Σ_{q ∈ S(p)} c(q, w) ), where c(q, w) counts the papers citing q published from q's year to
/// w years after it (<see cref="CitationTimeline.Within"/>) and S(p) is the set of papers with p's publication year whose primary
/// topic (<see cref="ScholarlyIndex.PrimaryTopicOf"/>) lies in p's field (<see cref="ScholarlyIndex.FieldOf"/>: the field of the
/// imported topic hierarchy, or the topic itself where there is none). p is in S(p). 1 means "cited as the average paper of its
/// field and year"; only citing papers in the graph count, so the values are relative to what the graph holds. Per author, the
/// mean over the author's papers that have a value. Reference: the Snowball Metrics Recipe Book (3rd ed., 2017), "Field-Weighted
/// Citation Impact", and OpenAlex's <c>fwci</c>.
/// </para>
/// <para>
/// Null with <see cref="IndicatorNullReason.NoPublicationYear"/> for a paper without a date, <see cref="IndicatorNullReason.NoTopic"/>
/// for one without a topic, and <see cref="IndicatorNullReason.ComparisonSetUncited"/> when the mean of S(p) is 0.
/// </para>
/// <para>
/// Computing costs one pass over the citations (O(P + C)) and holds 8 bytes per paper plus the (year, field) groups; reading a paper
/// is O(1) and an author O(papers). Immutable once computed, and safe to read from many threads.
/// </para>
/// </remarks>
public sealed class FieldNormalizedImpact
{
    /// <summary>The window when none is given: the publication year and the three years after it, as Scopus and OpenAlex count.</summary>
    public const int DefaultWindowYears = 3;

    private readonly ScholarlyIndex _index;
    private readonly int[] _citations;
    private readonly int[] _group;
    private readonly long[] _groupCitations;
    private readonly int[] _groupSize;

    private FieldNormalizedImpact(ScholarlyIndex index, int windowYears, int[] citations, int[] group, long[] groupCitations, int[] groupSize)
    {
        _index = index;
        WindowYears = windowYears;
        _citations = citations;
        _group = group;
        _groupCitations = groupCitations;
        _groupSize = groupSize;
    }

    /// <summary>Years after the publication year the citation window reaches.</summary>
    public int WindowYears { get; }

    /// <summary>Computes the citation windows and the (year, field) means of every paper of <paramref name="index"/>.</summary>
    /// <param name="index">The index.</param>
    /// <param name="windowYears">Years after the publication year the window reaches, at least 0; default <see cref="DefaultWindowYears"/>.</param>
    public static FieldNormalizedImpact Compute(ScholarlyIndex index, int windowYears = DefaultWindowYears)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(windowYears);
        var paperCount = index.Papers.Count;
        var years = new int[paperCount];
        for (var paper = 0; paper < paperCount; paper++)
        {
            years[paper] = index.PublicationYear(paper) ?? int.MinValue;
        }

        // Walking the citing side reads each paper's references once, in order.
        var citations = new int[paperCount];
        for (var citing = 0; citing < paperCount; citing++)
        {
            var year = years[citing];
            if (year == int.MinValue)
            {
                continue;
            }

            foreach (var cited in index.ReferencesOf(citing))
            {
                var citedYear = years[cited];
                if (citedYear != int.MinValue && year >= citedYear && year - citedYear <= windowYears)
                {
                    citations[cited]++;
                }
            }
        }

        var groups = new Dictionary<long, int>(SpreadKeyComparer.Instance);
        var group = new int[paperCount];
        var groupCitations = new List<long>();
        var groupSize = new List<int>();
        for (var paper = 0; paper < paperCount; paper++)
        {
            var topic = index.PrimaryTopicOf(paper);
            if (years[paper] == int.MinValue || topic == ScholarlyIndex.None)
            {
                group[paper] = ScholarlyIndex.None;
                continue;
            }

            var key = ((long)years[paper] << 32) | (uint)index.FieldOf(topic);
            if (!groups.TryGetValue(key, out var id))
            {
                id = groups.Count;
                groups.Add(key, id);
                groupCitations.Add(0);
                groupSize.Add(0);
            }

            group[paper] = id;
            groupCitations[id] += citations[paper];
            groupSize[id]++;
        }

        return new FieldNormalizedImpact(index, windowYears, citations, group, [.. groupCitations], [.. groupSize]);
    }

    /// <summary>The paper's field-normalised impact with the figures it comes from.</summary>
    /// <param name="paper">A paper id of the index it was computed on.</param>
    public PaperImpact Of(int paper)
    {
        var year = _index.PublicationYear(paper);
        var topic = _index.PrimaryTopicOf(paper);
        var field = topic == ScholarlyIndex.None ? ScholarlyIndex.None : _index.FieldOf(topic);
        if (year is null)
        {
            return new PaperImpact(null, null, null, 0, null, field, WindowYears, IndicatorNullReason.NoPublicationYear);
        }

        if (topic == ScholarlyIndex.None)
        {
            return new PaperImpact(null, _citations[paper], null, 0, year, field, WindowYears, IndicatorNullReason.NoTopic);
        }

        var group = _group[paper];
        var expected = (double)_groupCitations[group] / _groupSize[group];
        return expected == 0
            ? new PaperImpact(null, _citations[paper], 0, _groupSize[group], year, field, WindowYears, IndicatorNullReason.ComparisonSetUncited)
            : new PaperImpact(_citations[paper] / expected, _citations[paper], expected, _groupSize[group], year, field, WindowYears, null);
    }

    /// <summary>
    /// The mean of the author's papers' values; null, with the reason (<see cref="IndicatorNullReasons.OfAuthor"/>), when none has one.
    /// </summary>
    /// <param name="author">An author id of the index it was computed on.</param>
    public AuthorImpact OfAuthor(int author)
    {
        var papers = _index.Authorship.PapersOf(author);
        var sum = 0.0;
        var valued = 0;
        var reasons = new List<IndicatorNullReason>();
        foreach (var paper in papers)
        {
            var impact = Of(paper);
            if (impact.Value is { } value)
            {
                sum += value;
                valued++;
            }
            else
            {
                reasons.Add(impact.Reason!.Value);
            }
        }

        return valued == 0
            ? new AuthorImpact(null, 0, papers.Length, WindowYears, IndicatorNullReasons.OfAuthor(reasons))
            : new AuthorImpact(sum / valued, valued, papers.Length, WindowYears, null);
    }
}

/// <summary>One paper's field-normalised citation impact.</summary>
/// <param name="Value">c(p, w) over the mean of its comparison set, or <c>null</c> (see <paramref name="Reason"/>).</param>
/// <param name="Citations">c(p, w): citing papers in the window, or <c>null</c> when the paper has no year.</param>
/// <param name="ExpectedCitations">The mean c(q, w) of the comparison set, or <c>null</c> when there is no set.</param>
/// <param name="ComparisonSetSize">Papers of the same year and field, the paper included; 0 when there is no set.</param>
/// <param name="Year">The publication year, or <c>null</c>.</param>
/// <param name="Field">The field (a topic id) compared within, or <see cref="ScholarlyIndex.None"/> for a paper without topics.</param>
/// <param name="WindowYears">Years after the publication year the window reaches.</param>
/// <param name="Reason">Why <paramref name="Value"/> is null, or <c>null</c> when it is not.</param>
public sealed record PaperImpact(double? Value, int? Citations, double? ExpectedCitations, int ComparisonSetSize, int? Year, int Field,
    int WindowYears, IndicatorNullReason? Reason) : IComputedIndicator;

/// <summary>An author's field-normalised citation impact.</summary>
/// <param name="Value">The mean over the papers with a value, or <c>null</c> when none has one.</param>
/// <param name="PapersWithValue">Papers the mean is taken over.</param>
/// <param name="PaperCount">The author's papers.</param>
/// <param name="WindowYears">Years after the publication year the window reaches.</param>
/// <param name="Reason">Why <paramref name="Value"/> is null, or <c>null</c> when it is not.</param>
public sealed record AuthorImpact(double? Value, int PapersWithValue, int PaperCount, int WindowYears, IndicatorNullReason? Reason) : IComputedIndicator;
