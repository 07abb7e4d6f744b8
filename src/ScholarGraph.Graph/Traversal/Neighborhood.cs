using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Internal;

namespace ScholarGraph.Graph.Traversal;

/// <summary>Breadth-first exploration of the nodes around a center: "who is within three steps of this author?".</summary>
public static class Neighborhood
{
    /// <summary>
    /// Finds the nodes within <paramref name="maxDepth"/> edges of <paramref name="center"/>, following only
    /// edges of weight at least <paramref name="minWeight"/>, and keeps at most <paramref name="maxNodes"/> of them.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The search runs layer by layer. A node at distance d is ranked by its tie strength: the weight of its
    /// strongest edge from a kept node at distance d−1. Nearer nodes always come before farther ones; within a
    /// distance, stronger ties come first and equal ties go to the lower id. When a layer does not fit under the
    /// cap, its best-ranked nodes fill the remaining places, <see cref="NeighborhoodResult.Truncated"/> is set,
    /// and the search stops. Only kept nodes are expanded, so every kept node is connected to the center through
    /// kept nodes and the result is the same on every run.
    /// </para>
    /// <para>
    /// Cost: O(Σ degree of kept nodes + c·log c) for c nodes found per layer, independent of the graph's size.
    /// Visited nodes are tracked in stamp arrays of the graph's size (8 bytes per node) taken from a pool and
    /// cleared in O(1) by bumping a generation counter, so there is no per-call O(n) allocation; a hash set would
    /// avoid even the pooled memory but costs several times more per visited node.
    /// In a directed graph the search follows edges forwards (a paper's references); pass
    /// <see cref="CsrGraph.Reversed"/> to follow citations backwards or <see cref="CsrGraph.ToUndirected"/> for both.
    /// </para>
    /// </remarks>
    /// <typeparam name="TGraph">The graph's type.</typeparam>
    /// <param name="graph">The graph to explore.</param>
    /// <param name="center">The node to start from.</param>
    /// <param name="maxDepth">Largest distance from the center to include; 0 returns the center alone. The API caps it at 3; any non-negative value works.</param>
    /// <param name="minWeight">Edges lighter than this are not followed; default 0, every edge is followed.</param>
    /// <param name="maxNodes">Largest number of nodes to return, the center included; default <see cref="int.MaxValue"/>, no cap.</param>
    public static NeighborhoodResult Explore<TGraph>(TGraph graph, int center, int maxDepth, float minWeight = 0f, int maxNodes = int.MaxValue)
        where TGraph : IAdjacency
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(center);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(center, graph.NodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);
        if (float.IsNaN(minWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(minWeight), minWeight, "The minimum weight must be a number.");
        }

        var slots = NodeSlots.Rent(graph.NodeCount);
        try
        {
            return ExploreLayers(graph, slots, center, maxDepth, minWeight, maxNodes);
        }
        finally
        {
            NodeSlots.Return(slots);
        }
    }

    private static NeighborhoodResult ExploreLayers<TGraph>(TGraph graph, NodeSlots slots, int center, int maxDepth, float minWeight, int maxNodes)
        where TGraph : IAdjacency
    {
        var kept = new List<NeighborhoodNode> { new(center, 0, 0f) };
        // Per discovered node, by slot: the layer it was found in and its best tie so far.
        var found = new Candidate[16];
        var layerOf = new int[16];
        var foundCount = 0;
        slots.Set(center, foundCount);
        found[foundCount] = new Candidate(center, 0f);
        layerOf[foundCount++] = 0;

        var previousLayerStart = 0;
        var truncated = false;
        for (var depth = 1; depth <= maxDepth && !truncated; depth++)
        {
            var layerStart = foundCount;
            var previousLayerEnd = kept.Count;
            for (var k = previousLayerStart; k < previousLayerEnd; k++)
            {
                var neighbors = graph.OutNeighbors(kept[k].Node);
                var nodes = neighbors.Nodes;
                var weights = neighbors.Weights;
                for (var i = 0; i < nodes.Length; i++)
                {
                    var weight = weights[i];
                    if (weight < minWeight)
                    {
                        continue;
                    }

                    var node = nodes[i];
                    if (slots.TryGet(node, out var slot))
                    {
                        if (layerOf[slot] == depth && weight > found[slot].Tie)
                        {
                            found[slot] = new Candidate(node, weight);
                        }

                        continue;
                    }

                    if (foundCount == found.Length)
                    {
                        Array.Resize(ref found, 2 * found.Length);
                        Array.Resize(ref layerOf, 2 * layerOf.Length);
                    }

                    slots.Set(node, foundCount);
                    found[foundCount] = new Candidate(node, weight);
                    layerOf[foundCount++] = depth;
                }
            }

            var layer = found.AsSpan(layerStart, foundCount - layerStart);
            if (layer.IsEmpty)
            {
                break;
            }

            // Sorting moves candidates away from their slots; nothing reads a slot of this layer afterwards.
            layer.Sort(new StrongestTieFirst());
            var room = maxNodes - kept.Count;
            if (layer.Length > room)
            {
                layer = layer[..room];
                truncated = true;
            }

            foreach (var candidate in layer)
            {
                kept.Add(new NeighborhoodNode(candidate.Node, depth, candidate.Tie));
            }

            previousLayerStart = previousLayerEnd;
        }

        return new NeighborhoodResult([.. kept], truncated);
    }

    private readonly record struct Candidate(int Node, float Tie);

    private readonly struct StrongestTieFirst : IComparer<Candidate>
    {
        public int Compare(Candidate x, Candidate y)
        {
            var byTie = y.Tie.CompareTo(x.Tie);
            return byTie != 0 ? byTie : x.Node.CompareTo(y.Node);
        }
    }
}
