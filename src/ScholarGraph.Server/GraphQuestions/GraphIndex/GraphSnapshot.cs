using System.Collections.Concurrent;
using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// One immutable state of the graph index: the <see cref="ScholarlyIndex"/> (arrays and key maps) and the topic clusterings computed
/// on it so far. A write replaces the whole snapshot, so a request that holds one reads a consistent graph throughout.
/// </summary>
public sealed class GraphSnapshot(ScholarlyIndex index)
{
    /// <summary>Resolutions whose clustering is kept; clients rarely ask for more than a few, and each costs 8 bytes per paper.</summary>
    private const int MaxCachedClusterings = 8;

    private readonly ConcurrentDictionary<double, Lazy<TopicClustering>> _clusterings = new();

    /// <summary>The index.</summary>
    public ScholarlyIndex Index { get; } = index;

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
