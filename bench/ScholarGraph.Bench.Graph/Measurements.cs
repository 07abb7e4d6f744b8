using System.Diagnostics;

namespace ScholarGraph.Bench.Graph;

/// <summary>Latency samples of one operation.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    /// <summary>Runs <paramref name="operation"/> once and records its time.</summary>
    public void Measure(Action operation)
    {
        var start = Stopwatch.GetTimestamp();
        operation();
        _milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    public double Median => Percentile(0.5);

    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
    }
}

/// <summary>One row of the result table: a figure per graph size.</summary>
internal sealed record Row(string Name, string Unit, Dictionary<int, double> Values);
