using System.Diagnostics;
using System.Globalization;

namespace ScholarGraph.Bench.Import;

/// <summary>
/// The real-file rows: this build's importer and, with <c>--baseline</c>, an older build's (<c>baseline.sh</c>), each measured
/// by <see cref="RealFileMeasurement"/> in a process of its own, the builds taking turns for <c>--rounds</c> rounds so that the
/// machine's load falls on both alike. Each process's first import includes compiling the importer (JIT), so it is reported
/// apart from the warm ones.
/// </summary>
internal static class RealFileComparison
{
    public static async Task RunAsync(string file, string? baseline, int rounds, int runs, int batchSize, string cache)
    {
        var builds = new List<(string Name, string Program)>();
        if (baseline is not null)
            builds.Add(("baseline", Path.GetFullPath(baseline)));
        builds.Add(("this build", typeof(RealFileMeasurement).Assembly.Location));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Real file: {rounds} rounds, the builds taking turns; each a process importing the file {runs} times, each into a fresh SQLite file"));
        var measured = builds.ToDictionary(b => b.Name, _ => new List<Run>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, program) in builds)
            {
                var output = await MeasureAsync(program, file, runs, batchSize, cache);
                measured[name].AddRange(output);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round} {name,-10} {string.Join("  ", output.Select(r => $"{r.WorksPerSecond,6:N0}"))} works/s   ({output[0].Detail}; load average {LoadAverage()})"));
            }
        }
        Console.WriteLine();
        Console.WriteLine("| build      | works | first import, median works/s | warm, best works/s | warm, median works/s | warm, median CPU s |");
        Console.WriteLine("|------------|------:|-----------------------------:|-------------------:|---------------------:|-------------------:|");
        foreach (var (name, _) in builds)
        {
            var all = measured[name];
            var first = all.Where(r => r.Number == 1).ToList();
            var warm = all.Where(r => r.Number > 1).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name,-10} | {all[0].Works,5:N0} | {Median(first.Select(r => r.WorksPerSecond)),28:N0} | {Best(warm),18:N0} | {Median(warm.Select(r => r.WorksPerSecond)),20:N0} | {Median(warm.Select(r => r.CpuSeconds)),18:F2} |"));
        }
        if (baseline is null)
        {
            Console.WriteLine("(no --baseline: run bench/ScholarGraph.Bench.Import/baseline.sh and pass the path it prints)");
            return;
        }
        var before = measured["baseline"];
        var after = measured["this build"];
        double Ratio(Func<List<Run>, double> figure) => figure(after) / figure(before);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"This build / baseline, works/s: first import (median) {Ratio(r => Median(r.Where(x => x.Number == 1).Select(x => x.WorksPerSecond))):F2}x, "
            + $"warm best {Ratio(r => Best(r.Where(x => x.Number > 1))):F2}x, warm median {Ratio(r => Median(r.Where(x => x.Number > 1).Select(x => x.WorksPerSecond))):F2}x; "
            + $"CPU per work, warm median: {Median(before.Where(x => x.Number > 1).Select(x => x.CpuSeconds / x.Works)) / Median(after.Where(x => x.Number > 1).Select(x => x.CpuSeconds / x.Works)):F2}x less"));
    }

    private static async Task<List<Run>> MeasureAsync(string program, string file, int runs, int batchSize, string cache)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { program, RealFileMeasurement.Verb, file, "--runs", runs.ToString(CultureInfo.InvariantCulture),
                     "--batch-size", batchSize.ToString(CultureInfo.InvariantCulture), "--cache", cache })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await errors}");
        return (await output).Split('\n').Where(l => l.StartsWith("RUN ", StringComparison.Ordinal)).Select(Run.Parse).ToList();
    }

    private static double Best(IEnumerable<Run> runs) => runs.Max(r => r.WorksPerSecond);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    // One RUN line of RealFileMeasurement: number, works written, wall and CPU seconds, works skipped, then the row counts.
    private sealed record Run(int Number, long Works, double WallSeconds, double CpuSeconds, string Detail)
    {
        public double WorksPerSecond => Works / WallSeconds;

        public static Run Parse(string line)
        {
            var parts = line.Split(' ', 7);
            return new Run(int.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture),
                double.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture),
                $"{parts[5]} skipped, {parts[6].Trim().Trim('(', ')')}");
        }
    }
}
