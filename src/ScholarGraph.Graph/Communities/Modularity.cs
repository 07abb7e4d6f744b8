using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Communities;

/// <summary>Modularity of a partition of an undirected weighted graph (Newman and Girvan 2004; Reichardt and Bornholdt 2006 for the resolution).</summary>
public static class Modularity
{
    /// <summary>
    /// Computes <c>Q = Σ_c [ L_c / m − γ · (K_c / 2m)² ]</c>, where <c>m</c> is the total edge weight
    /// (<see cref="CsrGraph.TotalWeight"/>), <c>L_c</c> the weight of the edges inside community c (a self-loop
    /// counted once), <c>K_c</c> the sum of the strengths of its nodes (a self-loop counted twice) and
    /// <c>γ</c> the resolution. For γ = 1, Q lies in [−1/2, 1]. A graph without edges has Q = 0.
    /// </summary>
    /// <param name="graph">An undirected graph; for citations use <see cref="CsrGraph.ToUndirected"/>.</param>
    /// <param name="membership">Community label of every node, each in <c>0..NodeCount-1</c>.</param>
    /// <param name="resolution">γ: above 1 favours more, smaller communities, below 1 fewer, larger ones; default 1.</param>
    public static double Compute(CsrGraph graph, ReadOnlySpan<int> membership, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.IsDirected)
        {
            throw new ArgumentException("Modularity is defined here for undirected graphs; call ToUndirected() first.", nameof(graph));
        }

        var n = graph.NodeCount;
        if (membership.Length != n)
        {
            throw new ArgumentException($"The partition labels {membership.Length} nodes but the graph has {n}.", nameof(membership));
        }

        if (graph.TotalWeight <= 0)
        {
            return 0.0;
        }

        var offsets = graph.RowOffsets;
        var targets = graph.RowTargets;
        var weights = graph.RowWeights;
        var communityStrength = new double[n];
        // Twice the internal weight: every non-loop edge appears in two rows, so a self-loop is added twice to match.
        var insideTwice = 0.0;
        for (var node = 0; node < n; node++)
        {
            var community = membership[node];
            if ((uint)community >= (uint)n)
            {
                throw new ArgumentOutOfRangeException(nameof(membership), community, $"Community labels run from 0 to {n - 1}.");
            }

            var strength = 0.0;
            for (var i = offsets[node]; i < offsets[node + 1]; i++)
            {
                var target = targets[i];
                double weight = weights[i];
                var ends = target == node ? 2 : 1;
                strength += ends * weight;
                if (membership[target] == community)
                {
                    insideTwice += ends * weight;
                }
            }

            communityStrength[community] += strength;
        }

        var twoM = 2 * graph.TotalWeight;
        var expected = 0.0;
        foreach (var strength in communityStrength)
        {
            expected += strength * strength;
        }

        return insideTwice / twoM - resolution * expected / (twoM * twoM);
    }
}
