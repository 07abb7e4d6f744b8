using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Hosting;
using ScholarGraph.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.Writes.Subscriptions;

/// <summary>The real npm clients of both protocols, graphql-ws 6.4.2 and graphql-sse 2.6.1, against the real server.</summary>
[Collection(SequentialHostsCollection.Name)]
public sealed class NpmClientTests(ITestOutputHelper output)
{
    private const string PaperAdded = """
        subscription PaperAdded($topicId: ID, $authorId: ID) {
          paperAdded(topicId: $topicId, authorId: $authorId) { id title authors { position author { name } } topics { topic { name } } }
        }
        """;

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task Client_receives_paperAdded_for_its_topic_and_author_only(string protocol)
    {
        await using var server = SubscriptionServer.Start();
        var variables = new
        {
            topicId = GlobalId.Encode("Topic", "contrastive-learning"),
            authorId = GlobalId.Encode("Author", "nilesh-gupta"),
        };
        using var client = server.StartNodeClient(protocol, count: 1, PaperAdded, variables);
        await server.WaitForSubscribersAsync(1);

        // Neither of these matches both arguments, so the client must not see them.
        await server.AddPaperAsync("other-topic", "Wrong topic", ["nilesh-gupta"], ["information-retrieval"]);
        await server.AddPaperAsync("other-author", "Wrong author", ["devvrit-khatri"], ["contrastive-learning"]);
        await server.AddPaperAsync($"live-{protocol}", "A live paper", ["nilesh-gupta", "devvrit-khatri"], ["contrastive-learning"]);

        var lines = await client.FinishAsync();
        output.WriteLine(string.Join('\n', lines));
        var result = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.False(result.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        var paper = result.GetProperty("data").GetProperty("paperAdded");
        Assert.Equal(GlobalId.Encode("Paper", $"live-{protocol}"), paper.GetProperty("id").GetString());
        Assert.Equal("A live paper", paper.GetProperty("title").GetString());
        Assert.Equal(["Nilesh Gupta", "Devvrit Khatri"],
            paper.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("author").GetProperty("name").GetString()));
        Assert.Equal(1, paper.GetProperty("topics").GetArrayLength());
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task Client_runs_a_query_as_one_result_then_complete(string protocol)
    {
        await using var server = SubscriptionServer.Start();
        using var client = server.StartNodeClient(protocol, count: 0, "{ authors(first: 2) { totalCount nodes { name } } }");

        var lines = await client.FinishAsync();

        Assert.Equal(2, lines.Length);
        var data = JsonDocument.Parse(lines[0]).RootElement.GetProperty("data").GetProperty("authors");
        Assert.Equal(2, data.GetProperty("nodes").GetArrayLength());
        Assert.True(data.GetProperty("totalCount").GetInt32() > 2);
        Assert.Equal("complete", lines[1]);
    }
}
