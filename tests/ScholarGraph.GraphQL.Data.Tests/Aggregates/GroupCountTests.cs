using ScholarGraph.Tests.Shared.Postgres;
using System.Globalization;
using System.Text.Json;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Aggregates;

/// <summary>
/// <c>groupCounts(by:)</c> on connections: SQL GROUP BY over the whole filtered collection (not the page), most items first, the
/// group without a value after the others of its size; counted only when selected, one query per grouping for every parent of
/// a level. Expected counts are computed here from the seed rows.
/// </summary>
public abstract class GroupCountTests(TinyServer server) : TinyTests(server)
{
    private static List<(string? Key, string? Label, int Count)> Grouped(IEnumerable<(string? Key, string? Label)> keys) =>
        keys.GroupBy(k => k.Key).Select(g => (g.Key, g.First().Label, g.Count()))
            .OrderByDescending(g => g.Item3).ThenBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    private static List<(string? Key, string? Label, int Count)> Years(IEnumerable<Item> items) =>
        Grouped(items.Select(i => i.Day?.Year.ToString(CultureInfo.InvariantCulture)).Select(y => (y, y)));

    private static List<(string? Key, string? Label, int Count)> Read(JsonElement groups) =>
        groups.EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("label").GetString(), g.GetProperty("count").GetInt32())).ToList();

    [Fact]
    public async Task Group_counts_are_one_group_by_query_over_the_whole_collection_and_none_when_not_selected()
    {
        const string query = "{ pagedItems(first: 2) { nodes { id } groupCounts(by: YEAR) { key label count } } }";
        var response = await Server.ExecuteAsync(query);
        var years = Years(Server.Seed.Items);
        Assert.Contains(years, g => g.Key is null);
        Assert.Equal(years, Read(response.Data.At("pagedItems", "groupCounts")));
        var without = await Server.ExecuteAsync("{ pagedItems(first: 2) { nodes { id } } }");
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
        {
            Assert.Equal(2, response.Commands.Count);
            Assert.Single(response.Commands, c => c.Contains("GROUP BY", StringComparison.Ordinal));
            Assert.DoesNotContain(without.Commands, c => c.Contains("GROUP BY", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Each_row_of_a_relation_is_a_group_counted_over_the_filtered_collection()
    {
        const string query = "{ pagedItems(first: 1, where: { active: { eq: true } }) { totalCount groupCounts(by: TAG) { key label count } } }";
        var response = await Server.ExecuteAsync(query);
        var active = Server.Seed.Items.Where(i => i.Active).ToList();
        Assert.Equal(active.Count, response.Data.Int("pagedItems", "totalCount"));
        Assert.Equal(Grouped(active.SelectMany(i => i.Tags).Select(t => ((string?)t.Label, (string?)t.Label))), Read(response.Data.At("pagedItems", "groupCounts")));
        MatchSql(query, response.Commands);
    }

    [Fact]
    public async Task A_grouping_with_a_label_carries_key_and_label_and_a_null_group()
    {
        const string query = "{ pagedItems(first: 1) { groupCounts(by: OWNER) { key label count } } }";
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        var expected = Grouped(seed.Items.Select(i => (i.OwnerId, seed.OwnerOf(i)?.Name)));
        Assert.Contains(expected, g => g is { Key: null, Label: null, Count: 4 });
        Assert.Equal(expected, Read(response.Data.At("pagedItems", "groupCounts")));
        MatchSql(query, response.Commands);
    }

    [Fact]
    public async Task Nested_group_counts_of_every_parent_are_one_query_per_grouping()
    {
        const string query = """
            { owners(first: 50) { nodes { id items(first: 1) { byYear: groupCounts(by: YEAR) { key label count } byOwner: groupCounts(by: OWNER) { key label count } } } } }
            """;
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        var owners = response.Data.At("owners", "nodes").EnumerateArray().ToList();
        Assert.Equal(14, owners.Count);
        foreach (var node in owners)
        {
            var owner = seed.Owners.Single(o => o.Id == node.GetProperty("id").GetString());
            Assert.Equal(Years(seed.ItemsOf(owner)), Read(node.At("items", "byYear")));
            Assert.Equal([(owner.Id, owner.Name, seed.ItemsOf(owner).Count())], Read(node.At("items", "byOwner")));
        }
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
        {
            // The owners' page, their items' pages (one windowed query), one GROUP BY per grouping for all owners.
            Assert.Equal(4, response.Commands.Count);
            var groupBys = response.Commands.Where(c => c.Contains("GROUP BY", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, groupBys.Count);
            // The owner's name is grouped with its key, not looked up per group by a correlated MAX subquery.
            Assert.All(groupBys, c => Assert.DoesNotContain("MAX(", c));
        }
    }

    [Fact]
    public async Task An_unknown_grouping_is_refused_by_validation()
    {
        var response = await Server.ExecuteAsync("{ pagedItems { groupCounts(by: MONTH) { count } } }");
        Assert.Contains("MONTH", response.Error.GetProperty("message").GetString());
        Assert.True(response.Error.GetProperty("extensions").TryGetProperty("code", out _));
        Assert.Empty(response.Commands);
    }
}

public sealed class SqliteGroupCountTests(SqliteShopServer server) : GroupCountTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryGroupCountTests(InMemoryShopServer server) : GroupCountTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresGroupCountTests(PostgresShopServer server) : GroupCountTests(server), IClassFixture<PostgresShopServer>;
