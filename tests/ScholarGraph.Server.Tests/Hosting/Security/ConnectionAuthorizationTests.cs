using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Server.Tests.Writes.Subscriptions;
using ScholarGraph.GraphQL.AspNetCore.Tests.WebSockets;
using ScholarGraph.GraphQL.AspNetCore.WebSockets;

namespace ScholarGraph.Server.Tests.Hosting.Security;

/// <summary>WebSocket connections present the same credentials as HTTP requests, and a createPaper reaches a subscriber.</summary>
public sealed class ConnectionAuthorizationTests
{
    private static Dictionary<string, string?> Keys(bool closedReads = false) => new()
    {
        ["Security:ApiKeys:0:Name"] = "curator",
        ["Security:ApiKeys:0:Key"] = WriteTestHost.WriteKey,
        ["Security:ApiKeys:0:Scopes:0"] = "graph:write",
        ["Security:RequireAuthenticationForReads"] = closedReads ? "true" : "false",
    };

    [Fact]
    public async Task A_bad_key_in_connection_init_is_refused_with_4403_without_quoting_it()
    {
        await using var server = SubscriptionServer.Start(Keys());
        using var client = await TransportWsClient.ConnectAsync(server.WebSocketUrl);
        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "ApiKey wrong-key-4711" } });

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(GraphQLTransportWsCloseCodes.Forbidden, code);
        Assert.DoesNotContain("wrong-key-4711", reason);
    }

    [Fact]
    public async Task With_closed_reads_a_connection_needs_a_credential_which_the_payload_may_carry()
    {
        await using var server = SubscriptionServer.Start(Keys(closedReads: true));
        using (var anonymous = await TransportWsClient.ConnectAsync(server.WebSocketUrl))
        {
            await anonymous.SendAsync(new { type = "connection_init" });
            Assert.Equal(GraphQLTransportWsCloseCodes.Forbidden, (await anonymous.ReceiveCloseAsync()).Code);
        }
        using var allowed = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl, new Dictionary<string, string> { ["X-Api-Key"] = WriteTestHost.WriteKey });
        await allowed.SubscribeAsync("q", "{ __typename }");
        Assert.Equal("next", (await allowed.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_subscriber_receives_paperAdded_after_a_createPaper_mutation()
    {
        await using var server = SubscriptionServer.Start(Keys());
        using var client = await TransportWsClient.ConnectAndInitAsync(server.WebSocketUrl);
        await client.SubscribeAsync("p", "subscription { paperAdded { title authors { author { name } } } }");
        await server.WaitForSubscribersAsync(1);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(new
            {
                query = "mutation M($input: CreatePaperInput!) { createPaper(input: $input) { paper { id } } }",
                variables = new { input = new { title = "Live Paper", authors = new object[] { new { authorId = GlobalId.Encode("Author", "devvrit-khatri") }, new { name = "Live Coauthor" } } } },
            }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", WriteTestHost.WriteKey);
        using var response = await http.SendAsync(request);
        Assert.DoesNotContain("\"errors\"", await response.Content.ReadAsStringAsync());

        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        var added = next.GetProperty("payload").GetProperty("data").GetProperty("paperAdded");
        Assert.Equal("Live Paper", added.GetProperty("title").GetString());
        Assert.Equal(["Devvrit Khatri", "Live Coauthor"], added.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("author").GetProperty("name").GetString()));
    }
}
