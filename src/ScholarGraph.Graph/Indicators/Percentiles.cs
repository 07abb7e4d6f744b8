namespace ScholarGraph.Graph.Indicators;

/// <summary>Percentiles and percentile ranks as the indicators use them.</summary>
public static class Percentiles
{
    /// <summary>
    /// The <paramref name="quantile"/> of the values, each repeated as often as its weight, by linear interpolation between the two
    /// nearest ranks (numpy's default, Hyndman and Fan's type 7): with n values sorted x_0 ≤ … ≤ x_{n−1} and h = (n − 1)·q,
    /// x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋). The median is q = 0.5.
    /// </summary>
    /// <param name="sortedValues">The distinct or repeated values, ascending; not empty.</param>
    /// <param name="weights">How often each value occurs, at the same positions; each at least 1.</param>
    /// <param name="quantile">q, from 0 to 1.</param>
    public static double Weighted(ReadOnlySpan<double> sortedValues, ReadOnlySpan<long> weights, double quantile)
    {
        if (sortedValues.IsEmpty || sortedValues.Length != weights.Length)
        {
            throw new ArgumentException("Give at least one value and one weight per value.", nameof(weights));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        long total = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1, nameof(weights));
            total += weight;
        }

        var h = (total - 1) * quantile;
        var low = (long)Math.Floor(h);
        var lowValue = AtRank(sortedValues, weights, low);
        var highValue = low + 1 < total ? AtRank(sortedValues, weights, low + 1) : lowValue;
        return lowValue + (h - low) * (highValue - lowValue);
    }

    /// <summary>The unweighted <paramref name="quantile"/> of <paramref name="values"/> (sorted here), as <see cref="Weighted"/> with weights 1.</summary>
    /// <param name="values">The values, in any order; not empty.</param>
    /// <param name="quantile">q, from 0 to 1.</param>
    public static double Of(IReadOnlyCollection<double> values, double quantile)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var ones = new long[sorted.Length];
        Array.Fill(ones, 1);
        return Weighted(sorted, ones, quantile);
    }

    /// <summary>
    /// The percentile rank of <paramref name="value"/> among <paramref name="sortedValues"/> (which hold it), counting values above
    /// it as below in rank: 100 · (above + ½ · equal) / n, so that the lowest value of many ranks near 100 and a value alone 50.
    /// </summary>
    /// <param name="sortedValues">The values, ascending; not empty.</param>
    /// <param name="value">One of them.</param>
    public static double RankFromTop(ReadOnlySpan<double> sortedValues, double value)
    {
        if (sortedValues.IsEmpty)
        {
            throw new ArgumentException("Give at least one value.", nameof(sortedValues));
        }

        var below = LowerBound(sortedValues, value);
        var upTo = LowerBound(sortedValues, Math.BitIncrement(value));
        var above = sortedValues.Length - upTo;
        return 100.0 * (above + 0.5 * (upTo - below)) / sortedValues.Length;
    }

    private static double AtRank(ReadOnlySpan<double> values, ReadOnlySpan<long> weights, long rank)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (rank < weights[i])
            {
                return values[i];
            }

            rank -= weights[i];
        }

        return values[^1];
    }

    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
