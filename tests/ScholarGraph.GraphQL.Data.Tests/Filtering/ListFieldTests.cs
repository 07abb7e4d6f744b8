using ScholarGraph.Tests.Shared.Postgres;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Filtering;

/// <summary><c>where</c> and <c>order</c> on a plain list field (an item's tags), loaded in one batched query per level.</summary>
public abstract class ListFieldTests(TinyServer server) : TinyTests(server)
{
    [Fact]
    public async Task List_filters_and_orders_run_in_the_one_batched_query_of_their_level()
    {
        const string query = """{ pagedItems(first: 50) { nodes { id tags(where: { label: { neq: "red" } }, order: [{ label: DESC }]) { label } } } }""";
        var response = await Server.ExecuteAsync(query);
        var expected = Server.Seed.Items.ToDictionary(i => i.Id,
            i => i.Tags.Select(t => t.Label).Where(l => l != "red").OrderDescending(StringComparer.Ordinal).Select(l => (string?)l).ToList());
        Assert.Contains(expected.Values, labels => labels.Count > 1);
        var actual = response.Data.At("pagedItems", "nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("tags").Strings("label"));
        Assert.Equal(expected, actual);
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
            Assert.Single(response.Commands, c => c.Contains("FROM \"Tags\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_order_a_list_keeps_its_default_order_filtered_or_not()
    {
        const string query = """{ pagedItems(first: 50) { nodes { id all: tags { id } some: tags(where: { label: { neq: "fruit" } }) { id } } } }""";
        var response = await Server.ExecuteAsync(query);
        foreach (var node in response.Data.At("pagedItems", "nodes").EnumerateArray())
        {
            var item = Server.Seed.Items.Single(i => i.Id == node.GetProperty("id").GetString());
            Assert.Equal(item.Tags.OrderBy(t => t.Id).Select(t => t.Id), node.GetProperty("all").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()));
            Assert.Equal(item.Tags.Where(t => t.Label != "fruit").OrderBy(t => t.Id).Select(t => t.Id),
                node.GetProperty("some").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()));
        }
        MatchSql(query, response.Commands);
    }

    [Fact]
    public async Task A_bad_list_order_is_refused_with_its_path_before_the_list_is_read()
    {
        var response = await Server.ExecuteAsync("{ pagedItems(first: 1) { nodes { tags(order: [{ id: ASC, label: ASC }]) { label } } } }");
        var error = response.Json.GetProperty("errors").EnumerateArray().First();
        Assert.StartsWith("pagedItems.nodes.0.tags(order).0: each element of 'order' must set exactly one field", error.GetProperty("message").GetString());
        Assert.Equal("SORT_INVALID_VALUE", error.At("extensions", "code").GetString());
        Assert.DoesNotContain("   at ", response.Json.ToString());
        Assert.DoesNotContain(response.Commands, c => c.Contains("\"Tags\"", StringComparison.Ordinal));
    }
}

public sealed class SqliteListFieldTests(SqliteShopServer server) : ListFieldTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryListFieldTests(InMemoryShopServer server) : ListFieldTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresListFieldTests(PostgresShopServer server) : ListFieldTests(server), IClassFixture<PostgresShopServer>;
