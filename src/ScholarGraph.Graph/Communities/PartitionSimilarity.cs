namespace ScholarGraph.Graph.Communities;

/// <summary>Agreement between two partitions of the same items, for tests and reports.</summary>
public static class PartitionSimilarity
{
    /// <summary>
    /// The adjusted Rand index (Hubert and Arabie 1985): the Rand index corrected for chance,
    /// <c>ARI = (Σ_ij C(n_ij,2) − E) / (½·(Σ_i C(a_i,2) + Σ_j C(b_j,2)) − E)</c> with
    /// <c>E = Σ_i C(a_i,2) · Σ_j C(b_j,2) / C(n,2)</c>, where n_ij counts items in cluster i of the first partition
    /// and cluster j of the second, and a_i, b_j are the cluster sizes. 1 means identical partitions (up to
    /// renaming), about 0 means chance agreement; it can be negative. When the denominator is 0 (both partitions
    /// all singletons, or both one cluster, or fewer than two items) the partitions agree and the result is 1.
    /// </summary>
    /// <param name="first">Cluster label of every item; any integers.</param>
    /// <param name="second">Cluster label of every item, in the same item order.</param>
    public static double AdjustedRandIndex(ReadOnlySpan<int> first, ReadOnlySpan<int> second)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException("Both partitions must label the same items.", nameof(second));
        }

        var firstSizes = new Dictionary<int, long>();
        var secondSizes = new Dictionary<int, long>();
        var jointSizes = new Dictionary<(int, int), long>();
        for (var i = 0; i < first.Length; i++)
        {
            firstSizes[first[i]] = firstSizes.GetValueOrDefault(first[i]) + 1;
            secondSizes[second[i]] = secondSizes.GetValueOrDefault(second[i]) + 1;
            jointSizes[(first[i], second[i])] = jointSizes.GetValueOrDefault((first[i], second[i])) + 1;
        }

        var joint = SumOfPairs(jointSizes.Values);
        var firstPairs = SumOfPairs(firstSizes.Values);
        var secondPairs = SumOfPairs(secondSizes.Values);
        var expected = first.Length < 2 ? 0.0 : firstPairs * secondPairs / Pairs(first.Length);
        var denominator = 0.5 * (firstPairs + secondPairs) - expected;
        return denominator == 0 ? 1.0 : (joint - expected) / denominator;
    }

    private static double SumOfPairs(IEnumerable<long> sizes)
    {
        var sum = 0.0;
        foreach (var size in sizes)
        {
            sum += Pairs(size);
        }

        return sum;
    }

    private static double Pairs(long count) => count * (count - 1) / 2.0;
}
