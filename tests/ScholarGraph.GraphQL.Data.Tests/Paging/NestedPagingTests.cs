using ScholarGraph.Tests.Shared.Postgres;
using System.Text.RegularExpressions;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Paging;

/// <summary>
/// A nested page of children reached through link rows (an owner's favourite items, as an author's papers through authorships)
/// is one windowed query per level, and the window numbers only the children of the batch's parents: the parents' keys restrict
/// the link rows inside the windowed subquery, where the foreign key's index finds them, not only outside it.
/// </summary>
public abstract class NestedPagingTests(TinyServer server) : TinyTests(server)
{
    private const string Window = "ROW_NUMBER() OVER(PARTITION BY";

    // The subquery that holds the window: from its SELECT to the parenthesis that closes it.
    private static string WindowedSubquery(string sql)
    {
        var window = sql.IndexOf(Window, StringComparison.Ordinal);
        var start = sql.LastIndexOf('(', sql.LastIndexOf("SELECT", window, StringComparison.Ordinal));
        var depth = 0;
        for (var i = start; i < sql.Length; i++)
        {
            depth += sql[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
                return sql[start..(i + 1)];
        }
        throw new InvalidOperationException("The windowed subquery is not closed.");
    }

    /// <summary>Each owner of the first <paramref name="owners"/> by name, with the ids of its page of favourites.</summary>
    private Dictionary<string, List<string>> ExpectedFavourites(int owners, Func<IEnumerable<Item>, IEnumerable<Item>> page)
    {
        var seed = Server.Seed;
        return Expected.ByName(seed.Owners).Take(owners).ToDictionary(o => o.Id, o => page(seed.FavouritesOf(o)).Select(i => i.Id).ToList());
    }

    private static Dictionary<string, List<string>> Pages(System.Text.Json.JsonElement owners) =>
        owners.GetProperty("nodes").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!,
            o => o.GetProperty("favourites").Nodes("id").Select(id => id!).ToList());

    [Theory]
    [InlineData("first: 2", "newest")]
    [InlineData("first: 2, where: { name: { contains: \"e\" } }, order: [{ name: ASC }]", "e_by_name")]
    [InlineData("last: 1", "oldest")]
    public async Task The_parents_keys_restrict_the_link_rows_inside_the_window(string arguments, string caseName)
    {
        var query = $$"""{ owners(first: 5) { nodes { id favourites({{arguments}}) { nodes { id } } } } }""";
        var response = await Server.ExecuteAsync(query);
        Func<IEnumerable<Item>, IEnumerable<Item>> page = caseName switch
        {
            "newest" => items => Expected.NewestFirst(items).Take(2),
            "e_by_name" => items => items.Where(i => i.Name.Contains('e', StringComparison.Ordinal))
                .OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).Take(2),
            _ => items => Expected.NewestFirst(items).TakeLast(1),
        };
        Assert.Equal(ExpectedFavourites(5, page), Pages(response.Data.At("owners")));
        MatchSql(query, response.Commands, caseName);
        if (Server.IsRelational)
        {
            var subquery = WindowedSubquery(Assert.Single(response.Commands, c => c.Contains(Window, StringComparison.Ordinal)));
            Assert.Contains("FROM \"Favourites\"", subquery);
            Assert.Matches(new Regex("WHERE .*\"OwnerId\" IN \\(", RegexOptions.Singleline), subquery);
        }
    }

    [Fact]
    public async Task A_second_page_of_children_keeps_the_restriction_and_its_cursor()
    {
        var first = (await Server.ExecuteAsync("{ owners(first: 4) { nodes { favourites(first: 1) { pageInfo { endCursor } nodes { id } } } } }")).Data;
        var cursorOwner = first.At("owners", "nodes").EnumerateArray().First(o => o.At("favourites", "nodes").GetArrayLength() > 0);
        var cursor = cursorOwner.At("favourites", "pageInfo", "endCursor").GetString();
        var cursorItem = cursorOwner.At("favourites", "nodes", "0", "id").GetString();
        var query = $$"""{ owners(first: 4) { nodes { id favourites(first: 2, after: "{{cursor}}") { nodes { id } } } } }""";
        var response = await Server.ExecuteAsync(query);
        // The cursor names a position in the order, so every parent's page continues after that item.
        var order = Expected.NewestFirst(Server.Seed.Items).Select(i => i.Id).ToList();
        var after = order.IndexOf(cursorItem!);
        Assert.Equal(ExpectedFavourites(4, items => Expected.NewestFirst(items).Where(i => order.IndexOf(i.Id) > after).Take(2)),
            Pages(response.Data.At("owners")));
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
        {
            var subquery = WindowedSubquery(Assert.Single(response.Commands, c => c.Contains(Window, StringComparison.Ordinal)));
            Assert.Matches(new Regex("WHERE .*\"OwnerId\" IN \\(.*\"Day\" <", RegexOptions.Singleline), subquery);
        }
    }

    [Fact]
    public async Task Nested_pages_under_a_filtered_root_page_keep_per_parent_counts()
    {
        const string query = """
            { owners(first: 50, where: { name: { neq: "Ada" } }) { nodes { id favourites(first: 1) { totalCount pageInfo { hasNextPage } } } } }
            """;
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        var expected = Expected.ByName(seed.Owners.Where(o => o.Name != "Ada")).ToDictionary(o => o.Id, o => o.Favourites.Count);
        var actual = response.Data.At("owners", "nodes").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!, o => o.Int("favourites", "totalCount"));
        Assert.Equal(expected, actual);
        Assert.All(response.Data.At("owners", "nodes").EnumerateArray(),
            o => Assert.Equal(expected[o.GetProperty("id").GetString()!] > 1, o.Bool("favourites", "pageInfo", "hasNextPage")));
        MatchSql(query, response.Commands);
    }
}

public sealed class SqliteNestedPagingTests(SqliteShopServer server) : NestedPagingTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryNestedPagingTests(InMemoryShopServer server) : NestedPagingTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresNestedPagingTests(PostgresShopServer server) : NestedPagingTests(server), IClassFixture<PostgresShopServer>;
