namespace ScholarGraph.Graph.Traversal;

/// <summary>A node reached by <see cref="Neighborhood.Explore{TGraph}"/>.</summary>
/// <param name="Node">The node id.</param>
/// <param name="Distance">Number of edges from the center; 0 for the center itself.</param>
/// <param name="TieStrength">
/// Weight of the node's strongest edge to a kept node one step closer to the center, which decided its rank
/// within its distance; 0 for the center.
/// </param>
public readonly record struct NeighborhoodNode(int Node, int Distance, float TieStrength);

/// <summary>The nodes around a center, nearest first.</summary>
public sealed class NeighborhoodResult
{
    internal NeighborhoodResult(NeighborhoodNode[] nodes, bool truncated)
    {
        Nodes = nodes;
        Truncated = truncated;
    }

    /// <summary>
    /// The kept nodes, the center first, then ordered by distance, by decreasing tie strength, and by ascending
    /// id.
    /// </summary>
    public IReadOnlyList<NeighborhoodNode> Nodes { get; }

    /// <summary><c>true</c> when the node cap left out nodes that were within the depth and weight limits.</summary>
    public bool Truncated { get; }
}
