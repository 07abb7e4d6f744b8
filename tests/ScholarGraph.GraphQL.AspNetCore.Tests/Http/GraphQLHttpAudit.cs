using System.Diagnostics;
using System.Text.Json;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Http;

/// <summary>Runs <c>npm-clients/audit.mjs</c> (graphql-http's <c>auditServer</c>) with node and reads its JSON report.</summary>
public static class GraphQLHttpAudit
{
    public sealed record Result(string Status, string Id, string Name, string? Reason);

    public static async Task<IReadOnlyList<Result>> RunAsync(string graphQLUrl)
    {
        var directory = RepositoryPaths.NpmClients;
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "graphql-http")),
            $"graphql-http is not installed in {directory}; building the test project runs 'npm ci' there.");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("audit.mjs");
        start.ArgumentList.Add(graphQLUrl);

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"node audit.mjs exited with {node.ExitCode}: {await errors}");
        var results = JsonSerializer.Deserialize<List<Result>>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.NotNull(results);
        return results;
    }

    public static void AssertAllOk(IReadOnlyList<Result> results)
    {
        // graphql-http 1.23.1 runs 61 audits; far fewer means the script ran something else.
        Assert.True(results.Count >= 61, $"Only {results.Count} audit results.");
        var failing = results.Where(r => r.Status != "ok").Select(r => $"{r.Status} {r.Id} {r.Name}: {r.Reason}").ToList();
        Assert.True(failing.Count == 0, $"{failing.Count} of {results.Count} audits are not ok:\n" + string.Join("\n", failing));
    }
}
