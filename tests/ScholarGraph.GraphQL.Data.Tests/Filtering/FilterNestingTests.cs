using ScholarGraph.Tests.Shared.Postgres;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Filtering;

/// <summary>
/// <c>where</c> on connections over the shop: list quantifiers and counts nested through objects and lists, filtered
/// <c>totalCount</c>s, filtered nested connections, case of the string operators, nulls, and what validation refuses. Expected
/// answers are computed here from the seed rows, so a wrong translation cannot pass.
/// </summary>
public abstract class FilterNestingTests(TinyServer server) : TinyTests(server)
{
    private async Task<(List<string?> Ids, int TotalCount, IReadOnlyList<string> Commands)> IdsAsync(string field, string where)
    {
        var response = await Server.ExecuteAsync(Query(field, where));
        var connection = response.Data.At(field);
        return (connection.Nodes("id"), connection.Int("totalCount"), response.Commands);
    }

    private static string Query(string field, string where) => $"{{ {field}(first: 50, where: {where}) {{ totalCount nodes {{ id }} }} }}";

    private static List<string?> Ids(IEnumerable<Item> items) => Expected.NewestFirst(items).Select(i => (string?)i.Id).ToList();

    private static List<string?> Ids(IEnumerable<Owner> owners) => Expected.ByName(owners).Select(o => (string?)o.Id).ToList();

    [Fact]
    public async Task Items_with_a_tag_are_found_through_a_list_filter()
    {
        const string where = """{ tags: { some: { label: { eq: "sour" } } } }""";
        var (ids, total, sql) = await IdsAsync("pagedItems", where);
        var expected = Ids(Server.Seed.Items.Where(i => i.Tags.Any(t => t.Label == "sour")));
        Assert.InRange(expected.Count, 2, 39);
        Assert.Equal(expected, ids);
        Assert.Equal(expected.Count, total);
        MatchSql(Query("pagedItems", where), sql);
    }

    [Fact]
    public async Task Owners_favouring_an_item_of_someone_with_a_sour_item_go_through_nested_objects_and_lists()
    {
        // Nested four levels: owner -> favourite -> item -> owner -> items -> tags.
        const string where = """
            { favourites: { some: { item: { owner: { name: { neq: "Ada" }, items: { some: { tags: { some: { label: { eq: "sour" } } } } } } } } } }
            """;
        var (ids, _, sql) = await IdsAsync("owners", where);
        var seed = Server.Seed;
        bool HasSour(Owner o) => seed.ItemsOf(o).Any(i => i.Tags.Any(t => t.Label == "sour"));
        var expected = Ids(seed.Owners.Where(o => seed.FavouritesOf(o).Any(i => seed.OwnerOf(i) is { Name: not "Ada" } owner && HasSour(owner))));
        Assert.InRange(expected.Count, 1, 13);
        Assert.Equal(expected, ids);
        MatchSql(Query("owners", where), sql);
    }

    [Fact]
    public async Task Owners_with_some_item_tagged_red_after_a_day()
    {
        const string where = """{ items: { some: { day: { gt: "2021-06-01" }, tags: { some: { label: { eq: "red" } } } } } }""";
        var (ids, total, sql) = await IdsAsync("owners", where);
        var seed = Server.Seed;
        var expected = Ids(seed.Owners.Where(o => seed.ItemsOf(o).Any(i => i.Day > new DateOnly(2021, 6, 1) && i.Tags.Any(t => t.Label == "red"))));
        Assert.InRange(expected.Count, 1, 13);
        Assert.Equal(expected, ids);
        Assert.Equal(expected.Count, total);
        MatchSql(Query("owners", where), sql);
    }

    [Fact]
    public async Task Owners_with_no_item_before_2021()
    {
        const string where = """{ items: { none: { day: { lt: "2021-01-01" } } } }""";
        var (ids, _, sql) = await IdsAsync("owners", where);
        var seed = Server.Seed;
        var expected = Ids(seed.Owners.Where(o => !seed.ItemsOf(o).Any(i => i.Day < new DateOnly(2021, 1, 1))));
        Assert.InRange(expected.Count, 1, 13);
        Assert.Equal(expected, ids);
        MatchSql(Query("owners", where), sql);
    }

    [Fact]
    public async Task Count_filter_keeps_owners_with_more_than_two_items()
    {
        const string where = "{ items: { count: { gt: 2 } } }";
        var (ids, _, sql) = await IdsAsync("owners", where);
        var seed = Server.Seed;
        var expected = Ids(seed.Owners.Where(o => seed.ItemsOf(o).Count() > 2));
        Assert.InRange(expected.Count, 1, 13);
        Assert.Equal(expected, ids);
        MatchSql(Query("owners", where), sql);
    }

    [Fact]
    public async Task All_and_any_quantifiers_and_or_combinations()
    {
        const string query = """
            {
              untagged: pagedItems(first: 50, where: { tags: { any: false } }) { nodes { id } }
              allRanked: owners(first: 50, where: { items: { all: { rank: { gte: 3 } }, any: true } }) { nodes { id } }
              either: pagedItems(first: 50, where: { or: [{ name: { startsWith: "Red" } }, { name: { endsWith: "pie" } }] }) { nodes { id } }
            }
            """;
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        Assert.Equal(Ids(seed.Items.Where(i => i.Tags.Count == 0)), response.Data.At("untagged").Nodes("id"));
        var allRanked = Ids(seed.Owners.Where(o => seed.ItemsOf(o).Any() && seed.ItemsOf(o).All(i => i.Rank >= 3)));
        Assert.InRange(allRanked.Count, 1, 13);
        Assert.Equal(allRanked, response.Data.At("allRanked").Nodes("id"));
        Assert.Equal(Ids(seed.Items.Where(i => i.Name.StartsWith("Red", StringComparison.Ordinal) || i.Name.EndsWith("pie", StringComparison.Ordinal))),
            response.Data.At("either").Nodes("id"));
        MatchSql(query, response.Commands);
    }

    [Theory]
    [InlineData("contains", "APPLE", 0)]
    [InlineData("contains", "Apple", 5)]
    [InlineData("icontains", "APPLE", 10)]
    [InlineData("startsWith", "red", 0)]
    [InlineData("startsWith", "Red", 8)]
    [InlineData("istartsWith", "RED", 8)]
    [InlineData("endsWith", "PIE", 0)]
    [InlineData("endsWith", "pie", 5)]
    [InlineData("iendsWith", "PIE", 5)]
    [InlineData("eq", "red apple", 0)]
    [InlineData("ieq", "red apple", 1)]
    public async Task String_operators_are_case_sensitive_unless_i_prefixed(string op, string operand, int expectedCount)
    {
        var comparison = op.StartsWith('i') ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        Func<string, bool> matches = op.TrimStart('i') switch
        {
            "contains" => n => n.Contains(operand, comparison),
            "startsWith" or "StartsWith" => n => n.StartsWith(operand, comparison),
            "endsWith" or "EndsWith" => n => n.EndsWith(operand, comparison),
            _ => n => string.Equals(n, operand, comparison),
        };
        var query = $$"""query($v: String) { pagedItems(first: 50, where: { name: { {{op}}: $v } }) { totalCount nodes { id } } }""";
        var response = await Server.ExecuteAsync(query, new { v = operand });
        var expected = Ids(Server.Seed.Items.Where(i => matches(i.Name)));
        Assert.Equal(expectedCount, expected.Count);
        Assert.Equal(expected, response.Data.At("pagedItems").Nodes("id"));
        Assert.Equal(expectedCount, response.Data.Int("pagedItems", "totalCount"));
        MatchSql(query, response.Commands, $"{op}_{operand}");
    }

    [Fact]
    public async Task Eq_null_is_is_null_and_neq_null_is_not_null()
    {
        const string query = """
            {
              noNote: pagedItems(where: { note: { eq: null } }) { totalCount }
              withNote: pagedItems(where: { note: { neq: null } }) { totalCount }
              noDay: pagedItems(where: { day: { eq: null } }) { totalCount }
            }
            """;
        var response = await Server.ExecuteAsync(query);
        var items = Server.Seed.Items;
        Assert.Equal(items.Count(i => i.Note is null), response.Data.Int("noNote", "totalCount"));
        Assert.Equal(items.Count(i => i.Note is not null), response.Data.Int("withNote", "totalCount"));
        Assert.Equal(6, response.Data.Int("noDay", "totalCount"));
        Assert.InRange(items.Count(i => i.Note is null), 1, 39);
        MatchSql(query, response.Commands);
    }

    [Fact]
    public async Task Nested_connections_filter_per_parent_and_count_the_filtered_set()
    {
        const string query = """
            { owners(first: 50) { nodes { id items(first: 1, where: { tags: { some: { label: { eq: "sweet" } } } }) { totalCount pageInfo { hasNextPage } nodes { id } } } } }
            """;
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        var sweet = seed.Owners.ToDictionary(o => o.Id, o => Ids(seed.ItemsOf(o).Where(i => i.Tags.Any(t => t.Label == "sweet"))));
        Assert.Contains(sweet.Values, ids => ids.Count > 1);
        Assert.Contains(sweet.Values, ids => ids.Count == 0);
        foreach (var owner in response.Data.At("owners", "nodes").EnumerateArray())
        {
            var expected = sweet[owner.GetProperty("id").GetString()!];
            var items = owner.GetProperty("items");
            Assert.Equal(expected.Count, items.Int("totalCount"));
            Assert.Equal(expected.Count > 1, items.Bool("pageInfo", "hasNextPage"));
            Assert.Equal(expected.Take(1), items.Nodes("id"));
        }
        MatchSql(query, response.Commands);
    }

    [Theory]
    [InlineData("{ pagedItems(where: { colour: { eq: \"red\" } }) { nodes { id } } }", "colour")]
    [InlineData("{ pagedItems(where: { name: { gt: \"a\" } }) { nodes { id } } }", "gt")]
    [InlineData("{ pagedItems(where: { day: { contains: \"2025\" } }) { nodes { id } } }", "contains")]
    public async Task Unknown_fields_and_wrong_operators_are_refused_by_validation(string query, string name)
    {
        var response = await Server.ExecuteAsync(query);
        Assert.Contains($"'{name}'", response.Error.GetProperty("message").GetString());
        Assert.False(response.Json.TryGetProperty("data", out _));
        Assert.Empty(response.Commands);
    }
}

public sealed class SqliteFilterNestingTests(SqliteShopServer server) : FilterNestingTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryFilterNestingTests(InMemoryShopServer server) : FilterNestingTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresFilterNestingTests(PostgresShopServer server) : FilterNestingTests(server), IClassFixture<PostgresShopServer>;
