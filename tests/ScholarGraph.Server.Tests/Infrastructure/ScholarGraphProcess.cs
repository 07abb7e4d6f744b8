using System.Diagnostics;

namespace ScholarGraph.Server.Tests.Infrastructure;

/// <summary>
/// Runs the built server (<c>dotnet scholargraph.dll ...</c>) as a user runs it: its own process, working directory and
/// environment, so settings are read from the environment and the files beside the binary exactly as in production.
/// </summary>
public static class ScholarGraphProcess
{
    /// <summary>The server's entry assembly, built beside the tests.</summary>
    public static string Binary => typeof(Program).Assembly.Location;

    /// <summary>What a finished run printed and how it ended.</summary>
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs the verb in <paramref name="arguments"/> in <paramref name="workingDirectory"/> with <paramref name="environment"/>
    /// added to the inherited environment (a null value removes a variable), and waits up to a minute for it to end.
    /// </summary>
    public static async Task<Outcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Binary);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The test host's own settings must not leak into the child: it reads only what the test gives it.
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__ScholarGraph", "Database__ConnectionString", "Database__Provider" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scholargraph {string.Join(' ', arguments)} did not end within a minute: {await output}{await error}");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }
}
