using ScholarGraph.Tests.Shared.Postgres;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Batching;

/// <summary>No N+1: the number of SQL round trips of a nested query does not grow with the number of parents.</summary>
public abstract class RoundTripTests(TinyServer server) : TinyTests(server)
{
    private const string Query = """
        query($size: Int!) {
          owners(first: $size) {
            totalCount
            nodes {
              name
              items(first: 5) { totalCount nodes { name owner { name } tags { label } } }
              favourites(first: 5) { nodes { name tags(order: [{ label: ASC }]) { label } } }
            }
          }
        }
        """;

    [Fact]
    public async Task Twelve_owners_with_items_and_favourites_take_as_many_round_trips_as_two()
    {
        var small = await Server.ExecuteAsync(Query, new { size = 2 });
        var large = await Server.ExecuteAsync(Query, new { size = 12 });
        Assert.Equal(2, small.Data.At("owners", "nodes").GetArrayLength());
        var owners = large.Data.At("owners", "nodes").EnumerateArray().ToList();
        Assert.Equal(12, owners.Count);
        var seed = Server.Seed;
        Assert.Equal(Expected.ByName(seed.Owners).Take(12).Select(o => seed.ItemsOf(o).Count()), owners.Select(o => o.Int("items", "totalCount")));
        MatchSql(Query, large.Commands);
        if (Server.IsRelational)
        {
            Assert.Equal(small.Commands.Count, large.Commands.Count);
            // owners page and count, items pages and counts, their owners and tags, favourites pages and their tags
            Assert.Equal(8, large.Commands.Count);
        }
    }

    [Fact]
    public async Task Nested_pages_are_cut_in_sql_with_a_window_per_parent()
    {
        const string query = "{ owners(first: 50) { nodes { items(first: 2) { nodes { name } } } } }";
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        Assert.Equal(Expected.ByName(seed.Owners).Select(o => Expected.NewestFirst(seed.ItemsOf(o)).Take(2).Select(i => (string?)i.Name).ToList()),
            response.Data.At("owners", "nodes").EnumerateArray().Select(o => o.GetProperty("items").Nodes("name")));
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
        {
            Assert.Equal(2, response.Commands.Count);
            var window = Assert.Single(response.Commands, c => c.Contains("ROW_NUMBER() OVER(PARTITION BY", StringComparison.Ordinal));
            Assert.DoesNotContain("COUNT", window);
        }
    }

    [Fact]
    public async Task TotalCount_is_counted_only_when_selected()
    {
        const string without = "{ owners(first: 3) { nodes { name } } }";
        const string with = "{ owners(first: 3) { totalCount } }";
        var a = await Server.ExecuteAsync(without);
        var b = await Server.ExecuteAsync(with);
        Assert.Equal(14, b.Data.Int("owners", "totalCount"));
        MatchSql(without, a.Commands, "without");
        MatchSql(with, b.Commands, "with");
        if (Server.IsRelational)
        {
            Assert.DoesNotContain(a.Commands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(b.Commands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        }
    }
}

public sealed class SqliteRoundTripTests(SqliteShopServer server) : RoundTripTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryRoundTripTests(InMemoryShopServer server) : RoundTripTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresRoundTripTests(PostgresShopServer server) : RoundTripTests(server), IClassFixture<PostgresShopServer>;
