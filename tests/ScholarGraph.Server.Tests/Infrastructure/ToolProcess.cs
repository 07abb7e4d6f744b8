using System.Diagnostics;

namespace ScholarGraph.Server.Tests.Infrastructure;

/// <summary>A command-line tool (npm, node) run to its end in a folder, with what it printed.</summary>
public static class ToolProcess
{
    /// <summary>What a tool printed and how it ended.</summary>
    public sealed record Outcome(int ExitCode, string Output)
    {
        /// <summary>Fails, showing what the tool printed, unless it exited with 0.</summary>
        public Outcome AssertSucceeded(string what)
        {
            Assert.True(ExitCode == 0, $"{what} exited with {ExitCode}:\n{Output}");
            return this;
        }
    }

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, with
    /// <paramref name="environment"/> added to the inherited environment, and waits up to <paramref name="patience"/> (two
    /// minutes by default); standard output and error are read together, in the order they came.
    /// </summary>
    public static async Task<Outcome> RunAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? patience = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not end in time:\n{output}");
        }
        process.WaitForExit(); // the last lines of output
        lock (output)
            return new Outcome(process.ExitCode, output.ToString());
    }
}
