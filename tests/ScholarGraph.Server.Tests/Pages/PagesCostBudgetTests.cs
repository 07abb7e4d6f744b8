using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScholarGraph.Server.Pages;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Pages;

/// <summary>
/// The pages' operations run under their own cost budget (<see cref="ScholarGraphPagesExtensions.CostBudget"/>), measured here
/// by the server itself (<c>GraphQL-Cost: validate</c>) at the largest arguments the schema lets the pages send: every one fits,
/// the costliest uses most of it (the budget is what the explorer needs, not a blank cheque), and the same text sent as query
/// text is held to <c>GraphQLLimits</c>.
/// </summary>
[Collection(SequentialHostsCollection.Name)]
public sealed partial class PagesCostBudgetTests(ScholarGraphFactory server) : IClassFixture<ScholarGraphFactory>
{
    private static readonly string Author = SeedProfile.AuthorId("devvrit-khatri");

    /// <summary>Each page operation's variables at their largest: coauthorNetwork's depth (3) and maxNodes (2,000) at the schema's bounds.</summary>
    private static readonly Dictionary<string, object> LargestVariables = new()
    {
        ["AuthorSearch"] = new { text = "a" },
        ["CoauthorNetwork"] = new { id = Author, depth = 3, minSharedPapers = 1, maxNodes = 2000 },
        ["CollaborationPath"] = new { from = Author, to = SeedProfile.AuthorId("rishabh-tiwari") },
        ["Profile"] = new { id = Author },
        ["TopicClusters"] = new { },
    };

    [Fact]
    public async Task Every_page_operation_fits_the_budget_at_its_largest_arguments_and_the_costliest_uses_most_of_it()
    {
        var operations = ReadManifest();
        Assert.Equal(LargestVariables.Keys.Order(StringComparer.Ordinal), operations.Keys.Order(StringComparer.Ordinal));

        var costliest = 0.0;
        foreach (var (name, (hash, _)) in operations)
        {
            var (status, body) = await PostAsync(new { documentId = "sha256:" + hash, variables = LargestVariables[name] });
            Assert.True(status == HttpStatusCode.OK, $"{name}: {body}");
            var cost = body.GetProperty("extensions").GetProperty("operationCost");
            var (field, type) = (cost.GetProperty("fieldCost").GetDouble(), cost.GetProperty("typeCost").GetDouble());
            Assert.True(field <= ScholarGraphPagesExtensions.CostBudget && type <= ScholarGraphPagesExtensions.CostBudget,
                $"{name} costs {field} (field) and {type} (type), over the pages' budget of {ScholarGraphPagesExtensions.CostBudget}.");
            costliest = Math.Max(costliest, Math.Max(field, type));
        }
        Assert.True(costliest >= 0.9 * ScholarGraphPagesExtensions.CostBudget,
            $"The costliest page operation costs {costliest}: the budget of {ScholarGraphPagesExtensions.CostBudget} has more than a tenth to spare.");
    }

    [Fact]
    public async Task The_explorers_network_as_query_text_is_held_to_the_cost_limit()
    {
        var (_, text) = ReadManifest()["CoauthorNetwork"];

        var (status, body) = await PostAsync(new { query = text, variables = LargestVariables["CoauthorNetwork"] });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("MAX_COST_EXCEEDED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("GraphQLLimits:MaxFieldCost", error.GetProperty("extensions").GetProperty("setting").GetString());
    }

    /// <summary>The pages' manifest as the build wrote it, by operation name: each document's hash and text.</summary>
    private static Dictionary<string, (string Hash, string Text)> ReadManifest()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "pages", "trusted-documents", "persisted-documents.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.EnumerateObject().ToDictionary(
            entry => OperationName().Match(entry.Value.GetString()!).Groups[1].Value,
            entry => (entry.Name, entry.Value.GetString()!));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object request)
    {
        using var client = server.CreateClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8, "application/json"),
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        message.Headers.Add("GraphQL-Cost", "validate");
        using var response = await client.SendAsync(message);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [GeneratedRegex(@"^\s*query\s+(\w+)")]
    private static partial Regex OperationName();
}
