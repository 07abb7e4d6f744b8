using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Http;

/// <summary>Runs <c>npm-clients/audit.mjs</c> (graphql-http's <c>auditServer</c>) with node and reads its JSON report.</summary>
public static class GraphQLHttpAudit
{
    public sealed record Result(string Status, string Id, string Name, string? Reason);

    public static async Task<IReadOnlyList<Result>> RunAsync(string graphQLUrl)
    {
        using var audit = NodeScript.Start("audit.mjs", "graphql-http", graphQLUrl);
        var output = await audit.OutputAsync(TimeSpan.FromMinutes(2));

        var results = JsonSerializer.Deserialize<List<Result>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web));
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
