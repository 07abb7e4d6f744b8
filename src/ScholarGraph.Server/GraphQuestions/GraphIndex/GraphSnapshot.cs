using System.Collections.Concurrent;
using ScholarGraph.Graph.Indicators;
using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// One immutable state of the graph index: the <see cref="ScholarlyIndex"/> (arrays and key maps) and what has been computed on it
/// so far (topic clusterings, the indicators' whole-graph tables). A write replaces the whole snapshot, so a request that holds one
/// reads a consistent graph throughout.
/// </summary>
public sealed class GraphSnapshot
{
    /// <summary>Resolutions whose clustering is kept; clients rarely ask for more than a few, and each costs 8 bytes per paper.</summary>
    private const int MaxCachedClusterings = 8;

    private readonly ConcurrentDictionary<double, Lazy<TopicClustering>> _clusterings = new();
    private readonly ConcurrentDictionary<CombinationBasis, Lazy<CombinationNovelty>> _novelty = new();
    private readonly Lazy<FieldNormalizedImpact> _impact;
    private readonly Lazy<TopicTrends> _trends;
    private readonly Lazy<int[]?> _authorsByName;

    /// <summary>A snapshot of <paramref name="index"/> with the texts beside it (none where null: then the store answers).</summary>
    public GraphSnapshot(ScholarlyIndex index, IndexedTexts? names = null, IndexedTexts? titles = null)
        : this(index, names ?? IndexedTexts.Empty, titles ?? IndexedTexts.Empty, () => AuthorsByName.Sort(index.Authors, names ?? IndexedTexts.Empty))
    {
    }

    private GraphSnapshot(ScholarlyIndex index, IndexedTexts names, IndexedTexts titles, Func<int[]?> authorsByName)
    {
        Index = index;
        Names = names;
        Titles = titles;
        _impact = new(() => FieldNormalizedImpact.Compute(index));
        _trends = new(() => TopicTrends.Compute(index));
        _authorsByName = new(authorsByName);
    }

    /// <summary>The index.</summary>
    public ScholarlyIndex Index { get; }

    /// <summary>The authors' names as of this snapshot (<see cref="IndexedTexts.Empty"/> when none were loaded: then the store answers).</summary>
    public IndexedTexts Names { get; }

    /// <summary>The papers' titles as of this snapshot (<see cref="IndexedTexts.Empty"/> when none were loaded: then the store answers).</summary>
    public IndexedTexts Titles { get; }

    /// <summary>
    /// Every author's dense id in the default order of author pages (by name, then key), worked out on first use; null when some
    /// author has no name beside the index.
    /// </summary>
    public int[]? AuthorsInNameOrder => _authorsByName.Value;

    /// <summary>
    /// The snapshot after a write: <paramref name="index"/> (this index with the write applied), with <paramref name="names"/> and
    /// <paramref name="titles"/> (key to text now) replacing or adding to this snapshot's texts. The author order is derived from
    /// this snapshot's where that was worked out, moving only the authors named.
    /// </summary>
    public GraphSnapshot With(ScholarlyIndex index, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> titles)
    {
        var newNames = Names.With(names);
        var previous = _authorsByName.IsValueCreated ? _authorsByName.Value : null;
        Func<int[]?> order = previous is null || names.Count == 0 && index.Authors.Count == previous.Length
            ? previous is null ? () => AuthorsByName.Sort(index.Authors, newNames) : () => previous
            : () => AuthorsByName.Update(previous, index.Authors, newNames, names.Keys);
        return new GraphSnapshot(index, newNames, Titles.With(titles), order);
    }

    /// <summary>
    /// Field-normalised impact with the default window (<see cref="FieldNormalizedImpact.DefaultWindowYears"/>), computed on first
    /// use in one pass over the citations and kept for the snapshot's life (a write makes a new snapshot, which computes it anew).
    /// </summary>
    public FieldNormalizedImpact Impact => _impact.Value;

    /// <summary>Topic counts per year for bursts, computed on first use (one pass over the paper–topic links) and kept.</summary>
    public TopicTrends Trends => _trends.Value;

    /// <summary>Combination novelty by <paramref name="basis"/>; each year's pair counts are computed on first use and kept.</summary>
    public CombinationNovelty Novelty(CombinationBasis basis) =>
        _novelty.GetOrAdd(basis, b => new Lazy<CombinationNovelty>(() => CombinationNovelty.Create(Index, b))).Value;

    /// <summary>
    /// The topic clustering at <paramref name="resolution"/> with Leiden's default seed, computed once per snapshot and resolution
    /// (up to eight resolutions are kept; others are computed per call).
    /// </summary>
    public TopicClustering Clustering(double resolution)
    {
        if (_clusterings.TryGetValue(resolution, out var cached))
            return cached.Value;
        var lazy = new Lazy<TopicClustering>(() =>
        {
            using var activity = GraphIndexTelemetry.Start("graph topicClusters");
            return TopicClustering.Compute(Index, resolution);
        });
        return _clusterings.Count < MaxCachedClusterings ? _clusterings.GetOrAdd(resolution, lazy).Value : lazy.Value;
    }
}
