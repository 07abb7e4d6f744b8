using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.AspNetCore.Documents;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Tests.Documents;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Limits;

/// <summary>
/// Trusted documents are held to the limits like query text: the configured folder's to every limit, an app folder's to every
/// limit but the costs, which its own budget (<see cref="AppTrustedDocumentDirectory"/>) replaces, and no more than that.
/// </summary>
public sealed class TrustedDocumentLimitsTests : IDisposable
{
    // Depth 7 (nested, five child, level), over the default 6.
    private const string TooDeep = "query TooDeep { nested { child { child { child { child { child { level } } } } } } }";

    // Field cost 22 (books 10, 4 × (related 1 + 2 × author 1)): over a MaxFieldCost of 20, within a budget of 30.
    private const string Costly = "query Costly { books(limit: 4) { related(first: 2) { author { name } } } }";

    // Field cost 50 (books 10, 10 × (related 1 + 3 × author 1)): over the budget of 30 too.
    private const string OverBudget = "query OverBudget { books(limit: 10) { related(first: 3) { author { name } } } }";

    private readonly DocumentFolder _configured = new();
    private readonly DocumentFolder _app = new();

    public void Dispose()
    {
        _configured.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task A_document_of_the_configured_folder_is_refused_over_a_limit_and_nothing_of_it_runs()
    {
        var deep = _configured.Add(TooDeep);
        var costly = _configured.Add(Costly);
        await using var host = await StartAsync();

        var tooDeep = await PostIdAsync(host, deep);
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.Status);
        tooDeep.Body.SingleRefusal().AssertNames(GraphQLHttpErrorCodes.MaxDepthExceeded, "GraphQLLimits:MaxDepth", 6, 7);
        var tooCostly = await PostIdAsync(host, costly);
        Assert.Equal(HttpStatusCode.BadRequest, tooCostly.Status);
        tooCostly.Body.SingleRefusal().AssertNames(GraphQLHttpErrorCodes.MaxCostExceeded, "GraphQLLimits:MaxFieldCost", 20, 22);
        Assert.Empty(host.Work.Started);
    }

    [Fact]
    public async Task An_app_folders_document_runs_within_its_budget_and_is_refused_past_it()
    {
        var costly = _app.Add(Costly);
        var overBudget = _app.Add(OverBudget);
        await using var host = await StartAsync(budget: 30);

        var withinBudget = await PostIdAsync(host, costly);
        Assert.True(withinBudget.Status == HttpStatusCode.OK, withinBudget.Body.ToString());
        Assert.Equal(4, withinBudget.Data.GetProperty("books").GetArrayLength());

        host.Work.Reset();
        var refused = await PostIdAsync(host, overBudget);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var error = refused.Body.SingleRefusal();
        error.AssertNames(GraphQLHttpErrorCodes.MaxCostExceeded, "AppTrustedDocumentDirectory.MaxFieldCost", 30, 50);
        Assert.Contains("the cost budget of the app's own trusted documents", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The folder is the server's business, not the client's.
        Assert.DoesNotContain(_app.Path, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Work.Started);
    }

    [Fact]
    public async Task The_budget_is_the_app_documents_own_the_same_text_as_query_text_or_from_the_configured_folder_keeps_the_limits()
    {
        await using var host = await StartAsync(budget: 30, mode: "Off");

        var asText = await host.PostAsync(Costly);
        Assert.Equal(HttpStatusCode.BadRequest, asText.Status);
        asText.Body.SingleRefusal().AssertNames(GraphQLHttpErrorCodes.MaxCostExceeded, "GraphQLLimits:MaxFieldCost", 20, 22);

        // In the configured folder only: the limits. In both: the app's budget, since the app ships it.
        var onlyConfigured = _configured.Add(Costly);
        await using (var configuredOnly = await StartAsync(budget: 30))
            Assert.Equal(HttpStatusCode.BadRequest, (await PostIdAsync(configuredOnly, onlyConfigured)).Status);
        _app.Add(Costly);
        await using var both = await StartAsync(budget: 30);
        Assert.Equal(HttpStatusCode.OK, (await PostIdAsync(both, onlyConfigured)).Status);
    }

    [Fact]
    public async Task An_app_folders_document_is_held_to_every_limit_but_the_costs()
    {
        var deep = _app.Add(TooDeep);
        await using var host = await StartAsync(budget: 1_000_000);

        var response = await PostIdAsync(host, deep);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.Body.SingleRefusal().AssertNames(GraphQLHttpErrorCodes.MaxDepthExceeded, "GraphQLLimits:MaxDepth", 6, 7);
        Assert.Empty(host.Work.Started);
    }

    [Fact]
    public async Task A_negative_budget_stops_the_start_naming_the_folder()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(budget: -1));

        Assert.Contains($"'{_app.Path}' has a negative cost budget", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A host in <paramref name="mode"/> with a MaxFieldCost of 20, the configured folder, and the app folder with <paramref name="budget"/> as its field-cost budget.</summary>
    private Task<TransportTestHost> StartAsync(double? budget = null, string mode = "TrustedOnly") =>
        TransportTestHost.StartAsync(
            settings: _configured.Settings(mode, ("GraphQLLimits:MaxFieldCost", "20")),
            configureServices: services => services.Configure<TrustedDocumentOptions>(options =>
                options.AppDirectories.Add(new AppTrustedDocumentDirectory(_app.Path) { MaxFieldCost = budget })));

    private static async Task<GraphQLResponse> PostIdAsync(TransportTestHost host, string hash)
    {
        using var client = host.CreateClient();
        return await GraphQLResponse.PostAsync(client, new { documentId = "sha256:" + hash });
    }
}
