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

/// <summary>The figures of a run, one row per figure and one column per graph size, printed with each figure's ratio to the first size.</summary>
internal sealed class ResultTable
{
    private readonly List<Row> _rows = [];

    /// <summary>While true (the warm-up pass), figures are dropped.</summary>
    public bool WarmingUp { get; set; } = true;

    public void Record(string name, string unit, int size, double value)
    {
        if (WarmingUp)
            return;
        var row = _rows.FirstOrDefault(r => r.Name == name);
        if (row is null)
        {
            row = new Row(name, unit, []);
            _rows.Add(row);
        }

        row.Values[size] = value;
    }

    public void Print(IReadOnlyList<int> sizes, int nameWidth = 36)
    {
        var baseSize = sizes[0];
        Console.WriteLine($"| {"figure".PadRight(nameWidth)} | unit |" + string.Concat(sizes.Select(s => $" {s,12:N0} | ratio |")));
        Console.WriteLine("|" + new string('-', nameWidth + 2) + "|------|" + string.Concat(sizes.Select(_ => "--------------|-------|")));
        foreach (var row in _rows)
        {
            var line = $"| {row.Name.PadRight(nameWidth)} | {row.Unit,-4} |";
            foreach (var size in sizes)
            {
                var value = row.Values.GetValueOrDefault(size);
                var ratio = row.Values.GetValueOrDefault(baseSize) is var b and > 0 ? value / b : double.NaN;
                line += $" {value,12:N2} | {ratio,5:N2} |";
            }

            Console.WriteLine(line);
        }
    }
}
