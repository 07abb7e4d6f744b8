namespace ScholarGraph.Graph.Internal;

/// <summary>
/// A map from node id to a small per-call slot number that is cleared in O(1): a node's entry counts only when
/// its stamp equals the current generation, so starting a new traversal just bumps the generation. This keeps
/// a traversal's cost proportional to the nodes it touches rather than to the graph size.
/// </summary>
/// <remarks>
/// Instances hold two int arrays of the graph's size (8 bytes per node) and are pooled, so the O(n)
/// allocation happens once per concurrent traversal, not once per call. The pool keeps at most one instance per
/// processor; a burst of more concurrent traversals allocates extra instances that the GC later reclaims.
/// </remarks>
internal sealed class NodeSlots
{
    private static readonly Stack<NodeSlots> Pool = new();
    private static readonly int MaxPooled = Environment.ProcessorCount;

    private int[] _stamps = [];
    private int[] _slots = [];
    private int _generation;

    /// <summary>Takes an instance from the pool that can hold <paramref name="nodeCount"/> nodes, with no node set.</summary>
    public static NodeSlots Rent(int nodeCount)
    {
        NodeSlots? slots = null;
        lock (Pool)
        {
            Pool.TryPop(out slots);
        }

        slots ??= new NodeSlots();
        slots.Begin(nodeCount);
        return slots;
    }

    /// <summary>Gives an instance back to the pool; it must not be used afterwards.</summary>
    public static void Return(NodeSlots slots)
    {
        lock (Pool)
        {
            if (Pool.Count < MaxPooled)
            {
                Pool.Push(slots);
            }
        }
    }

    /// <summary>The slot stored for <paramref name="node"/> since the instance was rented, if any.</summary>
    public bool TryGet(int node, out int slot)
    {
        if (_stamps[node] == _generation)
        {
            slot = _slots[node];
            return true;
        }

        slot = -1;
        return false;
    }

    /// <summary>Stores <paramref name="slot"/> for <paramref name="node"/>.</summary>
    public void Set(int node, int slot)
    {
        _stamps[node] = _generation;
        _slots[node] = slot;
    }

    private void Begin(int nodeCount)
    {
        if (_stamps.Length < nodeCount)
        {
            _stamps = new int[nodeCount];
            _slots = new int[nodeCount];
            _generation = 0;
        }

        if (_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 0;
        }

        // Generation 0 is what a fresh array holds, so it never marks a node as set.
        _generation++;
    }
}
