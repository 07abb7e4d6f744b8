namespace ScholarGraph.Graph.Index;

/// <summary>
/// Read access to a weighted graph on dense node ids <c>0..NodeCount-1</c>, which is all the traversal and path
/// algorithms need. <see cref="CsrGraph"/> implements it over stored arrays; <see cref="CoauthorView"/> computes
/// the neighbours of an author on demand under a paper filter.
/// </summary>
/// <remarks>
/// Contract every implementation keeps: neighbour lists are sorted by ascending node id and hold each neighbour
/// once, and every weight is positive. The algorithms rely on the order for their deterministic choices
/// ("lowest id first"). A returned <see cref="NeighborList"/> may point into a scratch buffer that the next call
/// on the same instance overwrites, so read it before asking again.
/// </remarks>
public interface IAdjacency
{
    /// <summary>Number of nodes; ids run from 0 to <c>NodeCount - 1</c>.</summary>
    int NodeCount { get; }

    /// <summary>Nodes that <paramref name="node"/> has an edge to (for an undirected graph, all its neighbours).</summary>
    /// <param name="node">A node id in <c>0..NodeCount-1</c>.</param>
    NeighborList OutNeighbors(int node);

    /// <summary>Nodes that have an edge to <paramref name="node"/> (for an undirected graph, the same as <see cref="OutNeighbors"/>).</summary>
    /// <param name="node">A node id in <c>0..NodeCount-1</c>.</param>
    NeighborList InNeighbors(int node);
}

/// <summary>The neighbours of one node with the weights of the edges to them, as two parallel spans.</summary>
public readonly ref struct NeighborList
{
    /// <summary>Pairs the two spans; they must have the same length.</summary>
    /// <param name="nodes">Neighbour ids, ascending.</param>
    /// <param name="weights">Weight of the edge to each neighbour, at the same index.</param>
    public NeighborList(ReadOnlySpan<int> nodes, ReadOnlySpan<float> weights)
    {
        if (nodes.Length != weights.Length)
        {
            throw new ArgumentException("Each neighbour needs exactly one weight.", nameof(weights));
        }

        Nodes = nodes;
        Weights = weights;
    }

    /// <summary>Neighbour ids, ascending.</summary>
    public ReadOnlySpan<int> Nodes { get; }

    /// <summary>Weight of the edge to the neighbour at the same index in <see cref="Nodes"/>.</summary>
    public ReadOnlySpan<float> Weights { get; }

    /// <summary>Number of neighbours.</summary>
    public int Count => Nodes.Length;
}
