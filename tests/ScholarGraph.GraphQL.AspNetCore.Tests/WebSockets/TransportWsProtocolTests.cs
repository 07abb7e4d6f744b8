using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.AspNetCore.Streaming;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;
using ScholarGraph.GraphQL.AspNetCore.WebSockets;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.WebSockets;

/// <summary>graphql-transport-ws edge cases, spoken by a bare <see cref="System.Net.WebSockets.ClientWebSocket"/> to the test schema on loopback Kestrel.</summary>
public sealed class TransportWsProtocolTests
{
    private const string Messages = "subscription($channel: String!) { messages(channel: $channel) }";

    [Fact]
    public async Task Ping_is_answered_with_pong_before_and_after_init_and_the_server_pings_an_idle_connection()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true, settings: new Dictionary<string, string?> { ["GraphQLSubscriptions:KeepAliveInterval"] = "00:00:00.300" });
        using var client = await TransportWsClient.ConnectAsync(server.WebSocketUrl);

        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());
        await client.SendAsync(new { type = "pong" });
        Assert.Equal("ping", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"type":"bogus"}""", "type 'bogus'")]
    [InlineData("""{"id":"1"}""", "no 'type' string")]
    [InlineData("""{"type":"subscribe","id":7,"payload":{"query":"{ __typename }"}}""", "non-empty string 'id'")]
    [InlineData("""{"type":"subscribe","id":"1"}""", "'payload' object")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":42}}""", "'query' parameter must be a string")]
    [InlineData("""{"type":"complete"}""", "complete needs a non-empty string 'id'")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""", "type 'next'")]
    public async Task Malformed_message_closes_the_socket_with_4400(string message, string reasonPart)
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SendTextAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(GraphQLTransportWsCloseCodes.BadRequest, code);
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_before_the_ack_closes_with_4401()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAsync(server.WebSocketUrl);

        await client.SubscribeAsync("1", "{ __typename }");

        Assert.Equal((GraphQLTransportWsCloseCodes.Unauthorized, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_closes_with_4408()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true, settings: new Dictionary<string, string?> { ["GraphQLSubscriptions:ConnectionInitTimeout"] = "00:00:00.300" });
        using var client = await TransportWsClient.ConnectAsync(server.WebSocketUrl);

        Assert.Equal((GraphQLTransportWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal(GraphQLTransportWsCloseCodes.TooManyInitialisationRequests, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Another_subprotocol_is_closed_with_4406()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAsync(server.WebSocketUrl, "graphql-ws");

        Assert.Equal(GraphQLTransportWsCloseCodes.SubprotocolNotAcceptable, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_running_operation_id_used_again_closes_with_4409()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SubscribeAsync("same", Messages, new { channel = "a" });
        await server.Messages.WaitForSubscribersAsync(1);
        await client.SubscribeAsync("same", Messages, new { channel = "a" });

        Assert.Equal((GraphQLTransportWsCloseCodes.SubscriberAlreadyExists, "Subscriber for same already exists"), await client.ReceiveCloseAsync());
        await server.Messages.WaitForAtMostAsync(0);
    }

    [Fact]
    public async Task Validation_error_is_an_error_message_and_the_connection_goes_on()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SubscribeAsync("bad", "subscription { noSuchField }");

        var error = await client.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
        var first = error.GetProperty("payload")[0];
        Assert.Contains("noSuchField", first.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", first.GetProperty("extensions").GetProperty("code").GetString());

        // No `complete` follows an `error`: the next message is the answer to this ping.
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_query_runs_over_the_socket_as_one_next_then_complete()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SubscribeAsync("q", "query($text: String!) { echo(text: $text) }", new { text = "over the socket" });

        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("q", next.GetProperty("id").GetString());
        Assert.Equal("over the socket", next.GetProperty("payload").GetProperty("data").GetProperty("echo").GetString());
        var complete = await client.ReceiveAsync();
        Assert.Equal(("complete", "q"), (complete.GetProperty("type").GetString(), complete.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Many_subscriptions_share_a_socket_and_a_client_complete_stops_only_its_own()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);
        await client.SubscribeAsync("a", Messages, new { channel = "a" });
        await client.SubscribeAsync("b", Messages, new { channel = "b" });
        await server.Messages.WaitForSubscribersAsync(2);

        server.Messages.Publish("b", "to b");
        var next = await client.ReceiveAsync();
        Assert.Equal(("next", "b"), (next.GetProperty("type").GetString(), next.GetProperty("id").GetString()));
        Assert.Equal("to b", next.GetProperty("payload").GetProperty("data").GetProperty("messages").GetString());

        await client.SendAsync(new { id = "b", type = "complete" });
        await server.Messages.WaitForAtMostAsync(1);
        server.Messages.Publish("b", "to b again");
        server.Messages.Publish("a", "to a");

        next = await client.ReceiveAsync();
        Assert.Equal(("next", "a"), (next.GetProperty("type").GetString(), next.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_socket_that_dies_disposes_its_subscriptions()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);
        await client.SubscribeAsync("1", Messages, new { channel = "a" });
        await client.SubscribeAsync("2", Messages, new { channel = "b" });
        await server.Messages.WaitForSubscribersAsync(2);

        client.Socket.Abort();
        client.Dispose();

        await server.Messages.WaitForAtMostAsync(0);
        server.Messages.Publish("a", "to nobody");
    }

    [Fact]
    public async Task Connection_init_payload_reaches_the_authorizer_which_may_refuse_with_4403()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true, configureServices: services =>
            services.AddSingleton<IConnectionAuthorizer, TokenAuthorizer>());

        using (var refused = await TransportWsClient.ConnectAsync(server.WebSocketUrl))
        {
            await refused.SendAsync(new { type = "connection_init", payload = new { token = "wrong" } });
            Assert.Equal((GraphQLTransportWsCloseCodes.Forbidden, "Forbidden: bad token"), await refused.ReceiveCloseAsync());
        }

        using var allowed = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl, new { token = TokenAuthorizer.Token });
        await allowed.SubscribeAsync("q", "{ __typename }");
        Assert.Equal("next", (await allowed.ReceiveAsync()).GetProperty("type").GetString());
    }

    /// <summary>Allows a connection whose payload carries the right token, as a real authorizer would check a key or a token.</summary>
    private sealed class TokenAuthorizer : IConnectionAuthorizer
    {
        public const string Token = "let-me-in";

        public ValueTask<ConnectionAuthorization> AuthorizeAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken) =>
            ValueTask.FromResult(payload is not null && payload.TryGetValue("token", out var token) && Equals(token, Token)
                ? ConnectionAuthorization.Allow(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "tester")], "test")))
                : ConnectionAuthorization.Refuse("bad token"));
    }
}
