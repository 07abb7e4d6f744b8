using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Tests.Transport;
using ScholarGraph.Server.Transport;

namespace ScholarGraph.Server.Tests.Subscriptions;

/// <summary>graphql-transport-ws edge cases, spoken by a bare <see cref="System.Net.WebSockets.ClientWebSocket"/> to the real server on loopback Kestrel.</summary>
[Collection(SequentialHostsCollection.Name)]
public sealed class TransportWsProtocolTests
{
    private const string AuthorUpdated = "subscription($id: ID!) { authorUpdated(id: $id) { id name } }";
    private static readonly string DevvritId = GlobalId.Encode("Author", "devvrit-khatri");

    [Fact]
    public async Task Ping_is_answered_with_pong_before_and_after_init_and_the_server_pings_an_idle_connection()
    {
        await using var server = SubscriptionServer.Start(new() { ["GraphQLSubscriptions:KeepAliveInterval"] = "00:00:00.300" });
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
        await using var server = SubscriptionServer.Start();
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SendTextAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(GraphQLTransportWsCloseCodes.BadRequest, code);
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_before_the_ack_closes_with_4401()
    {
        await using var server = SubscriptionServer.Start();
        using var client = await TransportWsClient.ConnectAsync(server.WebSocketUrl);

        await client.SubscribeAsync("1", "{ __typename }");

        Assert.Equal((GraphQLTransportWsCloseCodes.Unauthorized, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_closes_with_4408()
    {
        await using var server = SubscriptionServer.Start(new() { ["GraphQLSubscriptions:ConnectionInitTimeout"] = "00:00:00.300" });
        using var client = await TransportWsClient.ConnectAsync(server.WebSocketUrl);

        Assert.Equal((GraphQLTransportWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var server = SubscriptionServer.Start();
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal(GraphQLTransportWsCloseCodes.TooManyInitialisationRequests, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Another_subprotocol_is_closed_with_4406()
    {
        await using var server = SubscriptionServer.Start();
        using var client = await TransportWsClient.ConnectAsync(server.WebSocketUrl, "graphql-ws");

        Assert.Equal(GraphQLTransportWsCloseCodes.SubprotocolNotAcceptable, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_running_operation_id_used_again_closes_with_4409()
    {
        await using var server = SubscriptionServer.Start();
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SubscribeAsync("same", AuthorUpdated, new { id = DevvritId });
        await server.WaitForSubscribersAsync(1);
        await client.SubscribeAsync("same", AuthorUpdated, new { id = DevvritId });

        Assert.Equal((GraphQLTransportWsCloseCodes.SubscriberAlreadyExists, "Subscriber for same already exists"), await client.ReceiveCloseAsync());
        await WaitForAsync(() => server.Hub.SubscriberCount == 0, "the closed socket's subscription to be disposed");
    }

    [Fact]
    public async Task Validation_error_is_an_error_message_and_the_connection_goes_on()
    {
        await using var server = SubscriptionServer.Start();
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SubscribeAsync("bad", "subscription { paperAdded { noSuchField } }");

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
        await using var server = SubscriptionServer.Start();
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SubscribeAsync("q", "query($id: ID!) { author(id: $id) { name } }", new { id = DevvritId });

        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("q", next.GetProperty("id").GetString());
        Assert.Equal("Devvrit Khatri", next.GetProperty("payload").GetProperty("data").GetProperty("author").GetProperty("name").GetString());
        var complete = await client.ReceiveAsync();
        Assert.Equal(("complete", "q"), (complete.GetProperty("type").GetString(), complete.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Many_subscriptions_share_a_socket_and_a_client_complete_stops_only_its_own()
    {
        await using var server = SubscriptionServer.Start();
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);
        await client.SubscribeAsync("devvrit", AuthorUpdated, new { id = DevvritId });
        await client.SubscribeAsync("nilesh", AuthorUpdated, new { id = GlobalId.Encode("Author", "nilesh-gupta") });
        await server.WaitForSubscribersAsync(2);

        await server.PublishAsync(new AuthorUpdated("nilesh-gupta"));
        var next = await client.ReceiveAsync();
        Assert.Equal(("next", "nilesh"), (next.GetProperty("type").GetString(), next.GetProperty("id").GetString()));
        Assert.Equal("Nilesh Gupta", next.GetProperty("payload").GetProperty("data").GetProperty("authorUpdated").GetProperty("name").GetString());

        await client.SendAsync(new { id = "nilesh", type = "complete" });
        await WaitForAsync(() => server.Hub.SubscriberCount == 1, "the completed subscription to leave the hub");
        await server.PublishAsync(new AuthorUpdated("nilesh-gupta"), new AuthorUpdated("devvrit-khatri"));

        next = await client.ReceiveAsync();
        Assert.Equal(("next", "devvrit"), (next.GetProperty("type").GetString(), next.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_socket_that_dies_disposes_its_subscriptions()
    {
        await using var server = SubscriptionServer.Start();
        var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);
        await client.SubscribeAsync("1", AuthorUpdated, new { id = DevvritId });
        await client.SubscribeAsync("2", "subscription { paperAdded { id } }");
        await server.WaitForSubscribersAsync(2);

        client.Socket.Abort();
        client.Dispose();

        await WaitForAsync(() => server.Hub.SubscriberCount == 0, "the dead socket's subscriptions to be disposed");
        await server.PublishAsync(new AuthorUpdated("devvrit-khatri"));
    }

    [Fact]
    public async Task Connection_init_payload_reaches_the_authorizer_which_may_refuse_with_4403()
    {
        await using var server = SubscriptionServer.Start(configureServices: services =>
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

    [Fact]
    public async Task Coauthorship_events_name_the_subscribed_author_first_whichever_order_the_write_used()
    {
        await using var server = SubscriptionServer.Start();
        await server.AddPaperAsync("shared", "Shared paper", ["devvrit-khatri", "nilesh-gupta"], []);
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);
        await client.SubscribeAsync("c", "subscription($id: ID!) { coauthorshipAdded(authorId: $id) { author { name } coauthor { name } paper { title } } }",
            new { id = GlobalId.Encode("Author", "nilesh-gupta") });
        await server.WaitForSubscribersAsync(1);

        await server.PublishAsync(new CoauthorshipAdded("devvrit-khatri", "ankit-s-rawat", "shared"), new CoauthorshipAdded("devvrit-khatri", "nilesh-gupta", "shared"));

        var payload = (await client.ReceiveAsync()).GetProperty("payload");
        Assert.False(payload.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        var added = payload.GetProperty("data").GetProperty("coauthorshipAdded");
        Assert.Equal("Nilesh Gupta", added.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Devvrit Khatri", added.GetProperty("coauthor").GetProperty("name").GetString());
        Assert.Equal("Shared paper", added.GetProperty("paper").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_bad_id_argument_ends_the_subscription_with_a_coded_error()
    {
        await using var server = SubscriptionServer.Start();
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SubscribeAsync("x", "subscription { authorUpdated(id: \"UGFwZXI6eA==\") { name } }");

        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        var error = next.GetProperty("payload").GetProperty("errors")[0];
        Assert.Equal("INVALID_ID", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("argument 'id': 'UGFwZXI6eA==' is the id of a Paper, not of an Author", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Waited 10 s for {what}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Allows a connection whose payload carries the right token, as engineer F's real authorizer will check a key or JWT.</summary>
    private sealed class TokenAuthorizer : IConnectionAuthorizer
    {
        public const string Token = "let-me-in";

        public ValueTask<ConnectionAuthorization> AuthorizeAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken) =>
            ValueTask.FromResult(payload is not null && payload.TryGetValue("token", out var token) && Equals(token, Token)
                ? ConnectionAuthorization.Allow(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "tester")], "test")))
                : ConnectionAuthorization.Refuse("bad token"));
    }
}
