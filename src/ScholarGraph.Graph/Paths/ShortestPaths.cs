using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Internal;

namespace ScholarGraph.Graph.Paths;

/// <summary>
/// Shortest paths by number of edges ("how is this author connected to that one?"), found by bidirectional
/// breadth-first search: one search grows from each end, always expanding the side with the smaller frontier,
/// until they meet. On graphs where the number of nodes within r steps grows like b^r this visits about
/// 2·b^(L/2) nodes instead of b^L.
/// </summary>
/// <remarks>
/// Edge weights are ignored. In a directed graph paths follow edges forwards from the source to the target.
/// Results are deterministic: among all shortest paths, they come in lexicographic order of their node id
/// sequences, so the single path returned by <see cref="FindPath{TGraph}"/> prefers the lowest ids. Visited
/// nodes are tracked with the same pooled stamp arrays as <see cref="Traversal.Neighborhood"/>, so the cost
/// follows the nodes visited, not the graph's size.
/// </remarks>
public static class ShortestPaths
{
    /// <summary>One shortest path from <paramref name="source"/> to <paramref name="target"/>, the lexicographically smallest.</summary>
    /// <typeparam name="TGraph">The graph's type.</typeparam>
    /// <param name="graph">The graph to search.</param>
    /// <param name="source">First node of the path.</param>
    /// <param name="target">Last node of the path.</param>
    /// <param name="maxLength">Longest path, in edges, worth finding; default <see cref="int.MaxValue"/>, no limit.</param>
    /// <returns>The path's nodes from source to target (just the source when the two are equal), or <c>null</c> when no path of at most <paramref name="maxLength"/> edges exists.</returns>
    public static int[]? FindPath<TGraph>(TGraph graph, int source, int target, int maxLength = int.MaxValue)
        where TGraph : IAdjacency
    {
        var paths = Search(graph, source, target, maxLength, limit: 1);
        return paths.Count == 0 ? null : paths[0];
    }

    /// <summary>Up to <paramref name="limit"/> shortest paths from <paramref name="source"/> to <paramref name="target"/>, in lexicographic order.</summary>
    /// <typeparam name="TGraph">The graph's type.</typeparam>
    /// <param name="graph">The graph to search.</param>
    /// <param name="source">First node of every path.</param>
    /// <param name="target">Last node of every path.</param>
    /// <param name="limit">Largest number of paths to return; at least 1. Two nodes can be joined by exponentially many shortest paths, so there is no default.</param>
    /// <param name="maxLength">Longest path, in edges, worth finding; default <see cref="int.MaxValue"/>, no limit.</param>
    /// <returns>The paths, all of the same length; empty when no path of at most <paramref name="maxLength"/> edges exists.</returns>
    public static IReadOnlyList<int[]> AllShortestPaths<TGraph>(TGraph graph, int source, int target, int limit, int maxLength = int.MaxValue)
        where TGraph : IAdjacency
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Search(graph, source, target, maxLength, limit);
    }

    private static List<int[]> Search<TGraph>(TGraph graph, int source, int target, int maxLength, int limit)
        where TGraph : IAdjacency
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(source);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(source, graph.NodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(target, graph.NodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (source == target)
        {
            return [[source]];
        }

        var slots = NodeSlots.Rent(graph.NodeCount);
        try
        {
            var search = new BidirectionalSearch(slots, source, target);
            return search.Meet(graph, maxLength) ? search.EnumeratePaths(graph, limit) : [];
        }
        finally
        {
            NodeSlots.Return(slots);
        }
    }

    /// <summary>State of one search; every node it touches gets a slot holding its distances from both ends.</summary>
    private sealed class BidirectionalSearch
    {
        private const int Unreached = -1;

        private readonly NodeSlots _slots;
        private readonly Side _forward = new();
        private readonly Side _backward = new();
        private readonly List<int> _meetingSlots = [];
        private SlotState[] _states = new SlotState[32];
        private int _slotCount;
        private int _length;

        public BidirectionalSearch(NodeSlots slots, int source, int target)
        {
            _slots = slots;
            _forward.Begin(SlotOf(source));
            _states[0].FromSource = 0;
            _backward.Begin(SlotOf(target));
            _states[1].ToTarget = 0;
        }

        /// <summary>Grows both searches until they meet; <c>false</c> when they cannot within <paramref name="maxLength"/> edges.</summary>
        public bool Meet<TGraph>(TGraph graph, int maxLength)
            where TGraph : IAdjacency
        {
            while (_forward.Radius + _backward.Radius < maxLength)
            {
                var forwardFrontier = _forward.FrontierCount;
                var backwardFrontier = _backward.FrontierCount;
                if (forwardFrontier == 0 || backwardFrontier == 0)
                {
                    return false;
                }

                if (forwardFrontier <= backwardFrontier)
                {
                    ExpandForward(graph);
                }
                else
                {
                    ExpandBackward(graph);
                }

                if (_meetingSlots.Count > 0)
                {
                    // Before this layer the two balls were disjoint, so every meeting node lies exactly at both radii.
                    _length = _forward.Radius + _backward.Radius;
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Marks the nodes that lie on some shortest path with their position along it, then walks that DAG
        /// depth-first from the source in ascending id order, which yields paths in lexicographic order.
        /// </summary>
        public List<int[]> EnumeratePaths<TGraph>(TGraph graph, int limit)
            where TGraph : IAdjacency
        {
            var onPath = MarkNodesOnShortestPaths(graph);
            var (successorStart, successors) = BuildPathDag(graph, onPath);

            var paths = new List<int[]>();
            var path = new int[_length + 1];
            var pathSlots = new int[_length + 1];
            var nextSuccessor = new int[_length + 1];
            var sourceSlot = 0;
            path[0] = _states[sourceSlot].Node;
            pathSlots[0] = sourceSlot;
            nextSuccessor[0] = successorStart[_states[sourceSlot].DagIndex];
            var depth = 0;
            while (depth >= 0 && paths.Count < limit)
            {
                if (depth == _length)
                {
                    paths.Add((int[])path.Clone());
                    depth--;
                    continue;
                }

                var dagIndex = _states[pathSlots[depth]].DagIndex;
                if (nextSuccessor[depth] == successorStart[dagIndex + 1])
                {
                    depth--;
                    continue;
                }

                var next = successors[nextSuccessor[depth]++];
                depth++;
                pathSlots[depth] = next;
                path[depth] = _states[next].Node;
                nextSuccessor[depth] = successorStart[_states[next].DagIndex];
            }

            return paths;
        }

        private List<int> MarkNodesOnShortestPaths<TGraph>(TGraph graph)
            where TGraph : IAdjacency
        {
            var onPath = new List<int>(_meetingSlots);
            foreach (var slot in _meetingSlots)
            {
                _states[slot].Position = _forward.Radius;
            }

            // A node one step nearer the source that links into a marked node lies on a shortest path too.
            for (var radius = _forward.Radius; radius > 0; radius--)
            {
                foreach (var slot in _forward.Layer(radius))
                {
                    if (_states[slot].Position == Unreached)
                    {
                        continue;
                    }

                    foreach (var node in graph.InNeighbors(_states[slot].Node).Nodes)
                    {
                        if (_slots.TryGet(node, out var before) && _states[before].FromSource == radius - 1 && _states[before].Position == Unreached)
                        {
                            _states[before].Position = radius - 1;
                            onPath.Add(before);
                        }
                    }
                }
            }

            for (var radius = _backward.Radius; radius > 0; radius--)
            {
                foreach (var slot in _backward.Layer(radius))
                {
                    if (_states[slot].Position == Unreached)
                    {
                        continue;
                    }

                    foreach (var node in graph.OutNeighbors(_states[slot].Node).Nodes)
                    {
                        if (_slots.TryGet(node, out var after) && _states[after].ToTarget == radius - 1 && _states[after].Position == Unreached)
                        {
                            _states[after].Position = _length - (radius - 1);
                            onPath.Add(after);
                        }
                    }
                }
            }

            return onPath;
        }

        /// <summary>
        /// Lists, for every marked node, its marked out-neighbours one position further, ascending by id. Copying
        /// them out once means the walk never asks the graph again, so views that reuse a scratch buffer work too.
        /// </summary>
        private (int[] Start, int[] Successors) BuildPathDag<TGraph>(TGraph graph, List<int> onPath)
            where TGraph : IAdjacency
        {
            var start = new int[onPath.Count + 1];
            var successors = new List<int>();
            for (var i = 0; i < onPath.Count; i++)
            {
                var slot = onPath[i];
                _states[slot].DagIndex = i;
                start[i] = successors.Count;
                var position = _states[slot].Position;
                if (position == _length)
                {
                    continue;
                }

                foreach (var node in graph.OutNeighbors(_states[slot].Node).Nodes)
                {
                    if (_slots.TryGet(node, out var next) && _states[next].Position == position + 1)
                    {
                        successors.Add(next);
                    }
                }
            }

            start[onPath.Count] = successors.Count;
            return (start, [.. successors]);
        }

        private void ExpandForward<TGraph>(TGraph graph)
            where TGraph : IAdjacency
        {
            var (frontierStart, frontierEnd) = _forward.StartNextLayer();
            var distance = _forward.Radius;
            for (var f = frontierStart; f < frontierEnd; f++)
            {
                var slot = _forward[f];
                foreach (var node in graph.OutNeighbors(_states[slot].Node).Nodes)
                {
                    var reached = SlotOf(node);
                    if (_states[reached].FromSource != Unreached)
                    {
                        continue;
                    }

                    _states[reached].FromSource = distance;
                    _forward.Add(reached);
                    if (_states[reached].ToTarget != Unreached)
                    {
                        _meetingSlots.Add(reached);
                    }
                }
            }
        }

        private void ExpandBackward<TGraph>(TGraph graph)
            where TGraph : IAdjacency
        {
            var (frontierStart, frontierEnd) = _backward.StartNextLayer();
            var distance = _backward.Radius;
            for (var f = frontierStart; f < frontierEnd; f++)
            {
                var slot = _backward[f];
                foreach (var node in graph.InNeighbors(_states[slot].Node).Nodes)
                {
                    var reached = SlotOf(node);
                    if (_states[reached].ToTarget != Unreached)
                    {
                        continue;
                    }

                    _states[reached].ToTarget = distance;
                    _backward.Add(reached);
                    if (_states[reached].FromSource != Unreached)
                    {
                        _meetingSlots.Add(reached);
                    }
                }
            }
        }

        private int SlotOf(int node)
        {
            if (_slots.TryGet(node, out var slot))
            {
                return slot;
            }

            if (_slotCount == _states.Length)
            {
                Array.Resize(ref _states, 2 * _states.Length);
            }

            slot = _slotCount++;
            _states[slot] = new SlotState { Node = node, FromSource = Unreached, ToTarget = Unreached, Position = Unreached };
            _slots.Set(node, slot);
            return slot;
        }
    }

    private struct SlotState
    {
        public int Node;
        public int FromSource;
        public int ToTarget;
        /// <summary>Index along a shortest path (0 = source), or -1 when the node lies on none.</summary>
        public int Position;
        public int DagIndex;
    }

    /// <summary>The slots one search has reached, in order of distance, with where each layer starts.</summary>
    private sealed class Side
    {
        private readonly List<int> _order = [];
        private readonly List<int> _layerStarts = [];

        public int Radius => _layerStarts.Count - 1;

        public int FrontierCount => _order.Count - _layerStarts[^1];

        public void Begin(int slot)
        {
            _layerStarts.Add(0);
            _order.Add(slot);
        }

        /// <summary>The slot reached in the given order.</summary>
        public int this[int index] => _order[index];

        /// <summary>Opens the next layer and returns where the current frontier lies, for the caller to expand into it.</summary>
        public (int Start, int End) StartNextLayer()
        {
            var frontier = (_layerStarts[^1], _order.Count);
            _layerStarts.Add(_order.Count);
            return frontier;
        }

        public void Add(int slot) => _order.Add(slot);

        public IEnumerable<int> Layer(int radius)
        {
            var end = radius + 1 < _layerStarts.Count ? _layerStarts[radius + 1] : _order.Count;
            for (var i = _layerStarts[radius]; i < end; i++)
            {
                yield return _order[i];
            }
        }
    }
}
