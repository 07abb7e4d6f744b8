using ScholarGraph.Server.Tests.Infrastructure;
using static ScholarGraph.Server.Tests.Infrastructure.WriteTestHost;

namespace ScholarGraph.Server.Tests.GraphQuestions;

/// <summary>The graph index, and so every analytic query, sees a mutation's change as soon as the mutation returns.</summary>
public sealed class GraphIndexVisibilityTests(WriteTestHost host) : IClassFixture<WriteTestHost>
{
    private async Task<List<string?>> NetworkAsync() =>
        (await host.QueryAsync("query($id: ID!) { coauthorNetwork(authorId: $id, depth: 1, maxNodes: 200) { nodes { author { name } } } }",
            new { id = Id("Author", "devvrit-khatri") }))
        .GetProperty("coauthorNetwork").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("author").GetProperty("name").GetString()).ToList();

    [Fact]
    public async Task A_new_coauthor_from_createPaper_is_in_the_coauthor_network_of_the_next_query()
    {
        Assert.DoesNotContain("Index Newcomer", await NetworkAsync());

        await host.MutateAsync("createPaper", "mutation M($input: CreatePaperInput!) { createPaper(input: $input) { paper { id } } }",
            new { title = "Indexed At Once", authors = new object[] { new { authorId = Id("Author", "devvrit-khatri") }, new { name = "Index Newcomer" } } });

        Assert.Contains("Index Newcomer", await NetworkAsync());
    }
}
