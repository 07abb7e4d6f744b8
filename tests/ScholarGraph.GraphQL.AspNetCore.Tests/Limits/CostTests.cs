using System.Net;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Limits;

/// <summary>
/// The cost arithmetic (Hot Chocolate's reading of the IBM cost directives), read back through <c>GraphQL-Cost: report</c>:
/// a field weighs its <c>@cost</c> (else 1 for an object or list, 0 for a scalar), a list multiplies what is selected in it by
/// its size (a slicing argument's literal, variable or default value, else the directive's default or assumed size), and the
/// type cost counts the objects built, the root included.
/// </summary>
public sealed class CostTests(DefaultLimitsHost fixture) : IClassFixture<DefaultLimitsHost>
{
    private TransportTestHost Host => fixture.Host;

    [Theory]
    // books weighs 10; author 1 per book; the 3 books and their authors are 6 objects, and the root 1.
    [InlineData("{ books(limit: 3) { title author { name } } }", 13, 7)]
    // Without its slicing argument the list has the directive's default size, 5.
    [InlineData("{ books { title } }", 10, 6)]
    // Nested lists multiply: 4 books × (related 1 + 2 × author 1).
    [InlineData("{ books(limit: 4) { related(first: 2) { author { name } } } }", 22, 21)]
    // A slicing argument's default value (related's first = 3) sizes its list when the operation gives none.
    [InlineData("{ books(limit: 1) { related { title } } }", 11, 5)]
    // sizedFields: shelf's first sizes its books list (10 by default); total is a scalar.
    [InlineData("{ shelf(first: 20) { total books { title } } }", 11, 22)]
    [InlineData("{ shelf { books { author { name } } } }", 21, 22)]
    [InlineData("{ shelf(last: 30) { books { title } } }", 11, 32)]
    // Two selections under one name are merged, as execution merges them: the second's author is counted.
    [InlineData("{ books(limit: 2) { title } books(limit: 2) { author { name } } }", 12, 5)]
    // A union costs its most expensive member (Book: related 1, 3 books; Author: 0), times the 4 assumed results, plus search's 1.
    [InlineData("{ search { ... on Book { related { title } } ... on Author { name } } }", 5, 17)]
    // Scalars and __typename cost nothing.
    [InlineData("{ hello __typename }", 0, 1)]
    public async Task The_reported_cost_follows_the_directives(string query, double fieldCost, double typeCost)
    {
        var (status, body) = await Host.PostAsync(query, cost: "report");

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.True(body.TryGetProperty("data", out _), "report executes the operation");
        Assert.Equal((fieldCost, typeCost), body.OperationCost());
    }

    [Fact]
    public async Task A_variable_slicing_argument_is_read_per_request_also_from_a_cached_document()
    {
        const string query = "query($n: Int) { books(limit: $n) { author { name } } }";
        Assert.Equal((17, 15), (await Host.PostAsync(query, new { n = 7 }, cost: "report")).Body.OperationCost());
        // The same text again is served from the document cache; the cost still follows the new value.
        Assert.Equal((12, 5), (await Host.PostAsync(query, new { n = 2 }, cost: "report")).Body.OperationCost());
        // A variable given null falls back to the directive's default size.
        Assert.Equal((15, 11), (await Host.PostAsync(query, new { n = (int?)null }, cost: "report")).Body.OperationCost());
    }

    [Fact]
    public async Task A_variable_slicing_argument_deep_in_a_cached_document_is_read_per_request()
    {
        // The cost of a document whose slicing arguments are literals is kept; one nested slicing variable keeps it from being kept.
        const string query = "query($n: Int) { books(limit: 3) { related(first: $n) { title } } }";
        Assert.Equal((13, 7), (await Host.PostAsync(query, new { n = 1 }, cost: "report")).Body.OperationCost());
        Assert.Equal((13, 13), (await Host.PostAsync(query, new { n = 3 }, cost: "report")).Body.OperationCost());
        Assert.Equal((13, 7), (await Host.PostAsync(query, new { n = 1 }, cost: "report")).Body.OperationCost());
    }

    [Fact]
    public async Task A_documents_kept_cost_is_reported_on_every_request_of_it()
    {
        const string query = "{ books(limit: 4) { related(first: 2) { author { name } } } }";
        for (var request = 0; request < 3; request++)
            Assert.Equal((22, 21), (await Host.PostAsync(query, cost: "report")).Body.OperationCost());
    }

    [Fact]
    public async Task Validate_reports_the_cost_without_executing()
    {
        Host.Work.Reset();
        var (status, body) = await Host.PostAsync("{ books(limit: 3) { title author { name } } }", cost: "validate");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((13, 7), body.OperationCost());
        Assert.False(body.TryGetProperty("data", out _), body.ToString());
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        Assert.Empty(Host.Work.Started);
    }

    [Fact]
    public async Task Validate_still_reports_the_errors_of_an_invalid_operation()
    {
        var (status, body) = await Host.PostAsync("{ books(limit: 3) { nope } }", cost: "validate");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", body.SingleRefusal().Code());
    }

    [Fact]
    public async Task Without_the_header_no_cost_is_reported()
    {
        var (_, body) = await Host.PostAsync("{ books(limit: 3) { title } }");
        Assert.False(body.TryGetProperty("extensions", out _), body.ToString());
        var (_, other) = await Host.PostAsync("{ books(limit: 3) { title } }", cost: "something-else");
        Assert.False(other.TryGetProperty("extensions", out _), other.ToString());
    }

    [Theory]
    [InlineData("{ pick { title } }", 0)]
    [InlineData("{ pick(first: 1, last: 1) { title } }", 2)]
    [InlineData("query($f: Int) { pick(first: $f) { title } }", 0)]
    public async Task A_field_requiring_one_slicing_argument_is_refused_with_none_or_several(string query, int given)
    {
        Host.Work.Reset();
        var error = (await Host.PostAsync(query, new { f = (int?)null })).Body.SingleRefusal();
        Assert.Equal(GraphQLHttpErrorCodes.CostSlicingArgumentRequired, error.Code());
        Assert.Equal($"The field 'Query.pick' needs exactly one of its slicing arguments (first, last) for its cost to be known; it got {given}.",
            error.GetProperty("message").GetString());
        Assert.Empty(Host.Work.Started);
    }

    [Fact]
    public async Task A_field_requiring_one_slicing_argument_runs_with_one() =>
        Assert.Equal(2, (await Host.PostAsync("{ pick(last: 2) { title } }")).Body.GetProperty("data").GetProperty("pick").GetArrayLength());

    [Fact]
    public async Task The_directives_are_declared_and_printed_on_the_fields_they_annotate()
    {
        using var client = Host.CreateClient();
        var sdl = await client.GetStringAsync("/graphql?sdl");
        Assert.Contains("directive @cost(", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @listSize(", sdl, StringComparison.Ordinal);
        Assert.Contains("requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION", sdl, StringComparison.Ordinal);
        Assert.Contains("books(limit: Int): [Book!]! @cost(weight: \"10\") @listSize(slicingArguments: [\"limit\"], slicingArgumentDefaultValue: 5, requireOneSlicingArgument: false)",
            sdl, StringComparison.Ordinal);
    }
}

/// <summary>The cost limits at, just under and just over configured values, with the measure reported beside the refusal.</summary>
public sealed class CostLimitTests : IAsyncLifetime
{
    private TransportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["GraphQLLimits:MaxFieldCost"] = "100",
        ["GraphQLLimits:MaxTypeCost"] = "201",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // Field cost 10 + n, type cost 2n + 1.
    private const string Books = "query($n: Int) { books(limit: $n) { author { name } } }";

    [Theory]
    [InlineData(89)]
    [InlineData(90)]
    public async Task An_operation_within_the_cost_limits_runs(int books)
    {
        var (status, body) = await _host.PostAsync(Books, new { n = books });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal(books, body.GetProperty("data").GetProperty("books").GetArrayLength());
    }

    [Fact]
    public async Task An_operation_over_the_field_cost_limit_is_refused_and_does_no_work()
    {
        _host.Work.Reset();
        var (status, body) = await _host.PostAsync(Books, new { n = 91 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.SingleRefusal();
        error.AssertNames(GraphQLHttpErrorCodes.MaxCostExceeded, "GraphQLLimits:MaxFieldCost", 100, 101);
        Assert.Equal("The operation's field cost is 101, more than the limit of 100 (GraphQLLimits:MaxFieldCost).", error.GetProperty("message").GetString());
        Assert.Empty(_host.Work.Started);
    }

    [Fact]
    public async Task An_operation_over_the_type_cost_limit_is_refused()
    {
        // 100 books: type cost 201 at the limit; 101 books: 203, and field cost 111 over its limit too.
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.PostAsync("{ shelf(first: 100) { books { author { name } } } }")).Status);
        var (_, body) = await _host.PostAsync("{ shelf(first: 100) { books { title } } }", cost: "report");
        Assert.Equal((11, 102), body.OperationCost());
        var errors = (await _host.PostAsync(Books, new { n = 101 })).Body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        errors.Single(e => e.GetProperty("extensions").GetProperty("setting").GetString() == "GraphQLLimits:MaxTypeCost")
            .AssertNames(GraphQLHttpErrorCodes.MaxCostExceeded, "GraphQLLimits:MaxTypeCost", 201, 203);
    }

    [Fact]
    public async Task A_refusal_asked_for_a_report_carries_the_measure_too()
    {
        var (_, body) = await _host.PostAsync(Books, new { n = 95 }, cost: "report");
        Assert.Equal(GraphQLHttpErrorCodes.MaxCostExceeded, body.SingleRefusal().Code());
        Assert.Equal((105, 191), body.OperationCost());
    }

    [Fact]
    public async Task A_cached_document_is_held_to_the_limit_with_each_request_s_variables()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(Books, new { n = 1 })).Status);
        _host.Work.Reset();
        var (status, body) = await _host.PostAsync(Books, new { n = 500 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.All(body.GetProperty("errors").EnumerateArray(), e => Assert.Equal(GraphQLHttpErrorCodes.MaxCostExceeded, e.Code()));
        Assert.Empty(_host.Work.Started);
    }
}
