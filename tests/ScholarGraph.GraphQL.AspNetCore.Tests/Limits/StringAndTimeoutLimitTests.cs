using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Limits;

/// <summary>The longest string (10,000 characters by default), in the document and in the variables.</summary>
public sealed class StringLengthLimitTests(DefaultLimitsHost fixture) : IClassFixture<DefaultLimitsHost>
{
    private TransportTestHost Host => fixture.Host;

    [Theory]
    [InlineData(9_999)]
    [InlineData(10_000)]
    public async Task Strings_within_the_limit_are_accepted_as_literals_and_variables(int length)
    {
        var text = new string('x', length);
        var (status, body) = await Host.PostAsync($"{{ echo(text: \"{text}\") }}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(length, body.GetProperty("data").GetProperty("echo").GetString()!.Length);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync("query($t: String!) { echo(text: $t) }", new { t = text })).Status);
    }

    [Fact]
    public async Task A_literal_over_the_limit_is_refused_with_its_location()
    {
        var (status, body) = await Host.PostAsync($"{{ echo(text: \"{new string('x', 10_001)}\") }}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.SingleRefusal();
        error.AssertNames(GraphQLHttpErrorCodes.MaxStringLengthExceeded, "GraphQLLimits:MaxStringLength", 10_000, 10_001);
        Assert.Equal(14, error.GetProperty("locations")[0].GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task A_variable_value_over_the_limit_is_refused_naming_where_it_is()
    {
        // A key that looks like a format item is named as it is.
        var other = new Dictionary<string, object> { ["{0}"] = new[] { "a", new string('y', 12_345) } };
        var (_, body) = await Host.PostAsync("query($t: String!) { echo(text: $t) }", new { t = "short", other });
        var error = body.SingleRefusal();
        error.AssertNames(GraphQLHttpErrorCodes.MaxStringLengthExceeded, "GraphQLLimits:MaxStringLength", 10_000, 12_345);
        Assert.Equal("The variable value at '$other.{0}[1]' is 12,345 characters long, more than the limit of 10,000 (GraphQLLimits:MaxStringLength).",
            error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_two_megabyte_string_is_refused_by_the_request_size_before_anything_is_read()
    {
        var (status, body) = await Host.PostAsync($"{{ echo(text: \"{new string('x', 2_000_000)}\") }}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(GraphQLHttpErrorCodes.RequestTooLarge, body.SingleRefusal().Code());
    }
}

/// <summary>GraphQLLimits:ExecutionTimeout cancels the execution's token and answers with its own error.</summary>
public sealed class ExecutionTimeoutTests : IAsyncLifetime
{
    private TransportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportTestHost.StartAsync(
        settings: new Dictionary<string, string?> { ["GraphQLLimits:ExecutionTimeout"] = "00:00:00.300" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.GatewayTimeout)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task An_operation_running_too_long_is_cancelled_and_gets_EXECUTION_TIMEOUT(string accept, HttpStatusCode expected)
    {
        var cancelledBefore = _host.Work.Cancelled;
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ slow }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        var started = DateTime.UtcNow;
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(20));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.SingleRefusal();
        Assert.Equal(GraphQLHttpErrorCodes.ExecutionTimeout, error.Code());
        Assert.Equal("The operation ran longer than the limit of 00:00:00.3000000 (GraphQLLimits:ExecutionTimeout) and was stopped.", error.GetProperty("message").GetString());
        Assert.Equal("GraphQLLimits:ExecutionTimeout", error.GetProperty("extensions").GetProperty("setting").GetString());
        Assert.Equal(cancelledBefore + 1, _host.Work.Cancelled);
    }

    [Fact]
    public async Task A_quick_operation_is_not_affected() =>
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync("{ books(limit: 2) { title } }")).Status);
}
