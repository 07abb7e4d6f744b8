using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Internal;

namespace ScholarGraph.Graph.Communities;

/// <summary>
/// Community detection by the Leiden algorithm, maximising modularity with a resolution parameter.
/// </summary>
/// <remarks>
/// <para>
/// Quality: <c>Q = Σ_c [ L_c / m − γ · (K_c / 2m)² ]</c> (see <see cref="Modularity.Compute"/>).
/// </para>
/// <para>
/// Leiden (Traag, Waltman and van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected communities",
/// Scientific Reports 9:5233) improves on Louvain (Blondel, Guillaume, Lambiotte and Lefebvre 2008, "Fast
/// unfolding of communities in large networks", J. Stat. Mech. P10008): nodes are moved with a queue that
/// revisits only the neighbours of moved nodes, and before each aggregation every community is refined into
/// well-connected sub-communities, so that no returned community is internally disconnected. One run repeats
/// move, refine, aggregate until nothing moves; <see cref="FindCommunities"/> starts further runs from the previous
/// result while modularity still improves.
/// </para>
/// <para>
/// Cost per run is about O(m) per level for m edges, with few levels in practice; memory is a few arrays of
/// the node count plus one aggregate graph per level, each smaller than the last. The input's arrays are not copied.
/// </para>
/// </remarks>
public static class Leiden
{
    /// <summary>Seed used when the caller gives none.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Largest number of runs used when the caller gives none.</summary>
    public const int DefaultMaxIterations = 2;

    /// <summary>Finds communities that maximise modularity.</summary>
    /// <param name="graph">An undirected graph; for citations use <see cref="CsrGraph.ToUndirected"/>.</param>
    /// <param name="resolution">γ: above 1 favours more, smaller communities, below 1 fewer, larger ones; must be positive; default 1.</param>
    /// <param name="seed">Seed of the random node order and refinement choices; the same graph, resolution and seed always give the same partition; default <see cref="DefaultSeed"/> (42).</param>
    /// <param name="maxIterations">Largest number of runs, each starting from the previous result; stops earlier once a run does not improve modularity; default <see cref="DefaultMaxIterations"/> (2, as in the reference implementations leidenalg and igraph).</param>
    /// <returns>The partition, numbered by decreasing community size, and its modularity.</returns>
    public static CommunityPartition FindCommunities(CsrGraph graph, double resolution = 1.0, int seed = DefaultSeed, int maxIterations = DefaultMaxIterations)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.IsDirected)
        {
            throw new ArgumentException("Community detection needs an undirected graph; call ToUndirected() first.", nameof(graph));
        }

        if (!(resolution > 0) || double.IsPositiveInfinity(resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);

        var membership = new int[graph.NodeCount];
        for (var node = 0; node < membership.Length; node++)
        {
            membership[node] = node;
        }

        var quality = Modularity.Compute(graph, membership, resolution);
        if (graph.TotalWeight > 0)
        {
            var optimizer = new LeidenOptimizer(resolution, new DeterministicRandom(seed));
            for (var iteration = 0; iteration < maxIterations; iteration++)
            {
                var candidate = optimizer.Run(graph, membership);
                var candidateQuality = Modularity.Compute(graph, candidate, resolution);
                if (!(candidateQuality > quality + 1e-12))
                {
                    break;
                }

                membership = candidate;
                quality = candidateQuality;
            }
        }

        var (canonical, sizes) = CommunityPartition.Canonicalize(membership);
        return new CommunityPartition(canonical, sizes, quality, resolution);
    }
}
