namespace ScholarGraph.Graph.Index;

/// <summary>
/// An immutable weighted graph stored in compressed sparse row (CSR) form: the neighbours of node <c>v</c> are
/// <c>targets[offsets[v]..offsets[v+1]]</c>, sorted by ascending id, with their edge weights at the same positions.
/// Build one with <see cref="CsrGraphBuilder"/>.
/// </summary>
/// <remarks>
/// <para>
/// Undirected graphs store every edge in the rows of both ends (a self-loop once, in its node's row), so
/// neighbour enumeration costs O(degree) and needs no second structure. Directed graphs (citations: paper cites
/// paper) store the out-rows and, separately, the in-rows, so that both "cites" and "cited by" cost O(degree).
/// </para>
/// <para>
/// Weights are <see cref="float"/> to halve the memory of the largest array; integer weights (counts of shared
/// papers, citations) are exact up to 2^24. Sums over weights are accumulated in <see cref="double"/>.
/// Node and edge counts are limited to <see cref="int.MaxValue"/> stored entries per direction.
/// </para>
/// <para>Instances are immutable and safe to read from many threads at once.</para>
/// </remarks>
public sealed class CsrGraph : IAdjacency
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly float[] _weights;
    private readonly int[] _inOffsets;
    private readonly int[] _inTargets;
    private readonly float[] _inWeights;

    internal CsrGraph(int[] offsets, int[] targets, float[] weights, bool isDirected,
        int[]? inOffsets = null, int[]? inTargets = null, float[]? inWeights = null)
    {
        _offsets = offsets;
        _targets = targets;
        _weights = weights;
        IsDirected = isDirected;
        _inOffsets = inOffsets ?? offsets;
        _inTargets = inTargets ?? targets;
        _inWeights = inWeights ?? weights;
        NodeCount = offsets.Length - 1;

        var selfLoops = 0L;
        var entryWeight = 0.0;
        var selfLoopWeight = 0.0;
        for (var node = 0; node < NodeCount; node++)
        {
            for (var i = offsets[node]; i < offsets[node + 1]; i++)
            {
                entryWeight += weights[i];
                if (targets[i] == node)
                {
                    selfLoops++;
                    selfLoopWeight += weights[i];
                }
            }
        }

        SelfLoopCount = selfLoops;
        // Undirected rows hold every edge twice except self-loops, which are held once.
        EdgeCount = isDirected ? targets.Length : (targets.Length + selfLoops) / 2;
        TotalWeight = isDirected ? entryWeight : (entryWeight + selfLoopWeight) / 2;
    }

    /// <summary>Number of nodes; ids run from 0 to <c>NodeCount - 1</c>.</summary>
    public int NodeCount { get; }

    /// <summary>Row starts of the out-rows, for algorithms in this library that walk the arrays directly.</summary>
    internal int[] RowOffsets => _offsets;

    /// <summary>Targets of the out-rows.</summary>
    internal int[] RowTargets => _targets;

    /// <summary>Weights of the out-rows.</summary>
    internal float[] RowWeights => _weights;

    /// <summary>
    /// Number of distinct edges: for an undirected graph each edge once (a self-loop counts as one edge),
    /// for a directed graph each arc once.
    /// </summary>
    public long EdgeCount { get; }

    /// <summary>Number of self-loops (edges from a node to itself); 0 unless the builder was asked to keep them.</summary>
    public long SelfLoopCount { get; }

    /// <summary><c>true</c> when edges have a direction (out-rows and in-rows differ), <c>false</c> for an undirected graph.</summary>
    public bool IsDirected { get; }

    /// <summary>Sum of the weights of all distinct edges, each counted once: the <c>m</c> of the modularity formula.</summary>
    public double TotalWeight { get; }

    /// <summary>
    /// Bytes held by the arrays this graph references (object headers not counted):
    /// undirected <c>4·(n+1) + 8·E</c>, directed <c>2·(4·(n+1) + 8·E)</c>, where <c>n</c> is <see cref="NodeCount"/>
    /// and <c>E</c> the number of stored row entries (undirected: <c>2·EdgeCount − SelfLoopCount</c>; directed: <c>EdgeCount</c>).
    /// A <see cref="Reversed"/> view shares its arrays with the original, so do not add the two figures.
    /// </summary>
    public long MemoryBytes
    {
        get
        {
            var outBytes = 4L * (_offsets.Length + _targets.Length + _weights.Length);
            return IsDirected ? 2 * outBytes : outBytes;
        }
    }

    /// <summary>Out-neighbours of <paramref name="node"/> (all neighbours if undirected), ascending by id.</summary>
    /// <param name="node">A node id in <c>0..NodeCount-1</c>.</param>
    public ReadOnlySpan<int> Neighbors(int node)
    {
        CheckNode(node);
        return _targets.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);
    }

    /// <summary>Weights of the edges to <see cref="Neighbors"/>, at the same positions.</summary>
    /// <param name="node">A node id in <c>0..NodeCount-1</c>.</param>
    public ReadOnlySpan<float> NeighborWeights(int node)
    {
        CheckNode(node);
        return _weights.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);
    }

    /// <inheritdoc />
    public NeighborList OutNeighbors(int node)
    {
        CheckNode(node);
        var start = _offsets[node];
        var length = _offsets[node + 1] - start;
        return new NeighborList(_targets.AsSpan(start, length), _weights.AsSpan(start, length));
    }

    /// <inheritdoc />
    public NeighborList InNeighbors(int node)
    {
        CheckNode(node);
        var start = _inOffsets[node];
        var length = _inOffsets[node + 1] - start;
        return new NeighborList(_inTargets.AsSpan(start, length), _inWeights.AsSpan(start, length));
    }

    /// <summary>Number of out-neighbours of <paramref name="node"/> (all neighbours if undirected).</summary>
    /// <param name="node">A node id in <c>0..NodeCount-1</c>.</param>
    public int Degree(int node)
    {
        CheckNode(node);
        return _offsets[node + 1] - _offsets[node];
    }

    /// <summary>Number of in-neighbours of <paramref name="node"/> (equal to <see cref="Degree"/> if undirected).</summary>
    /// <param name="node">A node id in <c>0..NodeCount-1</c>.</param>
    public int InDegree(int node)
    {
        CheckNode(node);
        return _inOffsets[node + 1] - _inOffsets[node];
    }

    /// <summary>
    /// Sum of the weights of the out-edges of <paramref name="node"/>; in an undirected graph a self-loop counts
    /// twice (both of its ends touch the node), as in the degree <c>k_i</c> of the modularity formula.
    /// </summary>
    /// <param name="node">A node id in <c>0..NodeCount-1</c>.</param>
    public double Strength(int node)
    {
        CheckNode(node);
        var sum = 0.0;
        for (var i = _offsets[node]; i < _offsets[node + 1]; i++)
        {
            sum += _weights[i];
            if (!IsDirected && _targets[i] == node)
            {
                sum += _weights[i];
            }
        }

        return sum;
    }

    /// <summary>Weight of the edge from <paramref name="source"/> to <paramref name="target"/>, or 0 when there is none. O(log degree).</summary>
    /// <param name="source">A node id in <c>0..NodeCount-1</c>.</param>
    /// <param name="target">A node id in <c>0..NodeCount-1</c>.</param>
    public float EdgeWeight(int source, int target)
    {
        CheckNode(target);
        var row = Neighbors(source);
        var index = row.BinarySearch(target);
        return index < 0 ? 0f : _weights[_offsets[source] + index];
    }

    /// <summary>
    /// The same graph with every arc turned around, sharing this graph's arrays (O(1), no copy). An undirected
    /// graph is its own reverse and is returned as is.
    /// </summary>
    public CsrGraph Reversed() => IsDirected
        ? new CsrGraph(_inOffsets, _inTargets, _inWeights, isDirected: true, _offsets, _targets, _weights)
        : this;

    /// <summary>
    /// An undirected copy in which nodes <c>u</c> and <c>v</c> are joined when either cites the other, with weight
    /// <c>w(u→v) + w(v→u)</c>. Community detection needs this form. An undirected graph is returned as is.
    /// </summary>
    public CsrGraph ToUndirected()
    {
        if (!IsDirected)
        {
            return this;
        }

        var builder = new CsrGraphBuilder(NodeCount, directed: false, keepSelfLoops: true);
        for (var node = 0; node < NodeCount; node++)
        {
            for (var i = _offsets[node]; i < _offsets[node + 1]; i++)
            {
                builder.AddEdge(node, _targets[i], _weights[i]);
            }
        }

        return builder.Build();
    }

    private void CheckNode(int node)
    {
        if ((uint)node >= (uint)NodeCount)
        {
            ThrowNodeOutOfRange(node);
        }
    }

    private void ThrowNodeOutOfRange(int node) =>
        throw new ArgumentOutOfRangeException(nameof(node), node, $"Node ids run from 0 to {NodeCount - 1}.");
}
