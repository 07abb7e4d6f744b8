using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Internal;

namespace ScholarGraph.Graph.Communities;

/// <summary>
/// One run of the Leiden algorithm (Traag, Waltman and van Eck 2019) optimising modularity: fast local moving,
/// refinement into well-connected sub-communities, aggregation of the refined partition with the unrefined one
/// as the starting point on the aggregate graph, repeated until local moving leaves every community a single
/// aggregate node.
/// </summary>
/// <remarks>
/// Gains are in edge-weight units: moving an isolated node v into community C changes modularity by
/// <c>(k_v,C − γ·k_v·K_C / 2m) / m</c>, and the constant factor 1/m is dropped.
/// </remarks>
internal sealed class LeidenOptimizer
{
    /// <summary>θ of the paper relative to the mean edge weight; 0.01 as in the paper and its reference implementation.</summary>
    private const double RelativeRandomness = 0.01;

    /// <summary>A move must beat staying by this fraction of the node's weight, so rounding noise cannot make nodes swap forever.</summary>
    private const double RelativeTolerance = 1e-12;

    private readonly double _resolution;
    private readonly DeterministicRandom _random;
    private double _twoM;
    private double _randomness;

    public LeidenOptimizer(double resolution, DeterministicRandom random)
    {
        _resolution = resolution;
        _random = random;
    }

    /// <summary>Improves <paramref name="membership"/> (labels in 0..n-1) and returns the new labels, also in 0..n-1.</summary>
    public int[] Run(CsrGraph graph, int[] membership)
    {
        var level = LevelGraph.From(graph);
        _twoM = 0;
        foreach (var weight in level.NodeWeights)
        {
            _twoM += weight;
        }

        var arcCount = graph.RowTargets.Length - (int)graph.SelfLoopCount;
        // Scaling θ by the mean weight makes the result independent of the unit of the weights.
        _randomness = RelativeRandomness * (arcCount > 0 ? _twoM / arcCount : 1.0);

        var community = (int[])membership.Clone();
        var levelOfNode = new int[graph.NodeCount];
        for (var node = 0; node < levelOfNode.Length; node++)
        {
            levelOfNode[node] = node;
        }

        while (true)
        {
            MoveNodesFast(level, community);
            var communityCount = Compact(community);
            if (communityCount == level.NodeCount)
            {
                break;
            }

            var refined = Refine(level, community, communityCount);
            var refinedCount = Compact(refined);
            if (refinedCount == level.NodeCount)
            {
                // Nothing merged in refinement; aggregating by the unrefined partition still shrinks the graph.
                refined = community;
                refinedCount = communityCount;
            }

            var nextCommunity = new int[refinedCount];
            for (var node = 0; node < level.NodeCount; node++)
            {
                nextCommunity[refined[node]] = community[node];
            }

            level = level.Aggregate(refined, refinedCount);
            for (var node = 0; node < levelOfNode.Length; node++)
            {
                levelOfNode[node] = refined[levelOfNode[node]];
            }

            community = nextCommunity;
        }

        var result = new int[graph.NodeCount];
        for (var node = 0; node < result.Length; node++)
        {
            result[node] = community[levelOfNode[node]];
        }

        return result;
    }

    /// <summary>
    /// Visits nodes from a queue, moving each to the neighbouring (or an empty) community with the largest gain;
    /// when a node moves, its neighbours outside its new community are queued again. Stops when the queue is empty.
    /// </summary>
    private void MoveNodesFast(LevelGraph graph, int[] community)
    {
        var n = graph.NodeCount;
        var communityWeight = new double[n];
        var communitySize = new int[n];
        for (var node = 0; node < n; node++)
        {
            communityWeight[community[node]] += graph.NodeWeights[node];
            communitySize[community[node]]++;
        }

        var emptyCommunities = new Stack<int>();
        for (var label = n - 1; label >= 0; label--)
        {
            if (communitySize[label] == 0)
            {
                emptyCommunities.Push(label);
            }
        }

        var queue = new int[n];
        for (var node = 0; node < n; node++)
        {
            queue[node] = node;
        }

        _random.Shuffle(queue);
        var queued = new bool[n];
        Array.Fill(queued, true);
        var head = 0;
        var queueLength = n;

        var linkWeight = new double[n];
        var touched = new int[n];
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.Weights;
        while (queueLength > 0)
        {
            var node = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            queueLength--;
            queued[node] = false;

            var current = community[node];
            var nodeWeight = graph.NodeWeights[node];
            var touchedCount = 0;
            for (var i = offsets[node]; i < offsets[node + 1]; i++)
            {
                var neighbor = targets[i];
                if (neighbor == node)
                {
                    continue;
                }

                var label = community[neighbor];
                if (linkWeight[label] == 0)
                {
                    touched[touchedCount++] = label;
                }

                linkWeight[label] += weights[i];
            }

            communityWeight[current] -= nodeWeight;
            communitySize[current]--;
            var scale = _resolution * nodeWeight / _twoM;
            var tolerance = RelativeTolerance * nodeWeight;
            var best = current;
            var bestGain = linkWeight[current] - scale * communityWeight[current];
            for (var t = 0; t < touchedCount; t++)
            {
                var label = touched[t];
                var gain = linkWeight[label] - scale * communityWeight[label];
                if (gain > bestGain + tolerance)
                {
                    best = label;
                    bestGain = gain;
                }
            }

            // Leaving for an empty community gains 0; it is an option only if the node is not alone already.
            if (communitySize[current] > 0 && 0 > bestGain + tolerance)
            {
                best = emptyCommunities.Pop();
            }

            community[node] = best;
            communityWeight[best] += nodeWeight;
            communitySize[best]++;
            if (best != current)
            {
                if (communitySize[current] == 0)
                {
                    emptyCommunities.Push(current);
                }

                for (var i = offsets[node]; i < offsets[node + 1]; i++)
                {
                    var neighbor = targets[i];
                    if (!queued[neighbor] && community[neighbor] != best)
                    {
                        queue[(head + queueLength) % n] = neighbor;
                        queueLength++;
                        queued[neighbor] = true;
                    }
                }
            }

            for (var t = 0; t < touchedCount; t++)
            {
                linkWeight[touched[t]] = 0;
            }
        }
    }

    /// <summary>
    /// Splits every community into well-connected sub-communities: starting from singletons, each well-connected
    /// node that is still alone may join a well-connected sub-community of the same community, chosen at random
    /// with probability proportional to <c>exp(gain / θ)</c> among those with a non-negative gain. This is what
    /// guarantees that Leiden's communities are connected, which Louvain does not.
    /// </summary>
    private int[] Refine(LevelGraph graph, int[] community, int communityCount)
    {
        var n = graph.NodeCount;
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.Weights;

        var communityWeight = new double[communityCount];
        var memberStart = new int[communityCount + 1];
        for (var node = 0; node < n; node++)
        {
            communityWeight[community[node]] += graph.NodeWeights[node];
            memberStart[community[node] + 1]++;
        }

        for (var label = 0; label < communityCount; label++)
        {
            memberStart[label + 1] += memberStart[label];
        }

        var members = new int[n];
        var cursor = memberStart.AsSpan(0, communityCount).ToArray();
        for (var node = 0; node < n; node++)
        {
            members[cursor[community[node]]++] = node;
        }

        // Weight from each node to the rest of its community, E(v, C − v) in the paper.
        var linkInside = new double[n];
        for (var node = 0; node < n; node++)
        {
            for (var i = offsets[node]; i < offsets[node + 1]; i++)
            {
                if (targets[i] != node && community[targets[i]] == community[node])
                {
                    linkInside[node] += weights[i];
                }
            }
        }

        var refined = new int[n];
        var refinedWeight = new double[n];
        var refinedSize = new int[n];
        // Weight from each sub-community to the rest of its community, E(S, C − S).
        var refinedLinkOut = new double[n];
        for (var node = 0; node < n; node++)
        {
            refined[node] = node;
            refinedWeight[node] = graph.NodeWeights[node];
            refinedSize[node] = 1;
            refinedLinkOut[node] = linkInside[node];
        }

        var linkWeight = new double[n];
        var touched = new int[n];
        var candidates = new int[n];
        var chance = new double[n];
        for (var label = 0; label < communityCount; label++)
        {
            var communityMembers = members.AsSpan(memberStart[label], memberStart[label + 1] - memberStart[label]);
            _random.Shuffle(communityMembers);
            var totalWeight = communityWeight[label];
            foreach (var node in communityMembers)
            {
                var own = refined[node];
                var nodeWeight = graph.NodeWeights[node];
                var scale = _resolution / _twoM;
                if (refinedSize[own] != 1 || linkInside[node] < scale * nodeWeight * (totalWeight - nodeWeight))
                {
                    continue;
                }

                var touchedCount = 0;
                for (var i = offsets[node]; i < offsets[node + 1]; i++)
                {
                    var neighbor = targets[i];
                    if (neighbor == node || community[neighbor] != label)
                    {
                        continue;
                    }

                    var sub = refined[neighbor];
                    if (linkWeight[sub] == 0)
                    {
                        touched[touchedCount++] = sub;
                    }

                    linkWeight[sub] += weights[i];
                }

                var candidateCount = 0;
                var maxGain = 0.0;
                for (var t = 0; t < touchedCount; t++)
                {
                    var sub = touched[t];
                    var subWeight = refinedWeight[sub];
                    var gain = linkWeight[sub] - scale * nodeWeight * subWeight;
                    if (gain < 0 || refinedLinkOut[sub] < scale * subWeight * (totalWeight - subWeight))
                    {
                        continue;
                    }

                    candidates[candidateCount] = sub;
                    chance[candidateCount++] = gain;
                    maxGain = Math.Max(maxGain, gain);
                }

                if (candidateCount > 0)
                {
                    // Staying alone is the option with gain 0; shifting by the largest gain keeps exp() finite.
                    var total = Math.Exp(-maxGain / _randomness);
                    for (var c = 0; c < candidateCount; c++)
                    {
                        chance[c] = Math.Exp((chance[c] - maxGain) / _randomness);
                        total += chance[c];
                    }

                    var draw = _random.NextDouble() * total - Math.Exp(-maxGain / _randomness);
                    var chosen = own;
                    for (var c = 0; c < candidateCount && draw >= 0; c++)
                    {
                        draw -= chance[c];
                        if (draw < 0)
                        {
                            chosen = candidates[c];
                        }
                    }

                    if (chosen != own)
                    {
                        refined[node] = chosen;
                        refinedWeight[chosen] += nodeWeight;
                        refinedSize[chosen]++;
                        refinedSize[own] = 0;
                        refinedLinkOut[chosen] += linkInside[node] - 2 * linkWeight[chosen];
                    }
                }

                for (var t = 0; t < touchedCount; t++)
                {
                    linkWeight[touched[t]] = 0;
                }
            }
        }

        return refined;
    }

    /// <summary>Relabels in place to 0..k-1 in order of first appearance and returns k.</summary>
    private static int Compact(int[] labels)
    {
        var newLabel = new int[labels.Length];
        Array.Fill(newLabel, -1);
        var count = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            ref var label = ref newLabel[labels[i]];
            if (label < 0)
            {
                label = count++;
            }

            labels[i] = label;
        }

        return count;
    }
}
