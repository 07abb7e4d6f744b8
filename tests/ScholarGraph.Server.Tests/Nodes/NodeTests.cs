using System.Text.Json;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Nodes;

/// <summary>Global ids refetch any object through node and nodes, and bad ids get clear errors.</summary>
public sealed class NodeTests(ScholarGraphFactory server) : IClassFixture<ScholarGraphFactory>
{
    [Fact]
    public async Task Every_id_a_connection_returns_refetches_the_same_object_through_node()
    {
        var data = await server.QueryAsync("""
            { papers(first: 1) { nodes { id title } } topics(first: 1) { nodes { id name } } institutions(first: 1) { nodes { id name } } }
            """);
        var paper = data.GetProperty("papers").GetProperty("nodes")[0];
        var topic = data.GetProperty("topics").GetProperty("nodes")[0];
        var institution = data.GetProperty("institutions").GetProperty("nodes")[0];
        var refetched = await server.QueryAsync("""
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Paper { title } ... on Topic { name } ... on Institution { name } } }
            """, new { ids = new[] { paper.GetProperty("id").GetString(), topic.GetProperty("id").GetString(), institution.GetProperty("id").GetString() } });
        var nodes = refetched.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["Paper", "Topic", "Institution"], nodes.Select(n => n.GetProperty("__typename").GetString()));
        Assert.Equal(paper.GetProperty("title").GetString(), nodes[0].GetProperty("title").GetString());
        Assert.Equal(topic.GetProperty("name").GetString(), nodes[1].GetProperty("name").GetString());
        Assert.Equal(institution.GetProperty("name").GetString(), nodes[2].GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_key_gives_null_not_an_error()
    {
        var data = await server.QueryAsync("query($id: ID!) { node(id: $id) { id } author(id: $id) { name } }",
            new { id = Convert.ToBase64String("Author:nobody"u8.ToArray()) });
        Assert.Equal(JsonValueKind.Null, data.GetProperty("node").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("author").ValueKind);
    }

    [Theory]
    [InlineData("{ node(id: \"%%%\") { id } }", "argument 'id': '%%%' is not a valid id")]
    [InlineData("{ node(id: \"V2lkZ2V0OjE=\") { id } }", "names type 'Widget', which has no nodes")]
    [InlineData("{ author(id: \"UGFwZXI6eA==\") { name } }", "argument 'id': 'UGFwZXI6eA==' is the id of a Paper, not of an Author")]
    public async Task A_malformed_or_foreign_id_gets_an_INVALID_ID_error(string query, string message)
    {
        var error = Assert.Single((await server.ExecuteAsync(query)).GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_ID", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
    }
}
