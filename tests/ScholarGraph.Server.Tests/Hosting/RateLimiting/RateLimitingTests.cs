using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using ScholarGraph.Server.Hosting.RateLimiting;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Hosting.RateLimiting;

/// <summary>The GraphQL endpoint is limited per client (an API key's holder, else the address); health endpoints are not.</summary>
public sealed class RateLimitingTests(RateLimitingTests.LimitedHost host) : IClassFixture<RateLimitingTests.LimitedHost>
{
    private const int Limit = 3;

    /// <summary>The write host's keys and a budget of <see cref="Limit"/> requests a minute.</summary>
    public sealed class LimitedHost() : WriteTestHostWith(new()
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:Window"] = "00:01:00",
    });

    // Each test spends budgets of its own addresses, so the tests of this class never share one.
    private static IPAddress NewAddress() => new(Guid.NewGuid().ToByteArray()[..4]);

    private sealed record Answer(int Status, string? RetryAfter, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    private async Task<Answer> SendAsync(IPAddress address, string? apiKey = null, string method = "POST", string path = "/graphql", string accept = "application/json")
    {
        var context = await host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = address;
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.Headers.Accept = accept;
            if (apiKey is not null)
                c.Request.Headers["X-Api-Key"] = apiKey;
            if (method == "POST")
            {
                var body = Encoding.UTF8.GetBytes("""{"query":"{ authors(first: 1) { totalCount } }"}""");
                c.Request.ContentType = "application/json";
                c.Request.ContentLength = body.Length;
                c.Request.Body = new MemoryStream(body);
            }
        });
        return new Answer(context.Response.StatusCode, context.Response.Headers.RetryAfter.FirstOrDefault(),
            await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    private async Task SpendAsync(IPAddress address, string? apiKey = null)
    {
        for (var i = 0; i < Limit; i++)
        {
            var answer = await SendAsync(address, apiKey);
            Assert.True(answer.Status == StatusCodes.Status200OK, $"request {i + 1} of {Limit}: {answer.Status} {answer.Body}");
        }
    }

    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_Retry_After_and_a_GraphQL_error_it_can_read()
    {
        var address = NewAddress();
        await SpendAsync(address);

        var refused = await SendAsync(address);

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Status);
        Assert.True(int.TryParse(refused.RetryAfter, out var seconds), $"Retry-After: '{refused.RetryAfter}'");
        Assert.InRange(seconds, 1, 60);
        var error = Assert.Single(refused.Json.GetProperty("errors").EnumerateArray());
        Assert.Equal(RateLimitingExtensions.RateLimitedCode, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains($"{Limit} per 60 s", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(refused.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Anonymous_clients_at_other_addresses_keep_budgets_of_their_own()
    {
        var spent = NewAddress();
        await SpendAsync(spent);

        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(spent)).Status);
        Assert.Equal(StatusCodes.Status200OK, (await SendAsync(NewAddress())).Status);
    }

    [Fact]
    public async Task Two_api_keys_do_not_share_a_budget_even_from_one_address_nor_with_the_address()
    {
        var address = NewAddress();
        await SpendAsync(address, WriteTestHost.WriteKey);

        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(address, WriteTestHost.WriteKey)).Status);
        Assert.Equal(StatusCodes.Status200OK, (await SendAsync(address, WriteTestHost.ReadKey)).Status);
        Assert.Equal(StatusCodes.Status200OK, (await SendAsync(address)).Status);
        // The key's budget follows its holder to another address.
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(NewAddress(), WriteTestHost.WriteKey)).Status);
    }

    [Fact]
    public async Task An_unknown_key_spends_the_addresss_budget_so_inventing_keys_buys_nothing()
    {
        var address = NewAddress();
        await SpendAsync(address);

        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(address, "invented-key-1")).Status);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(address, "invented-key-2")).Status);
    }

    [Fact]
    public async Task Health_endpoints_are_not_limited_nor_count_against_the_budget()
    {
        var address = NewAddress();
        for (var i = 0; i < Limit * 3; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await SendAsync(address, method: "GET", path: "/health/live")).Status);
            Assert.Equal(StatusCodes.Status200OK, (await SendAsync(address, method: "GET", path: "/health/ready")).Status);
        }
        await SpendAsync(address);

        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(address)).Status);
        Assert.Equal(StatusCodes.Status200OK, (await SendAsync(address, method: "GET", path: "/health/ready")).Status);
    }

    [Fact]
    public async Task Server_sent_events_and_WebSocket_upgrades_spend_the_same_budget()
    {
        var address = NewAddress();
        await SpendAsync(address);

        var stream = await SendAsync(address, accept: "text/event-stream");
        Assert.Equal(StatusCodes.Status429TooManyRequests, stream.Status);

        var sockets = host.Server.CreateWebSocketClient();
        sockets.SubProtocols.Add("graphql-transport-ws");
        sockets.ConfigureRequest = request => request.HttpContext.Connection.RemoteIpAddress = address;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => sockets.ConnectAsync(new Uri(host.Server.BaseAddress, "graphql"), CancellationToken.None));
        Assert.Contains("429", refused.Message, StringComparison.Ordinal);

        var other = host.Server.CreateWebSocketClient();
        other.SubProtocols.Add("graphql-transport-ws");
        other.ConfigureRequest = request => request.HttpContext.Connection.RemoteIpAddress = NewAddress();
        using var accepted = await other.ConnectAsync(new Uri(host.Server.BaseAddress, "graphql"), CancellationToken.None);
        Assert.Equal("graphql-transport-ws", accepted.SubProtocol);
    }
}

/// <summary>With <c>RateLimiting:Enabled</c> off, nothing is limited.</summary>
public sealed class RateLimitingSwitchTests
{
    [Fact]
    public async Task Switched_off_a_client_may_send_past_the_limit()
    {
        await using var host = new WriteTestHostWith(new() { ["RateLimiting:Enabled"] = "false", ["RateLimiting:PermitLimit"] = "1" });
        for (var i = 0; i < 4; i++)
            Assert.False((await host.PostAsync("{ authors(first: 1) { totalCount } }", authorization: null)).TryGetProperty("errors", out _));
    }
}
