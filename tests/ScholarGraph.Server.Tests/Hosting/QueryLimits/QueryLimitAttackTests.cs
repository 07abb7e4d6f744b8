using System.Net;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.Server.Tests.Authors;

namespace ScholarGraph.Server.Tests.Hosting.QueryLimits;

/// <summary>
/// Issue 10's attacks, tried against the real server with its default limits: each is refused before execution with a code
/// naming the limit, answers 4xx, sends no SQL and resolves no field (so starts no graph traversal), and the server answers the
/// next request as usual.
/// </summary>
public sealed class QueryLimitAttackTests(QueryLimitsServer server) : IClassFixture<QueryLimitsServer>
{
    private static string Repeat(string selection, int times, Func<int, string>? alias = null) =>
        string.Join(" ", Enumerable.Range(1, times).Select(i => (alias is null ? "" : alias(i) + ": ") + selection));

    private async Task<JsonElement> RefusedAsync(string query, object? variables = null, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        server.ResetWork();
        var (actual, body) = await server.PostAsync(query, variables);
        Assert.True(actual == status, $"{actual}: {body}");
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null, body.ToString());
        server.AssertNoWork();
        await TheServerStillAnswersAsync();
        return Assert.Single(body.GetProperty("errors").EnumerateArray());
    }

    private async Task TheServerStillAnswersAsync()
    {
        var (status, body) = await server.PostAsync("{ authors(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("data").GetProperty("authors").GetProperty("totalCount").GetInt32() > 0);
    }

    private static string Code(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString()!;

    private static double Measured(JsonElement error) => error.GetProperty("extensions").GetProperty("measured").GetDouble();

    [Fact]
    public async Task Two_hundred_aliases_of_fifty_authors_are_refused_by_their_tokens_before_parsing()
    {
        var error = await RefusedAsync("{ " + Repeat("authors(first: 50) { totalCount }", 200, i => $"a{i}") + " }");
        Assert.Equal(GraphQLHttpErrorCodes.MaxTokensExceeded, Code(error));
        // Eleven tokens an alias (a1 : authors ( first : 50 ) { totalCount }), and the operation's braces.
        Assert.Equal(200 * 11 + 2, Measured(error));
    }

    [Fact]
    public async Task Sixteen_aliases_are_refused_by_the_alias_limit()
    {
        var error = await RefusedAsync("{ " + Repeat("authors(first: 50) { totalCount }", 16, i => $"a{i}") + " }");
        Assert.Equal(GraphQLHttpErrorCodes.MaxAliasesExceeded, Code(error));
        Assert.Equal("The operation has 16 aliases, more than the limit of 15 (GraphQLLimits:MaxAliases).", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task One_selection_repeating_name_three_thousand_times_is_refused_by_its_tokens()
    {
        var error = await RefusedAsync("{ authors(first: 1) { nodes { " + Repeat("name", 3000) + " } } }");
        Assert.Equal(GraphQLHttpErrorCodes.MaxTokensExceeded, Code(error));
        // The names, and the thirteen tokens around them.
        Assert.Equal(3000 + 13, Measured(error));
    }

    [Fact]
    public async Task A_two_megabyte_string_literal_in_a_filter_is_refused_by_the_request_size()
    {
        var error = await RefusedAsync(
            $$"""{ authors(where: { name: { contains: "{{new string('a', 2 * 1024 * 1024)}}" } }) { totalCount } }""",
            status: HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(GraphQLHttpErrorCodes.RequestTooLarge, Code(error));
    }

    [Fact]
    public async Task A_long_string_in_a_filter_under_the_request_size_is_refused_by_the_string_limit()
    {
        var literal = await RefusedAsync($$"""{ authors(where: { name: { contains: "{{new string('a', 200_000)}}" } }) { totalCount } }""");
        Assert.Equal(GraphQLHttpErrorCodes.MaxStringLengthExceeded, Code(literal));
        Assert.Equal(200_000, Measured(literal));

        var variable = await RefusedAsync("query($name: String) { authors(where: { name: { contains: $name } }) { totalCount } }",
            new { name = new string('a', 200_000) });
        Assert.Equal(GraphQLHttpErrorCodes.MaxStringLengthExceeded, Code(variable));
        Assert.Contains("'$name'", variable.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deep_nesting_is_refused_by_the_depth_limit()
    {
        var error = await RefusedAsync("""
            { authors(first: 1) { nodes { papers(first: 1) { nodes { authors { author { coauthors(first: 1) { nodes { name } } } } } } } } }
            """);
        Assert.Equal(GraphQLHttpErrorCodes.MaxDepthExceeded, Code(error));
        Assert.Equal("The operation's depth is 9, more than the limit of 6 (GraphQLLimits:MaxDepth).", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_coauthor_network_of_two_thousand_authors_with_their_papers_is_refused_by_its_cost_before_any_traversal()
    {
        var errors = (await RefusedManyAsync("""
            query($id: ID!) {
              coauthorNetwork(authorId: $id, depth: 3, maxNodes: 2000) { nodes { author { name papers(first: 50) { totalCount nodes { title } } } } }
            }
            """, new { id = ProfileQueryOnInMemoryTests.ProfileAuthorId })).ToList();
        Assert.All(errors, e => Assert.Equal(GraphQLHttpErrorCodes.MaxCostExceeded, Code(e)));
        // Field cost: 100 for the traversal, 1 for nodes, and per each of the 2,000 nodes 1 (author) + 10 (papers) + 1 (nodes).
        var fieldCost = errors.Single(e => e.GetProperty("extensions").GetProperty("setting").GetString() == "GraphQLLimits:MaxFieldCost");
        Assert.Equal(100 + 1 + 2000 * 12, Measured(fieldCost));
        Assert.DoesNotContain("coauthorNetwork", server.ResolvedFields);
    }

    [Fact]
    public async Task The_same_network_read_narrowly_runs()
    {
        server.ResetWork();
        var (status, body) = await server.PostAsync("""
            query($id: ID!) { coauthorNetwork(authorId: $id, depth: 3, maxNodes: 2000) { truncated nodes { distance } } }
            """, new { id = ProfileQueryOnInMemoryTests.ProfileAuthorId }, cost: "report");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Contains("coauthorNetwork", server.ResolvedFields);
        var cost = body.GetProperty("extensions").GetProperty("operationCost");
        Assert.Equal(101, cost.GetProperty("fieldCost").GetDouble());
        Assert.Equal(1 + 1 + 2000, cost.GetProperty("typeCost").GetDouble());
    }

    [Fact]
    public async Task A_cost_can_be_checked_without_running_anything()
    {
        server.ResetWork();
        var (status, body) = await server.PostAsync("{ authors(first: 50) { nodes { name papers(first: 50) { nodes { title } } } } }", cost: "validate");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("data", out _), body.ToString());
        // authors 10, nodes 1, and per each of 50 authors: papers 10 + nodes 1.
        Assert.Equal(10 + 1 + 50 * 11, body.GetProperty("extensions").GetProperty("operationCost").GetProperty("fieldCost").GetDouble());
        server.AssertNoWork();
    }

    private async Task<IEnumerable<JsonElement>> RefusedManyAsync(string query, object? variables)
    {
        server.ResetWork();
        var (status, body) = await server.PostAsync(query, variables);
        Assert.True(status == HttpStatusCode.BadRequest, $"{status}: {body}");
        Assert.False(body.TryGetProperty("data", out _), body.ToString());
        server.AssertNoWork();
        await TheServerStillAnswersAsync();
        return body.GetProperty("errors").EnumerateArray().ToList();
    }
}

/// <summary>With the token limit out of the way, the alias limit alone refuses the 200 aliases.</summary>
public sealed class QueryLimitBehindTokensTests(ManyTokensQueryLimitsServer server) : IClassFixture<ManyTokensQueryLimitsServer>
{
    [Fact]
    public async Task Two_hundred_aliases_are_refused_by_the_alias_limit()
    {
        server.ResetWork();
        var (status, body) = await server.PostAsync("{ " + string.Join(" ", Enumerable.Range(1, 200).Select(i => $"a{i}: authors(first: 50) {{ totalCount }}")) + " }");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(GraphQLHttpErrorCodes.MaxAliasesExceeded, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(200, error.GetProperty("extensions").GetProperty("measured").GetDouble());
        server.AssertNoWork();
    }

    [Fact]
    public async Task Three_thousand_names_in_one_selection_stay_cheap_to_refuse_or_run()
    {
        // Without the token limit the repeated field is merged by validation and costs nothing more: the token limit is the guard.
        server.ResetWork();
        var (status, _) = await server.PostAsync("{ authors(first: 1) { nodes { " + string.Join(" ", Enumerable.Repeat("name", 3000)) + " } } }");
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
