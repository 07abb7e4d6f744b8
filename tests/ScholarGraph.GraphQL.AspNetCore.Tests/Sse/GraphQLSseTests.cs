using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Streaming;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;
using ScholarGraph.GraphQL.AspNetCore.Tests.WebSockets;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Sse;

/// <summary>GraphQL over SSE (distinct connections mode), read as a raw event stream from the test schema on loopback Kestrel.</summary>
public sealed class GraphQLSseTests
{
    [Fact]
    public async Task Subscription_streams_next_events_until_the_client_closes_it()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var response = await http.SendAsync(EventStreamPost(server,
            "subscription($channel: String!) { messages(channel: $channel) }", new { channel = "a" }),
            HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        await server.Messages.WaitForSubscribersAsync(1);

        server.Messages.Publish("b", "not for this stream");
        server.Messages.Publish("a", "first");
        server.Messages.Publish("a", "second");

        foreach (var expected in new[] { "first", "second" })
        {
            var (name, data) = await ReadEventAsync(events);
            Assert.Equal("next", name);
            Assert.Equal(expected, JsonDocument.Parse(data).RootElement.GetProperty("data").GetProperty("messages").GetString());
        }

        response.Dispose();
        await server.Messages.WaitForAtMostAsync(0);
    }

    [Fact]
    public async Task Query_is_one_next_then_complete_and_validation_errors_travel_as_next()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var http = new HttpClient();

        using var query = await http.SendAsync(EventStreamPost(server, "{ hello }"));
        Assert.Equal("text/event-stream", query.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", query.Headers.CacheControl?.ToString());
        var body = await query.Content.ReadAsStringAsync();
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, events.Length);
        Assert.Equal("event: next\ndata: {\"data\":{\"hello\":\"world\"}}", events[0]);
        Assert.Equal("event: complete\ndata: ", events[1]);

        using var invalid = await http.SendAsync(EventStreamPost(server, "{ noSuchField }"));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var invalidEvents = (await invalid.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, invalidEvents.Length);
        var result = JsonDocument.Parse(invalidEvents[0]["event: next\ndata: ".Length..]).RootElement;
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Idle_stream_gets_keep_alive_comments()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true, settings: new Dictionary<string, string?> { ["GraphQLSubscriptions:KeepAliveInterval"] = "00:00:00.200" });
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var response = await http.SendAsync(EventStreamPost(server, "subscription { messages(channel: \"a\") }"), HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        Assert.Equal(":", await events.ReadLineAsync(timeout.Token));
        Assert.Equal("", await events.ReadLineAsync(timeout.Token));
        Assert.Equal(":", await events.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task Refused_by_the_authorizer_is_401_with_a_coded_error_and_the_authorizer_sees_the_headers()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true, configureServices: services =>
            services.AddSingleton<IConnectionAuthorizer, HeaderAuthorizer>());
        using var http = new HttpClient();

        using var refused = await http.SendAsync(EventStreamPost(server, "{ __typename }"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal(GraphQLHttpErrorCodes.Unauthorized, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("an X-Test-Key header is needed", error.GetProperty("message").GetString());

        var allowed = EventStreamPost(server, "{ __typename }");
        allowed.Headers.Add("X-Test-Key", "yes");
        using var response = await http.SendAsync(allowed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("event: next\ndata: {\"data\":{\"__typename\":\"Query\"}}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_json_post_of_a_subscription_is_still_refused_after_a_socket_cached_its_document()
    {
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true);
        const string subscription = "subscription { messages(channel: \"a\") }";
        using (var socket = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl))
        {
            await socket.SubscribeAsync("1", subscription);
            await server.Messages.WaitForSubscribersAsync(1);
        }

        using var http = new HttpClient();
        using var response = await http.PostAsync(server.GraphQLUrl,
            new StringContent(JsonSerializer.Serialize(new { query = subscription }), Encoding.UTF8, "application/json"));

        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal(GraphQLHttpErrorCodes.SubscriptionNotSupported, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("Accept: text/event-stream", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage EventStreamPost(TransportTestHost server, string query, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }

    /// <summary>Reads one event (skipping keep-alive comments) as its name and data.</summary>
    private static async Task<(string Name, string Data)> ReadEventAsync(StreamReader events)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? name = null, data = null;
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0 && name is not null)
                return (name, data ?? "");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = line["data: ".Length..];
        }
        throw new InvalidOperationException("The event stream ended.");
    }

    private sealed class HeaderAuthorizer : IConnectionAuthorizer
    {
        public ValueTask<ConnectionAuthorization> AuthorizeAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Request.Headers.ContainsKey("X-Test-Key")
                ? ConnectionAuthorization.Allow(new ClaimsPrincipal(new ClaimsIdentity("test")))
                : ConnectionAuthorization.Refuse("an X-Test-Key header is needed"));
    }
}
