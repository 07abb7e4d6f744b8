using ScholarGraph.Tests.Shared.Postgres;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Sorting;

/// <summary>
/// The <c>order</c> argument on connections: several keys with ties broken by id, nulls as the smallest value, cursor paging
/// under a filter and an order, cursors of another order refused, nested connections sorted per parent, and bad sort input.
/// </summary>
public abstract class SortingTests(TinyServer server) : TinyTests(server)
{
    private static string Query(string arguments) => $"{{ pagedItems(first: 50, {arguments}) {{ nodes {{ id }} }} }}";

    private async Task<(List<string?> Ids, IReadOnlyList<string> Commands)> IdsAsync(string arguments)
    {
        var response = await Server.ExecuteAsync(Query(arguments));
        return (response.Data.At("pagedItems").Nodes("id"), response.Commands);
    }

    private static List<string?> Ids(IEnumerable<Item> items) => items.Select(i => (string?)i.Id).ToList();

    [Fact]
    public async Task Several_keys_sort_in_order_and_ties_fall_back_to_the_id()
    {
        const string order = "order: [{ active: DESC }, { day: ASC }]";
        var (ids, sql) = await IdsAsync(order);
        var items = Server.Seed.Items;
        Assert.Equal(Ids(items.OrderByDescending(i => i.Active).ThenBy(i => i.Day is not null).ThenBy(i => i.Day).ThenBy(i => i.Id, StringComparer.Ordinal)), ids);
        Assert.Contains(items.GroupBy(i => (i.Active, i.Day)), g => g.Count() > 1); // the id decides somewhere
        MatchSql(Query(order), sql);
    }

    [Fact]
    public async Task Equal_keys_are_ordered_by_id_both_ways()
    {
        var (ascending, _) = await IdsAsync("order: [{ active: ASC }]");
        var (descending, _) = await IdsAsync("order: [{ active: DESC }]");
        var items = Server.Seed.Items;
        // Within each value the id, always ascending, decides in both directions.
        Assert.Equal(Ids(items.OrderBy(i => i.Active).ThenBy(i => i.Id, StringComparer.Ordinal)), ascending);
        Assert.Equal(Ids(items.OrderByDescending(i => i.Active).ThenBy(i => i.Id, StringComparer.Ordinal)), descending);
    }

    [Fact]
    public async Task Null_keys_sort_as_the_smallest_value()
    {
        var (ascending, sql) = await IdsAsync("order: [{ size: ASC }, { name: DESC }]");
        var (descending, _) = await IdsAsync("order: [{ size: DESC }, { name: DESC }]");
        var items = Server.Seed.Items;
        Assert.Equal(8, items.Count(i => i.Size is null));
        Assert.Equal(Ids(items.OrderBy(i => i.Size is not null).ThenBy(i => i.Size).ThenByDescending(i => i.Name, StringComparer.Ordinal)), ascending);
        Assert.Equal(Ids(items.OrderBy(i => i.Size is null).ThenByDescending(i => i.Size).ThenByDescending(i => i.Name, StringComparer.Ordinal)), descending);
        MatchSql(Query("order: [{ size: ASC }, { name: DESC }]"), sql);
    }

    [Fact]
    public async Task Cursor_paging_under_a_filter_and_an_order_visits_the_filtered_set_once_in_order()
    {
        const string query = """
            query($after: String) {
              pagedItems(first: 3, after: $after, where: { name: { contains: "e" } }, order: [{ name: ASC }]) {
                totalCount pageInfo { hasNextPage endCursor } nodes { id }
              }
            }
            """;
        var expected = Server.Seed.Items.Where(i => i.Name.Contains('e', StringComparison.Ordinal))
            .OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => (string?)i.Id).ToList();
        Assert.InRange(expected.Count, 7, 39);
        var seen = new List<string?>();
        var commands = new List<string>();
        string? after = null;
        while (true)
        {
            var response = await Server.ExecuteAsync(query, new { after });
            commands.AddRange(response.Commands);
            var items = response.Data.At("pagedItems");
            Assert.Equal(expected.Count, items.Int("totalCount"));
            seen.AddRange(items.Nodes("id"));
            if (!items.Bool("pageInfo", "hasNextPage"))
                break;
            after = items.At("pageInfo", "endCursor").GetString();
        }
        Assert.Equal(expected, seen);
        MatchSql(query, commands);
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_refused_before_any_sql()
    {
        var cursor = (await Server.ExecuteAsync("{ pagedItems(first: 1, order: [{ name: ASC }]) { pageInfo { endCursor } } }"))
            .Data.At("pagedItems", "pageInfo", "endCursor").GetString();
        foreach (var order in new[] { ", order: [{ name: DESC }]", ", order: [{ rank: ASC }]", "" })
        {
            var response = await Server.ExecuteAsync($$"""query($c: String) { pagedItems(first: 1, after: $c{{order}}) { nodes { id } } }""", new { c = cursor });
            Assert.Equal("PAGING_INVALID_CURSOR", response.Error.At("extensions", "code").GetString());
            Assert.Contains("belongs to another connection or order", response.Error.GetProperty("message").GetString());
            Assert.Empty(response.Commands);
        }
    }

    [Fact]
    public async Task Nested_connections_sort_per_parent()
    {
        const string query = "{ owners(first: 50) { nodes { id items(first: 2, order: [{ name: DESC }]) { nodes { id } } } } }";
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        var expected = seed.Owners.ToDictionary(o => o.Id,
            o => seed.ItemsOf(o).OrderByDescending(i => i.Name, StringComparer.Ordinal).Take(2).Select(i => (string?)i.Id).ToList());
        var actual = response.Data.At("owners", "nodes").EnumerateArray()
            .ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("items").Nodes("id"));
        Assert.Equal(expected, actual);
        MatchSql(query, response.Commands);
    }

    [Fact]
    public async Task More_than_one_field_in_an_order_element_is_refused_with_a_coded_error_before_any_sql()
    {
        var response = await Server.ExecuteAsync("{ pagedItems(order: [{ name: ASC, rank: DESC }]) { nodes { id } } }");
        Assert.Equal("SORT_INVALID_VALUE", response.Error.At("extensions", "code").GetString());
        Assert.Equal("pagedItems(order).0: each element of 'order' must set exactly one field (GraphQL does not keep the order of fields "
            + "inside one object; put each key in its own element, as in [{ a: ASC }, { b: DESC }]), not { name, rank }.",
            response.Error.GetProperty("message").GetString());
        Assert.Empty(response.Commands);
    }

    [Fact]
    public async Task An_unknown_sort_field_or_direction_is_refused_by_validation()
    {
        var direction = await Server.ExecuteAsync("{ pagedItems(order: [{ name: UP }]) { nodes { id } } }");
        Assert.Contains("UP", direction.Error.GetProperty("message").GetString());
        var field = await Server.ExecuteAsync("{ pagedItems(order: [{ colour: ASC }]) { nodes { id } } }");
        Assert.Contains("'colour'", field.Error.GetProperty("message").GetString());
        Assert.False(field.Json.TryGetProperty("data", out _));
        Assert.Empty(direction.Commands.Concat(field.Commands));
    }
}

public sealed class SqliteSortingTests(SqliteShopServer server) : SortingTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemorySortingTests(InMemoryShopServer server) : SortingTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresSortingTests(PostgresShopServer server) : SortingTests(server), IClassFixture<PostgresShopServer>;
