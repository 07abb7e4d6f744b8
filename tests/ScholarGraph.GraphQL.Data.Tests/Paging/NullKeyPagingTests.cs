using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Paging;

/// <summary>
/// Keyset paging over a nullable key (items by day) crosses the boundary between items with and without a day in both directions
/// without losing or repeating a row: null sorts as the smallest value, last newest-first and first oldest-first, and the
/// cursor of an item without a day continues among the others without one by id. Six of the 40 items have no day; four of them
/// are Ada's, whose nested connection crosses the boundary too.
/// </summary>
public abstract class NullKeyPagingTests(TinyServer server) : TinyTests(server)
{
    private sealed record Row(string Id, string? Day);

    private static List<Row> Rows(JsonElement connection) => connection.GetProperty("nodes").EnumerateArray()
        .Select(n => new Row(n.GetProperty("id").GetString()!, n.GetProperty("day").GetString())).ToList();

    private static List<Row> Rows(IEnumerable<Item> items) => items.Select(i => new Row(i.Id, Expected.Text(i.Day))).ToList();

    private const string Page = "fragment page on PagedItemsConnection { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id day } }";

    private static string ItemsQuery(string order) => $$"""
        query($size: Int!, $cursor: String, $forward: Boolean!) {
          forward: pagedItems(first: $size, after: $cursor{{order}}) @include(if: $forward) { ...page }
          backward: pagedItems(last: $size, before: $cursor{{order}}) @skip(if: $forward) { ...page }
        }
        {{Page}}
        """;

    private const string AdasItemsQuery = """
        query($size: Int!, $cursor: String, $forward: Boolean!) {
          owners(first: 1) {
            nodes {
              forward: items(first: $size, after: $cursor) @include(if: $forward) { ...page }
              backward: items(last: $size, before: $cursor) @skip(if: $forward) { ...page }
            }
          }
        }
        fragment page on OwnerItemsConnection { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id day } }
        """;

    // Pages through the whole connection at `select` (a path to it), forwards with first/after or backwards with last/before,
    // and returns its rows in the connection's order and the SQL of every page.
    private async Task<(List<Row> Rows, List<string> Commands)> PageThroughAsync(string query, string[] select, int size, bool forward)
    {
        var seen = new List<Row>();
        var commands = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var response = await Server.ExecuteAsync(query, new { size, cursor, forward });
            commands.AddRange(response.Commands);
            var connection = response.Data.At(select);
            var rows = Rows(connection);
            Assert.True(rows.Count <= size);
            if (forward)
                seen.AddRange(rows);
            else
                seen.InsertRange(0, rows);
            var pageInfo = connection.GetProperty("pageInfo");
            if (!pageInfo.Bool(forward ? "hasNextPage" : "hasPreviousPage"))
                return (seen, commands);
            cursor = pageInfo.GetProperty(forward ? "endCursor" : "startCursor").GetString();
        }
        throw new InvalidOperationException("Paging did not end after 50 pages.");
    }

    // Newest first (the default order): items without a day come last; by day ascending: first.
    [Theory]
    [InlineData("", 1, true)]
    [InlineData("", 2, true)]
    [InlineData("", 3, false)]
    [InlineData("", 2, false)]
    [InlineData("day: ASC", 2, true)]
    [InlineData("day: ASC", 3, true)]
    [InlineData("day: ASC", 2, false)]
    [InlineData("day: ASC", 1, false)]
    public async Task Items_by_day_page_through_those_without_a_day_in_both_directions(string order, int size, bool forward)
    {
        Assert.Equal(6, Server.Seed.Items.Count(i => i.Day is null));
        var query = ItemsQuery(order == "" ? "" : $", order: [{{ {order} }}]");
        var (rows, commands) = await PageThroughAsync(query, [forward ? "forward" : "backward"], size, forward);
        Assert.Equal(Rows(order == "" ? Expected.NewestFirst(Server.Seed.Items) : Expected.OldestFirst(Server.Seed.Items)), rows);
        MatchSql(query, commands, $"{(order == "" ? "newest" : "ascending")}_{size}_{(forward ? "forward" : "backward")}");
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public async Task An_owners_items_page_across_the_null_boundary(int size, bool forward)
    {
        var seed = Server.Seed;
        var ada = Expected.ByName(seed.Owners)[0];
        Assert.Equal("Ada", ada.Name);
        var expected = Expected.NewestFirst(seed.ItemsOf(ada));
        Assert.Equal(4, expected.Count(i => i.Day is null));
        Assert.Equal(2, expected.Count(i => i.Day is not null));
        var (rows, commands) = await PageThroughAsync(AdasItemsQuery, ["owners", "nodes", "0", forward ? "forward" : "backward"], size, forward);
        Assert.Equal(Rows(expected), rows);
        MatchSql(AdasItemsQuery, commands, $"{size}_{(forward ? "forward" : "backward")}");
    }
}

public sealed class SqliteNullKeyPagingTests(SqliteShopServer server) : NullKeyPagingTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryNullKeyPagingTests(InMemoryShopServer server) : NullKeyPagingTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresNullKeyPagingTests(PostgresShopServer server) : NullKeyPagingTests(server), IClassFixture<PostgresShopServer>;

/// <summary>The shop on SQLite with 20,003 more items (3 without a day), for query plans.</summary>
public sealed class SqliteBulkShopServer : TinyServer
{
    public SqliteBulkShopServer() : base(TinyProvider.Sqlite, Seeds.Shop)
    {
        using var db = Contexts.CreateDbContext();
        db.Database.ExecuteSqlRaw("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20003)
            INSERT INTO "Items" ("Id", "Name", "Day", "Rank", "Weight", "Active")
            SELECT printf('bulk-%05d', i), 'Bulk item ' || i, CASE WHEN i > 20000 THEN NULL ELSE date('2000-01-01', '+' || (i / 3) || ' days') END, 0, 0, 0
            FROM n
            """);
    }
}

/// <summary>
/// The SQL of a page of items by day orders by the plain column, with no COALESCE, and its cursor predicate does not let SQLite
/// read each branch of an OR by index and sort the union (MULTI-INDEX OR), on both sides of the null boundary. SQLite only: the
/// point is SQLite's plan.
/// </summary>
public sealed class NullKeyPagingPlanTests(SqliteBulkShopServer server) : TinyTests(server), IClassFixture<SqliteBulkShopServer>
{
    // Cursors on an item with a day and on one without, in both orders (those without come last newest-first, first ascending:
    // nine of them).
    [Theory]
    [InlineData("", "first: 3", "endCursor")]
    [InlineData("", "last: 2", "startCursor")]
    [InlineData(", order: [{ day: ASC }]", "first: 2", "endCursor")]
    [InlineData(", order: [{ day: ASC }]", "first: 12", "endCursor")]
    public async Task A_page_after_a_cursor_walks_the_day_index_in_order(string order, string cursorPage, string cursorField)
    {
        var cursor = (await Server.ExecuteAsync($"{{ pagedItems({cursorPage}{order}) {{ pageInfo {{ {cursorField} }} }} }}"))
            .Data.At("pagedItems", "pageInfo", cursorField).GetString();
        var query = $$"""query($c: String) { pagedItems(first: 2, after: $c{{order}}) { nodes { name } } }""";
        var response = await Server.ExecuteAsync(query, new { c = cursor });
        Assert.InRange(response.Data.At("pagedItems", "nodes").GetArrayLength(), 1, 2);
        var sql = Assert.Single(response.Commands);
        MatchSql(query, response.Commands, $"{cursorPage}{order}");
        Assert.DoesNotContain("COALESCE", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(order == "" ? "ORDER BY \"i\".\"Day\" DESC, \"i\".\"Id\"" : "ORDER BY \"i\".\"Day\", \"i\".\"Id\"", sql);
        Assert.DoesNotContain("MULTI-INDEX OR", await QueryPlanAsync(sql));
    }

    private async Task<string> QueryPlanAsync(string sql)
    {
        await using var db = await Server.Contexts.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Unbound parameters (the page size) read as NULL, which does not change the plan's shape.
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }
}
