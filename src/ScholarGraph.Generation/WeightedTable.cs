namespace ScholarGraph.Generation;

/// <summary>Draws index <c>i</c> with probability proportional to <c>weights[i]</c>, by binary search over the running totals.</summary>
internal sealed class WeightedTable
{
    private readonly double[] _cumulative;

    public WeightedTable(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0)
            throw new ArgumentException("at least one weight is needed", nameof(weights));
        _cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (!(weights[i] >= 0))
                throw new ArgumentException($"weight {i} is {weights[i]}; weights must be non-negative", nameof(weights));
            total += weights[i];
            _cumulative[i] = total;
        }
        if (total <= 0)
            throw new ArgumentException("the weights sum to zero", nameof(weights));
    }

    public int Count => _cumulative.Length;

    /// <summary>Weights proportional to <c>(rank + 1)^-exponent</c>: Zipf's law over <paramref name="count"/> ranks.</summary>
    public static WeightedTable Zipf(int count, double exponent)
    {
        var weights = new double[count];
        for (var i = 0; i < count; i++)
            weights[i] = Math.Pow(i + 1, -exponent);
        return new WeightedTable(weights);
    }

    public int Sample(GeneratorRandom random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        int low = 0, high = _cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_cumulative[middle] > target)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
}
