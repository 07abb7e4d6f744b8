using ScholarGraph.Tests.Shared.Postgres;
using System.Text.RegularExpressions;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Filtering;

/// <summary>What filters become in the database: one command for a whole filter, no case-insensitive LIKE for a case-sensitive operator, and a fixed number
/// of commands for filtered and ordered nested pages, whatever the number of parents.</summary>
public abstract class FilterQueryTests(TinyServer server) : TinyTests(server)
{
    [Fact]
    public async Task List_filters_become_subqueries_of_one_command()
    {
        const string query = """{ owners(first: 50, where: { items: { some: { name: { contains: "e" } }, count: { gt: 2 } } }) { nodes { id } } }""";
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        var expected = Expected.ByName(seed.Owners.Where(o => seed.ItemsOf(o).Any(i => i.Name.Contains('e', StringComparison.Ordinal))
            && seed.ItemsOf(o).Count() > 2)).Select(o => (string?)o.Id).ToList();
        Assert.InRange(expected.Count, 1, 13);
        Assert.Equal(expected, response.Data.At("owners").Nodes("id"));
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
            Assert.Single(response.Commands); // EXISTS and COUNT subqueries inside the page's query (see the snapshot)
    }

    [Fact]
    public async Task Default_string_operators_avoid_case_insensitive_like()
    {
        const string query = """
            { pagedItems(first: 50, where: { or: [{ name: { startsWith: "Big" } }, { name: { endsWith: "LIME" } }, { name: { ieq: "x" } }] }) { nodes { id } } }
            """;
        var response = await Server.ExecuteAsync(query);
        var expected = Expected.NewestFirst(Server.Seed.Items.Where(i => i.Name.StartsWith("Big", StringComparison.Ordinal)
            || i.Name.EndsWith("LIME", StringComparison.Ordinal))).Select(i => (string?)i.Id).ToList();
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, response.Data.At("pagedItems").Nodes("id"));
        MatchSql(query, response.Commands);
        if (Server.IsPostgres)
        {
            // PostgreSQL's LIKE is case-sensitive and a trigram index serves it: the case-sensitive operators are LIKE, ieq ILIKE.
            var sql = Assert.Single(response.Commands);
            Assert.Equal(2, Regex.Count(sql, " LIKE @"));
            Assert.Equal(1, Regex.Count(sql, " ILIKE @"));
        }
        else
        {
            // SQLite's LIKE ignores ASCII case, so a case-sensitive operator must never become one.
            Assert.DoesNotContain(response.Commands, c => c.Contains("LIKE", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Nested_filtered_and_ordered_pages_stay_a_fixed_number_of_commands()
    {
        const string query = """
            query($size: Int!) {
              owners(first: $size, order: [{ name: DESC }]) {
                nodes { id items(first: 3, where: { day: { gte: "2021-01-01" } }, order: [{ name: ASC }]) { totalCount nodes { id } } }
              }
            }
            """;
        var seed = Server.Seed;
        var counts = new List<int>();
        IReadOnlyList<string> commands = [];
        foreach (var size in new[] { 2, 12 })
        {
            var response = await Server.ExecuteAsync(query, new { size });
            var owners = response.Data.At("owners", "nodes").EnumerateArray().ToList();
            Assert.Equal(size, owners.Count);
            foreach (var owner in owners)
            {
                var items = seed.ItemsOf(seed.Owners.Single(o => o.Id == owner.GetProperty("id").GetString()))
                    .Where(i => i.Day >= new DateOnly(2021, 1, 1)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
                Assert.Equal(items.Count, owner.Int("items", "totalCount"));
                Assert.Equal(items.Take(3).Select(i => (string?)i.Id), owner.GetProperty("items").Nodes("id"));
            }
            counts.Add(response.Commands.Count);
            commands = response.Commands;
        }
        MatchSql(query, commands);
        if (Server.IsRelational)
        {
            // The owners' page, one windowed page of items for all of them, one batched count: however many owners.
            Assert.Equal([3, 3], counts);
            Assert.Contains(commands, c => c.Contains("ROW_NUMBER() OVER(PARTITION BY", StringComparison.Ordinal) && c.Contains("\"Day\" >=", StringComparison.Ordinal));
        }
    }
}

public sealed class SqliteFilterQueryTests(SqliteShopServer server) : FilterQueryTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryFilterQueryTests(InMemoryShopServer server) : FilterQueryTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresFilterQueryTests(PostgresShopServer server) : FilterQueryTests(server), IClassFixture<PostgresShopServer>;
