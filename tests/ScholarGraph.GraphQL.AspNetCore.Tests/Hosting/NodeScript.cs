using System.Diagnostics;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

/// <summary>
/// A script of <c>npm-clients/</c> running under node, its output collected as it runs. The library's tests and the server's
/// tests both start the npm clients through it, so they fail alike when a package is missing or a script exits badly.
/// </summary>
public sealed class NodeScript : IDisposable
{
    private readonly Process _node;
    private readonly string _script;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    private NodeScript(Process node, string script)
    {
        _node = node;
        _script = script;
        _output = node.StandardOutput.ReadToEndAsync();
        _errors = node.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <paramref name="script"/> with <paramref name="arguments"/>, after checking that <paramref name="requiredPackage"/> is installed.</summary>
    public static NodeScript Start(string script, string requiredPackage, params string[] arguments)
    {
        var directory = RepositoryPaths.NpmClients;
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", requiredPackage)),
            $"{requiredPackage} is not installed in {directory}; building the test project runs 'npm ci' there.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return new NodeScript(Process.Start(start) ?? throw new InvalidOperationException("node did not start."), script);
    }

    /// <summary>Waits up to <paramref name="patience"/> for the script to exit, fails unless it exited with 0, and returns what it printed.</summary>
    public async Task<string> OutputAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _node.WaitForExitAsync(timeout.Token);
        Assert.True(_node.ExitCode == 0, $"node {_script} exited with {_node.ExitCode}: {await _errors}");
        return await _output;
    }

    /// <summary>Waits up to a minute for the script to exit and returns the lines it printed.</summary>
    public async Task<string[]> FinishAsync() =>
        (await OutputAsync(TimeSpan.FromSeconds(60))).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose()
    {
        if (!_node.HasExited)
            _node.Kill(entireProcessTree: true);
        _node.Dispose();
    }
}
