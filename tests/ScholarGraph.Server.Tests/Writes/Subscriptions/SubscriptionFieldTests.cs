using ScholarGraph.GraphQL.AspNetCore.Tests.WebSockets;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Hosting;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Server.Writes.Changes;

namespace ScholarGraph.Server.Tests.Writes.Subscriptions;

/// <summary>The real schema's subscription fields over graphql-transport-ws: what their events carry, and how their arguments fail.</summary>
[Collection(SequentialHostsCollection.Name)]
public sealed class SubscriptionFieldTests
{
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
}
