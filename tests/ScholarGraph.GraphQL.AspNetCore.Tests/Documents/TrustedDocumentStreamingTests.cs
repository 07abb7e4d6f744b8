using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;
using ScholarGraph.GraphQL.AspNetCore.Tests.WebSockets;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Documents;

/// <summary>The streaming transports read <c>documentId</c> as HTTP does and share the executor, so trusted documents and the mode apply there too.</summary>
public sealed class TrustedDocumentStreamingTests : IDisposable
{
    private const string Messages = "subscription Messages($channel: String!) { messages(channel: $channel) }";
    private readonly DocumentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_websocket_subscribes_by_documentId_and_query_text_is_refused_in_trusted_only()
    {
        var messages = _folder.Add(Messages);
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true, settings: _folder.Settings("TrustedOnly"));
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);

        await client.SendAsync(new { id = "trusted", type = "subscribe", payload = new { documentId = "sha256:" + messages, variables = new { channel = "a" } } });
        await server.Messages.WaitForSubscribersAsync(1);
        server.Messages.Publish("a", "hello");
        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("hello", next.GetProperty("payload").GetProperty("data").GetProperty("messages").GetString());

        await client.SubscribeAsync("text", Messages, new { channel = "a" });
        var refused = await client.ReceiveAsync();
        Assert.Equal(("error", "text"), (refused.GetProperty("type").GetString(), refused.GetProperty("id").GetString()));
        Assert.Equal("HC0067", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_event_stream_runs_a_documentId_and_reports_an_unknown_one_as_its_event()
    {
        var hello = _folder.Add("query Hello { hello }");
        await using var server = await TransportTestHost.StartAsync(onLoopbackPort: true, settings: _folder.Settings("TrustedOnly"));
        using var http = new HttpClient();

        Assert.Equal("world", (await FirstEventAsync(http, server, new { documentId = hello })).GetProperty("data").GetProperty("hello").GetString());
        var unknown = await FirstEventAsync(http, server, new { documentId = DocumentFolder.Hash("{ other }") });
        Assert.Equal("HC0020", unknown.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static async Task<JsonElement> FirstEventAsync(HttpClient http, TransportTestHost server, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event: next\ndata: ", events[0], StringComparison.Ordinal);
        return JsonDocument.Parse(events[0]["event: next\ndata: ".Length..]).RootElement.Clone();
    }
}
