using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScholarGraph.Bench.Load;

/// <summary>What one wrk run measured.</summary>
/// <param name="RequestsPerSecond">Requests completed per second.</param>
/// <param name="P50Ms">Median latency, in milliseconds.</param>
/// <param name="P99Ms">99th-percentile latency, in milliseconds.</param>
/// <param name="Requests">Requests completed.</param>
/// <param name="Failures">Non-2xx answers plus socket errors.</param>
/// <param name="ServerCpuUsPerRequest">
/// CPU time of this process (the server: wrk runs in a process of its own) during the measured run, in microseconds per
/// completed request. On a shared machine it moves far less than requests per second, so A/B runs compare it first.
/// </param>
internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Failures, double ServerCpuUsPerRequest = 0);

/// <summary>
/// Drives a URL with wrk (the Debian package): POST bodies taken in turn from a list (so variables vary), a warm-up run that is
/// not counted, then the measured run, whose requests per second and latency distribution are read from wrk's own report.
/// </summary>
internal static partial class Wrk
{
    public static void EnsureInstalled()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            probe.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install wrk (the load benchmark drives the server with it).");
        }
    }

    public static async Task<WrkResult> RunAsync(string url, IReadOnlyList<string> bodies, int connections, int seconds, int warmupSeconds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"scholargraph-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(bodies));
        try
        {
            if (warmupSeconds > 0)
                await RunOnceAsync(url, script, connections, warmupSeconds);
            var cpuBefore = ProcessCpu();
            var measured = Parse(await RunOnceAsync(url, script, connections, seconds));
            var cpu = ProcessCpu() - cpuBefore;
            return measured with { ServerCpuUsPerRequest = measured.Requests == 0 ? 0 : cpu.TotalMicroseconds / measured.Requests };
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static async Task<string> RunOnceAsync(string url, string script, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{seconds}s", "--timeout", "10s", "--latency", "-s", script, url })
            start.ArgumentList.Add(argument);
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var error = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0)
            throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {error}{output}");
        return output;
    }

    // Each connection sends the bodies in turn, starting at a different one.
    private static string Script(IReadOnlyList<string> bodies)
    {
        var lua = new StringBuilder();
        lua.AppendLine("wrk.method = \"POST\"");
        lua.AppendLine("wrk.headers[\"Content-Type\"] = \"application/json\"");
        lua.AppendLine("wrk.headers[\"Accept\"] = \"application/graphql-response+json\"");
        lua.AppendLine("local bodies = {");
        foreach (var body in bodies)
            lua.Append("  [==[").Append(body).AppendLine("]==],");
        lua.AppendLine("}");
        lua.AppendLine("local counter = 0");
        lua.AppendLine("setup = function(thread) thread:set(\"offset\", math.random(#bodies)) end");
        lua.AppendLine("request = function() counter = counter + 1; return wrk.format(nil, nil, nil, bodies[((counter + (offset or 0)) % #bodies) + 1]) end");
        return lua.ToString();
    }

    private static WrkResult Parse(string report)
    {
        double Duration(string percentile)
        {
            var match = Regex.Match(report, $@"^\s*{percentile}%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!match.Success)
                throw new InvalidOperationException($"wrk's report has no {percentile}% latency:\n{report}");
            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
        }

        var rps = double.Parse(RequestsPerSecond().Match(report).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(RequestsDone().Match(report).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccess().Match(report) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrors().Match(report) is { Success: true } s
            ? s.Groups.Cast<Group>().Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(rps, Duration("50"), Duration("99"), requests, non2xx + socketErrors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"([0-9]+) requests in")]
    private static partial Regex RequestsDone();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)")]
    private static partial Regex SocketErrors();
}
