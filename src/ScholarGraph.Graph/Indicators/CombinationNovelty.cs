using ScholarGraph.Graph.Internal;
using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Indicators;

/// <summary>What a paper's references are paired by in <see cref="CombinationNovelty"/>.</summary>
public enum CombinationBasis
{
    /// <summary>The venue of each reference, or its primary topic where the venue is unknown (the default).</summary>
    VenueOrTopic,

    /// <summary>The venue of each reference; references without a venue are left out.</summary>
    Venue,

    /// <summary>The primary topic of each reference; references without topics are left out.</summary>
    Topic,
}

/// <summary>
/// Novelty and conventionality of the combinations of prior work a paper draws on, by the commonness of Lee, Walsh and Wang (2015),
/// "Creativity in scientific teams: Unpacking novelty and impact" (Research Policy 44(3)), over the pairs of its references' venues
/// (or topics; see <see cref="CombinationBasis"/>).
/// </summary>
/// <remarks>
/// <para>
/// Every reference of a paper in the graph gets a label (its venue, its primary topic, or none; <see cref="CombinationBasis"/>).
/// For a publication year t, every unordered pair of distinct labelled references of every paper published in t is one pair of
/// labels (i, j), i = j allowed; N_ij,t counts the pairs of labels i and j, N_i,t the pairs that include label i (a pair (i, i)
/// once), N_t all pairs. Then commonness_ij,t = N_ij,t · N_t / (N_i,t · N_j,t): 1 when i and j are combined as often as their
/// frequencies predict, below 1 for a rare (novel) combination. A paper's pairs are those of its own references, each counted as
/// often as it occurs; its novelty is the 10th percentile of their commonness (<see cref="NoveltyQuantile"/>; lower is more novel)
/// and its conventionality the median (<see cref="ConventionalityQuantile"/>), both by linear interpolation
/// (<see cref="Percentiles.Weighted"/>). The novelty percentile ranks the paper among the papers of its year that have a novelty:
/// 100 · (papers less novel + ½ · papers as novel) / papers, so 90 means "more novel than about 90% of its year". Per author, the
/// median of each over the author's papers that have one.
/// </para>
/// <para>
/// Null with <see cref="IndicatorNullReason.NoPublicationYear"/>, <see cref="IndicatorNullReason.NoReferencesInGraph"/>, or
/// <see cref="IndicatorNullReason.NoReferencePairs"/> (fewer than two labelled references). The z-scores of Uzzi et al. (2013)
/// against a randomised citation network are not computed.
/// </para>
/// <para>
/// <see cref="Create"/> labels every paper and groups papers by year, O(P). A year's counts are computed the first time a paper of
/// that year is asked for, in O(Σ m²) over the year's papers with m distinct labels among their references, and held as one entry
/// per distinct pair of labels, with every paper of the year scored (20 bytes a paper) and the year's novelties sorted for the
/// percentile ranks; a paper is then read in O(log papers of its year). Safe to read from many threads.
/// </para>
/// </remarks>
public sealed class CombinationNovelty
{
    /// <summary>The quantile of a paper's pair commonness that is its novelty: the 10th percentile, as Lee, Walsh and Wang use.</summary>
    public const double NoveltyQuantile = 0.1;

    /// <summary>The quantile of a paper's pair commonness that is its conventionality: the median.</summary>
    public const double ConventionalityQuantile = 0.5;

    private readonly ScholarlyIndex _index;
    private readonly int[] _label;
    private readonly Dictionary<int, Lazy<YearTable>> _years;

    private CombinationNovelty(ScholarlyIndex index, CombinationBasis basis, int[] label, Dictionary<int, Lazy<YearTable>> years)
    {
        _index = index;
        Basis = basis;
        _label = label;
        _years = years;
    }

    /// <summary>What references are paired by.</summary>
    public CombinationBasis Basis { get; }

    /// <summary>Labels every paper of <paramref name="index"/> by <paramref name="basis"/> and groups the papers by year.</summary>
    /// <param name="index">The index.</param>
    /// <param name="basis">What references are paired by; default <see cref="CombinationBasis.VenueOrTopic"/>.</param>
    public static CombinationNovelty Create(ScholarlyIndex index, CombinationBasis basis = CombinationBasis.VenueOrTopic)
    {
        ArgumentNullException.ThrowIfNull(index);
        var paperCount = index.Papers.Count;
        var venues = index.Venues.Count;
        var label = new int[paperCount];
        var papersOfYear = new Dictionary<int, List<int>>();
        for (var paper = 0; paper < paperCount; paper++)
        {
            // Venues and topics share one label space: venues first, then topics shifted past them.
            var venue = basis == CombinationBasis.Topic ? ScholarlyIndex.None : index.VenueOf(paper);
            var topic = basis == CombinationBasis.Venue || venue != ScholarlyIndex.None ? ScholarlyIndex.None : index.PrimaryTopicOf(paper);
            label[paper] = venue != ScholarlyIndex.None ? venue : topic != ScholarlyIndex.None ? venues + topic : ScholarlyIndex.None;
            if (index.PublicationYear(paper) is { } year)
            {
                if (!papersOfYear.TryGetValue(year, out var list))
                {
                    papersOfYear[year] = list = [];
                }

                list.Add(paper);
            }
        }

        var years = new Dictionary<int, Lazy<YearTable>>();
        var novelty = new CombinationNovelty(index, basis, label, years);
        foreach (var (year, papers) in papersOfYear)
        {
            var members = papers.ToArray();
            years[year] = new Lazy<YearTable>(() => novelty.CountPairs(members));
        }

        return novelty;
    }

    /// <summary>
    /// The label of <paramref name="paper"/> as a reference: a venue id, or a topic id plus the number of venues, or
    /// <see cref="ScholarlyIndex.None"/>.
    /// </summary>
    /// <param name="paper">A paper id.</param>
    public int LabelOf(int paper) => _label[paper];

    /// <summary>
    /// commonness_ij,t = N_ij,t · N_t / (N_i,t · N_j,t) of two labels (<see cref="LabelOf"/>) in year <paramref name="year"/>, or
    /// <c>null</c> when no paper of that year pairs them.
    /// </summary>
    /// <param name="year">The publication year of the citing papers.</param>
    /// <param name="first">A label.</param>
    /// <param name="second">Another label, or the same.</param>
    public double? Commonness(int year, int first, int second)
    {
        if (!_years.TryGetValue(year, out var lazy))
        {
            return null;
        }

        var table = lazy.Value;
        return table.Pairs.TryGetValue(PairKey(first, second), out var count) ? table.Commonness(first, second, count) : null;
    }

    /// <summary>The paper's novelty, conventionality and novelty percentile.</summary>
    /// <param name="paper">A paper id of the index it was created on.</param>
    public PaperNovelty Of(int paper)
    {
        var (year, reason, _) = LabelRuns(paper);
        if (reason is not null)
        {
            return new PaperNovelty(null, null, null, 0, year, Basis, reason);
        }

        var table = _years[year!.Value].Value;
        var at = Array.BinarySearch(table.Papers, paper);
        var novelty = table.Novelty[at];
        return new PaperNovelty(novelty, table.Conventionality[at], Percentiles.RankFromTop(table.SortedNovelty, novelty), table.PairCount[at],
            year, Basis, null);
    }

    /// <summary>
    /// The medians of the author's papers' novelty, novelty percentile and conventionality, over the papers that have them; null,
    /// with the reason (<see cref="IndicatorNullReasons.OfAuthor"/>), when none has.
    /// </summary>
    /// <param name="author">An author id of the index it was created on.</param>
    public AuthorNovelty OfAuthor(int author)
    {
        var papers = _index.Authorship.PapersOf(author);
        List<double> novelty = [], percentile = [], conventionality = [];
        var reasons = new List<IndicatorNullReason>();
        foreach (var paper in papers)
        {
            var result = Of(paper);
            if (result.Value is { } value)
            {
                novelty.Add(value);
                percentile.Add(result.Percentile!.Value);
                conventionality.Add(result.Conventionality!.Value);
            }
            else
            {
                reasons.Add(result.Reason!.Value);
            }
        }

        return novelty.Count == 0
            ? new AuthorNovelty(null, null, null, 0, papers.Length, Basis, IndicatorNullReasons.OfAuthor(reasons))
            : new AuthorNovelty(Percentiles.Of(novelty, 0.5), Percentiles.Of(percentile, 0.5), Percentiles.Of(conventionality, 0.5),
                novelty.Count, papers.Length, Basis, null);
    }

    private static long PairKey(int first, int second) =>
        first <= second ? ((long)first << 32) | (uint)second : ((long)second << 32) | (uint)first;

    /// <summary>The paper's year and its references' labels with how many references carry each, ascending; or why it has no pairs.</summary>
    private (int? Year, IndicatorNullReason? Reason, (int Label, int Count)[]? Runs) LabelRuns(int paper)
    {
        var year = _index.PublicationYear(paper);
        if (year is null)
        {
            return (null, IndicatorNullReason.NoPublicationYear, null);
        }

        var references = _index.ReferencesOf(paper);
        if (references.IsEmpty)
        {
            return (year, IndicatorNullReason.NoReferencesInGraph, null);
        }

        var labels = new List<int>(references.Length);
        foreach (var reference in references)
        {
            if (_label[reference] != ScholarlyIndex.None)
            {
                labels.Add(_label[reference]);
            }
        }

        if (labels.Count < 2)
        {
            return (year, IndicatorNullReason.NoReferencePairs, null);
        }

        labels.Sort();
        var runs = new List<(int Label, int Count)>();
        foreach (var label in labels)
        {
            if (runs.Count > 0 && runs[^1].Label == label)
            {
                runs[^1] = (label, runs[^1].Count + 1);
            }
            else
            {
                runs.Add((label, 1));
            }
        }

        return (year, null, [.. runs]);
    }

    // How many pairs of references two runs make: c_a · c_b between labels, c_a · (c_a − 1) / 2 within one.
    private static long PairsOf((int Label, int Count)[] runs, int a, int b) =>
        a == b ? (long)runs[a].Count * (runs[a].Count - 1) / 2 : (long)runs[a].Count * runs[b].Count;

    // Counts the year's pairs, then scores every paper of the year against them (each paper's pairs are read twice in all).
    private YearTable CountPairs(int[] papers)
    {
        var table = new YearTable(papers);
        var runsOf = new (int Label, int Count)[]?[papers.Length];
        for (var i = 0; i < papers.Length; i++)
        {
            if (LabelRuns(papers[i]).Runs is not { } runs)
            {
                continue;
            }

            runsOf[i] = runs;
            for (var a = 0; a < runs.Length; a++)
            {
                for (var b = a; b < runs.Length; b++)
                {
                    var pairs = PairsOf(runs, a, b);
                    if (pairs == 0)
                    {
                        continue;
                    }

                    var key = PairKey(runs[a].Label, runs[b].Label);
                    table.Pairs[key] = table.Pairs.GetValueOrDefault(key) + pairs;
                    table.WithLabel[runs[a].Label] = table.WithLabel.GetValueOrDefault(runs[a].Label) + pairs;
                    if (b != a)
                    {
                        table.WithLabel[runs[b].Label] = table.WithLabel.GetValueOrDefault(runs[b].Label) + pairs;
                    }

                    table.Total += pairs;
                }
            }
        }

        var values = new List<double>(papers.Length);
        for (var i = 0; i < papers.Length; i++)
        {
            if (runsOf[i] is { } runs)
            {
                (table.Novelty[i], table.Conventionality[i], table.PairCount[i]) = Evaluate(table, runs);
                values.Add(table.Novelty[i]);
            }
        }

        values.Sort();
        table.SortedNovelty = [.. values];
        return table;
    }

    private static (double Novelty, double Conventionality, long Pairs) Evaluate(YearTable table, (int Label, int Count)[] runs)
    {
        var size = runs.Length * (runs.Length + 1) / 2;
        var commonness = new double[size];
        var weights = new long[size];
        var used = 0;
        long total = 0;
        for (var a = 0; a < runs.Length; a++)
        {
            for (var b = a; b < runs.Length; b++)
            {
                var pairs = PairsOf(runs, a, b);
                if (pairs == 0)
                {
                    continue;
                }

                var count = table.Pairs[PairKey(runs[a].Label, runs[b].Label)];
                commonness[used] = table.Commonness(runs[a].Label, runs[b].Label, count);
                weights[used++] = pairs;
                total += pairs;
            }
        }

        Array.Sort(commonness, weights, 0, used);
        ReadOnlySpan<double> values = commonness.AsSpan(0, used);
        ReadOnlySpan<long> counts = weights.AsSpan(0, used);
        return (Percentiles.Weighted(values, counts, NoveltyQuantile), Percentiles.Weighted(values, counts, ConventionalityQuantile), total);
    }

    /// <summary>One year's pair counts and the scores of its papers.</summary>
    private sealed class YearTable(int[] papers)
    {
        /// <summary>The year's papers, ascending.</summary>
        public int[] Papers { get; } = papers;

        /// <summary>N_ij by pair key.</summary>
        public Dictionary<long, long> Pairs { get; } = new(SpreadKeyComparer.Instance);

        /// <summary>N_i by label.</summary>
        public Dictionary<int, long> WithLabel { get; } = [];

        /// <summary>N.</summary>
        public long Total { get; set; }

        /// <summary>Each paper's novelty, at its position in <see cref="Papers"/> (meaningless for a paper without pairs).</summary>
        public double[] Novelty { get; } = new double[papers.Length];

        /// <summary>Each paper's conventionality, likewise.</summary>
        public double[] Conventionality { get; } = new double[papers.Length];

        /// <summary>Each paper's number of pairs, likewise.</summary>
        public long[] PairCount { get; } = new long[papers.Length];

        /// <summary>The novelty of every paper of the year that has one, ascending.</summary>
        public double[] SortedNovelty { get; set; } = [];

        public double Commonness(int first, int second, long count) => (double)count * Total / ((double)WithLabel[first] * WithLabel[second]);
    }
}

/// <summary>A paper's novelty and conventionality of its references' combinations.</summary>
/// <param name="Value">Novelty: the 10th percentile of its pairs' commonness (lower is more novel), or <c>null</c> (see <paramref name="Reason"/>).</param>
/// <param name="Conventionality">The median of its pairs' commonness, or <c>null</c>.</param>
/// <param name="Percentile">Its novelty's percentile rank among the papers of its year, 0 to 100 (higher is more novel), or <c>null</c>.</param>
/// <param name="PairCount">Pairs of labelled references, C(k, 2) for k of them.</param>
/// <param name="Year">The publication year, or <c>null</c>.</param>
/// <param name="Basis">What references were paired by.</param>
/// <param name="Reason">Why <paramref name="Value"/> is null, or <c>null</c> when it is not.</param>
public sealed record PaperNovelty(double? Value, double? Conventionality, double? Percentile, long PairCount, int? Year,
    CombinationBasis Basis, IndicatorNullReason? Reason) : IComputedIndicator;

/// <summary>An author's median novelty and conventionality.</summary>
/// <param name="Value">The median novelty of the papers that have one, or <c>null</c>.</param>
/// <param name="Percentile">The median of their novelty percentiles (0 to 100), or <c>null</c>.</param>
/// <param name="Conventionality">The median of their conventionality, or <c>null</c>.</param>
/// <param name="PapersWithValue">Papers the medians are taken over.</param>
/// <param name="PaperCount">The author's papers.</param>
/// <param name="Basis">What references were paired by.</param>
/// <param name="Reason">Why <paramref name="Value"/> is null, or <c>null</c> when it is not.</param>
public sealed record AuthorNovelty(double? Value, double? Percentile, double? Conventionality, int PapersWithValue, int PaperCount,
    CombinationBasis Basis, IndicatorNullReason? Reason) : IComputedIndicator;
