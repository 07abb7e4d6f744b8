using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScholarGraph.Tests.Shared;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.Hosting.QueryLimits;

/// <summary>
/// Every GraphQL example of the README passes the default limits: its queries run on the seed without errors, its mutations and
/// its subscription validate and are measured (<c>GraphQL-Cost: validate</c>, so nothing is written and no key is needed). The
/// measured costs are printed, to see how much room the defaults leave.
/// </summary>
public sealed partial class ReadmeExamplesWithinLimitsTests(QueryLimitsServer server, ITestOutputHelper output) : IClassFixture<QueryLimitsServer>
{
    public sealed record Example(int Line, string Document, string? Variables)
    {
        public override string ToString() => $"README line {Line}";
    }

    public static TheoryData<Example> Examples()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var data = new TheoryData<Example>();
        foreach (Match block in GraphQLBlock().Matches(readme))
        {
            // The variables are given after the block, before the next one.
            var next = readme.IndexOf("\n```", block.Index + block.Length, StringComparison.Ordinal);
            var after = readme[(block.Index + block.Length)..(next < 0 ? readme.Length : next)];
            var variables = VariablesLine().Match(after);
            var line = readme[..block.Index].Count(c => c == '\n') + 1;
            data.Add(new Example(line, block.Groups["document"].Value, variables.Success ? variables.Groups["json"].Value.Replace('\n', ' ') : null));
        }
        Assert.True(data.Count >= 20, $"Expected the README's examples, found {data.Count}.");
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task A_readme_example_passes_the_default_limits(Example example)
    {
        JsonElement? variables = example.Variables is null ? null : JsonDocument.Parse(example.Variables).RootElement;
        var kind = example.Document.TrimStart().Split([' ', '(', '{'], 2)[0];
        var body = kind switch
        {
            "subscription" => await ValidateOverSseAsync(example.Document, variables),
            "mutation" => await PostAsync(example.Document, variables, "validate"),
            _ => await PostAsync(example.Document, variables, "report"),
        };

        Assert.False(body.TryGetProperty("errors", out var errors), $"{example}: {errors}");
        var cost = body.GetProperty("extensions").GetProperty("operationCost");
        output.WriteLine($"{example} ({kind}): field cost {cost.GetProperty("fieldCost").GetDouble()}, type cost {cost.GetProperty("typeCost").GetDouble()}");
    }

    private async Task<JsonElement> PostAsync(string query, JsonElement? variables, string cost)
    {
        using var client = server.CreateClient();
        using var request = Request(query, variables, cost, "application/graphql-response+json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> ValidateOverSseAsync(string query, JsonElement? variables)
    {
        using var client = server.CreateClient();
        using var request = Request(query, variables, "validate", "text/event-stream");
        using var response = await client.SendAsync(request);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("event: complete\ndata: ", events[^1]);
        return JsonDocument.Parse(events[0]["event: next\ndata: ".Length..]).RootElement.Clone();
    }

    private static HttpRequestMessage Request(string query, JsonElement? variables, string cost, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        request.Headers.Add("GraphQL-Cost", cost);
        return request;
    }

    [GeneratedRegex("^```graphql\n(?<document>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();

    [GeneratedRegex("^Variables: `(?<json>[^`]*)`", RegexOptions.Multiline)]
    private static partial Regex VariablesLine();
}
