using System.Net;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Limits;

/// <summary>
/// Depth, aliases, directives and tokens, at, just under and just over their defaults (6, 15, 50, 1,000): an operation over a
/// limit gets one validation error naming the setting, its value and the measured value, answers 400 and runs nothing.
/// </summary>
public sealed class QueryShapeLimitTests(DefaultLimitsHost fixture) : IClassFixture<DefaultLimitsHost>
{
    private TransportTestHost Host => fixture.Host;

    private static string Nested(int depth) =>
        "{ nested { " + string.Concat(Enumerable.Repeat("child { ", depth - 2)) + "level" + new string('}', depth - 1) + " }";

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public async Task An_operation_within_the_depth_limit_runs(int depth)
    {
        var (status, body) = await Host.PostAsync(Nested(depth));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(depth - 1, Level(body.GetProperty("data").GetProperty("nested")));
    }

    [Fact]
    public async Task An_operation_over_the_depth_limit_is_refused_naming_the_limit_and_its_depth()
    {
        Host.Work.Reset();
        var (status, body) = await Host.PostAsync(Nested(9));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.SingleRefusal();
        error.AssertNames(GraphQLHttpErrorCodes.MaxDepthExceeded, "GraphQLLimits:MaxDepth", 6, 9);
        Assert.Equal("The operation's depth is 9, more than the limit of 6 (GraphQLLimits:MaxDepth).", error.GetProperty("message").GetString());
        Assert.Empty(Host.Work.Started);
    }

    [Fact]
    public async Task Fragments_are_followed_and_inline_fragments_add_no_depth()
    {
        const string throughSpreads = """
            { nested { ...A } }
            fragment A on Nested { child { ...B } }
            fragment B on Nested { child { child { child { child { level } } } } }
            """;
        var refused = (await Host.PostAsync(throughSpreads)).Body.SingleRefusal();
        refused.AssertNames(GraphQLHttpErrorCodes.MaxDepthExceeded, "GraphQLLimits:MaxDepth", 6, 7);

        const string inline = "{ nested { ... on Nested { child { ... on Nested { child { child { child { level } } } } } } } }";
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(inline)).Status);
    }

    [Fact]
    public async Task Circular_fragments_get_GraphQL_NET_s_error_and_the_measure_ends()
    {
        const string circular = """
            { nested { ...A } }
            fragment A on Nested { child { ...B } }
            fragment B on Nested { child { ...A } }
            """;
        var measure = Host.PostAsync(circular);
        Assert.Same(measure, await Task.WhenAny(measure, Task.Delay(TimeSpan.FromSeconds(10))));
        var (status, body) = await measure;

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.Code() == "NO_FRAGMENT_CYCLES");
    }

    [Fact]
    public async Task The_IDE_s_introspection_query_passes_because_introspection_depth_is_not_counted()
    {
        var (status, body) = await Host.PostAsync(IntrospectionQueries.Full);

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        Assert.Contains(body.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray(), t => t.GetProperty("name").GetString() == "Nested");
        var typeQuery = "{ __type(name: \"Book\") { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } }";
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(typeQuery)).Status);
    }

    private static string Aliased(int aliases) => "{ " + string.Join(" ", Enumerable.Range(1, aliases).Select(i => $"a{i}: hello")) + " }";

    [Theory]
    [InlineData(14)]
    [InlineData(15)]
    public async Task An_operation_within_the_alias_limit_runs(int aliases)
    {
        var (status, body) = await Host.PostAsync(Aliased(aliases));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(aliases, body.GetProperty("data").EnumerateObject().Count());
    }

    [Fact]
    public async Task An_operation_over_the_alias_limit_is_refused_and_a_fragment_s_aliases_count_at_every_spread()
    {
        Host.Work.Reset();
        var over = (await Host.PostAsync(Aliased(16))).Body.SingleRefusal();
        over.AssertNames(GraphQLHttpErrorCodes.MaxAliasesExceeded, "GraphQLLimits:MaxAliases", 15, 16);

        // 4 aliases in a fragment spread under 4 aliased fields: 4 + 4 × 4.
        const string spread = """
            { b1: books { ...F } b2: books { ...F } b3: books { ...F } b4: books { ...F } }
            fragment F on Book { t1: title t2: title t3: title t4: title }
            """;
        (await Host.PostAsync(spread)).Body.SingleRefusal().AssertNames(GraphQLHttpErrorCodes.MaxAliasesExceeded, "GraphQLLimits:MaxAliases", 15, 20);
        Assert.Empty(Host.Work.Started);
    }

    private static string Directed(int directives) =>
        "{ " + string.Concat(Enumerable.Repeat("hello @include(if: true) ", directives)) + "}";

    [Theory]
    [InlineData(49)]
    [InlineData(50)]
    public async Task An_operation_within_the_directive_limit_runs(int directives) =>
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(Directed(directives))).Status);

    [Fact]
    public async Task An_operation_over_the_directive_limit_is_refused()
    {
        (await Host.PostAsync(Directed(51))).Body.SingleRefusal()
            .AssertNames(GraphQLHttpErrorCodes.MaxDirectivesExceeded, "GraphQLLimits:MaxDirectives", 50, 51);
        // On the operation and on a variable too.
        var onOperation = "query Q($x: Boolean = true @deprecated) @skip(if: false) " + Directed(49)[..^1] + " hello @include(if: $x) }";
        (await Host.PostAsync(onOperation)).Body.GetProperty("errors").EnumerateArray()
            .Single(e => e.Code() == GraphQLHttpErrorCodes.MaxDirectivesExceeded)
            .AssertNames(GraphQLHttpErrorCodes.MaxDirectivesExceeded, "GraphQLLimits:MaxDirectives", 50, 52);
    }

    // "{", then n - 2 field names, then "}": n tokens.
    private static string Tokens(int tokens) => "{" + string.Concat(Enumerable.Repeat(" hello", tokens - 2)) + " }";

    [Theory]
    [InlineData(999)]
    [InlineData(1000)]
    public async Task A_document_within_the_token_limit_runs(int tokens) =>
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(Tokens(tokens) + " # comments are not tokens " + new string('x', 2000))).Status);

    [Fact]
    public async Task A_document_over_the_token_limit_is_refused_by_the_lexer_before_it_is_parsed()
    {
        Host.Work.Reset();
        var (status, body) = await Host.PostAsync(Tokens(1001));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        body.SingleRefusal().AssertNames(GraphQLHttpErrorCodes.MaxTokensExceeded, "GraphQLLimits:MaxTokens", 1000, 1001);

        // Unbalanced after the three-thousandth field: the parser would say so, but the lexer's count comes first.
        var (_, unparsable) = await Host.PostAsync("{ nested { " + string.Concat(Enumerable.Repeat("level ", 3000)) + "} } } }");
        var error = unparsable.SingleRefusal();
        error.AssertNames(GraphQLHttpErrorCodes.MaxTokensExceeded, "GraphQLLimits:MaxTokens", 1000, 3007);
        Assert.False(error.TryGetProperty("locations", out _), "Nothing was parsed, so nothing has a location.");
        Assert.Empty(Host.Work.Started);
    }

    private static int Level(JsonElement nested) =>
        nested.TryGetProperty("child", out var child) ? Level(child) : nested.GetProperty("level").GetInt32();
}
