using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Communities;

/// <summary>
/// One level of the Leiden hierarchy: the input graph, or a graph whose nodes are communities of the level
/// below. Rows may hold self-loops (level 0) which every loop skips: a node's own loop never changes a move's gain.
/// </summary>
internal sealed class LevelGraph
{
    private LevelGraph(int[] offsets, int[] targets, float[] weights, double[] nodeWeights)
    {
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        NodeWeights = nodeWeights;
    }

    public int NodeCount => NodeWeights.Length;

    public int[] Offsets { get; }

    public int[] Targets { get; }

    public float[] Weights { get; }

    /// <summary>Strength k_v of each node, self-loops counted twice; for a community node, the sum over its members.</summary>
    public double[] NodeWeights { get; }

    /// <summary>Wraps the input graph's arrays without copying them.</summary>
    public static LevelGraph From(CsrGraph graph)
    {
        var nodeWeights = new double[graph.NodeCount];
        for (var node = 0; node < graph.NodeCount; node++)
        {
            nodeWeights[node] = graph.Strength(node);
        }

        return new LevelGraph(graph.RowOffsets, graph.RowTargets, graph.RowWeights, nodeWeights);
    }

    /// <summary>
    /// Collapses every group of <paramref name="groupOf"/> into one node; edges between groups are summed and
    /// edges inside a group disappear, their weight living on in the group's node weight.
    /// </summary>
    public LevelGraph Aggregate(int[] groupOf, int groupCount)
    {
        var memberStart = new int[groupCount + 1];
        foreach (var group in groupOf)
        {
            memberStart[group + 1]++;
        }

        for (var group = 0; group < groupCount; group++)
        {
            memberStart[group + 1] += memberStart[group];
        }

        var members = new int[NodeCount];
        var cursor = memberStart.AsSpan(0, groupCount).ToArray();
        for (var node = 0; node < NodeCount; node++)
        {
            members[cursor[groupOf[node]]++] = node;
        }

        var nodeWeights = new double[groupCount];
        var offsets = new int[groupCount + 1];
        var targets = new int[Math.Max(16, Targets.Length / 2)];
        var weights = new float[targets.Length];
        var linkWeight = new double[groupCount];
        var touched = new int[groupCount];
        var written = 0;
        for (var group = 0; group < groupCount; group++)
        {
            var touchedCount = 0;
            for (var m = memberStart[group]; m < memberStart[group + 1]; m++)
            {
                var node = members[m];
                nodeWeights[group] += NodeWeights[node];
                for (var i = Offsets[node]; i < Offsets[node + 1]; i++)
                {
                    var other = groupOf[Targets[i]];
                    if (other == group)
                    {
                        continue;
                    }

                    if (linkWeight[other] == 0)
                    {
                        touched[touchedCount++] = other;
                    }

                    linkWeight[other] += Weights[i];
                }
            }

            if (written + touchedCount > targets.Length)
            {
                var capacity = Math.Max(2 * targets.Length, written + touchedCount);
                Array.Resize(ref targets, capacity);
                Array.Resize(ref weights, capacity);
            }

            for (var t = 0; t < touchedCount; t++)
            {
                var other = touched[t];
                targets[written] = other;
                weights[written] = (float)linkWeight[other];
                written++;
                linkWeight[other] = 0;
            }

            offsets[group + 1] = written;
        }

        Array.Resize(ref targets, written);
        Array.Resize(ref weights, written);
        return new LevelGraph(offsets, targets, weights, nodeWeights);
    }
}
