using ScholarGraph.Tests.Shared.Postgres;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Paging;

/// <summary>Cursor paging of a root connection and of nested ones: the default page, forwards, backwards, limits and bad cursors.</summary>
public abstract class ConnectionPagingTests(TinyServer server) : TinyTests(server)
{
    private const string Forward = """
        query($first: Int, $after: String) {
          owners(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } }
        }
        """;

    [Fact]
    public async Task Owners_come_by_name_and_the_default_page_holds_ten()
    {
        const string query = "{ owners { totalCount nodes { id } pageInfo { hasNextPage } } }";
        var (json, sql) = await Server.ExecuteAsync(query);
        var owners = json.At("data", "owners");
        Assert.Equal(14, owners.Int("totalCount"));
        Assert.Equal(Expected.ByName(Server.Seed.Owners).Take(10).Select(o => o.Id), owners.Nodes("id"));
        Assert.True(owners.Bool("pageInfo", "hasNextPage"));
        MatchSql(query, sql);
    }

    [Fact]
    public async Task Paging_forwards_by_endCursor_visits_every_owner_once_in_order()
    {
        var seen = new List<string?>();
        var commands = new List<string>();
        string? after = null;
        bool more;
        do
        {
            var response = await Server.ExecuteAsync(Forward, new { first = 5, after });
            commands.AddRange(response.Commands);
            var owners = response.Data.At("owners");
            seen.AddRange(owners.GetProperty("edges").EnumerateArray().Select(e => e.At("node", "id").GetString()));
            var pageInfo = owners.GetProperty("pageInfo");
            Assert.Equal(after is not null, pageInfo.Bool("hasPreviousPage"));
            Assert.Equal(owners.GetProperty("edges")[0].GetProperty("cursor").GetString(), pageInfo.GetProperty("startCursor").GetString());
            more = pageInfo.Bool("hasNextPage");
            after = pageInfo.GetProperty("endCursor").GetString();
        } while (more);
        Assert.Equal(Expected.ByName(Server.Seed.Owners).Select(o => o.Id), seen);
        MatchSql(Forward, commands);
    }

    [Fact]
    public async Task Paging_backwards_with_last_and_before_returns_the_preceding_items_in_order()
    {
        var all = Expected.ByName(Server.Seed.Owners).Select(o => (string?)o.Id).ToList();
        var last = (await Server.ExecuteAsync("{ owners(last: 3) { pageInfo { hasPreviousPage hasNextPage startCursor } nodes { id } } }")).Data.At("owners");
        Assert.Equal(all[^3..], last.Nodes("id"));
        Assert.True(last.Bool("pageInfo", "hasPreviousPage"));
        Assert.False(last.Bool("pageInfo", "hasNextPage"));
        const string query = "query($b: String) { owners(last: 4, before: $b) { pageInfo { hasNextPage hasPreviousPage } nodes { id } } }";
        var (json, sql) = await Server.ExecuteAsync(query, new { b = last.At("pageInfo", "startCursor").GetString() });
        var previous = json.At("data", "owners");
        Assert.Equal(all[^7..^3], previous.Nodes("id"));
        Assert.True(previous.Bool("pageInfo", "hasNextPage"));
        Assert.True(previous.Bool("pageInfo", "hasPreviousPage"));
        MatchSql(query, sql);
    }

    [Fact]
    public async Task Nested_connections_page_per_parent()
    {
        const string query = "{ owners(first: 50) { nodes { id items(first: 1) { totalCount pageInfo { hasNextPage } nodes { id } } } } }";
        var (json, sql) = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        var byId = json.At("data", "owners", "nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("items"));
        Assert.Equal(14, byId.Count);
        foreach (var owner in seed.Owners)
        {
            var items = Expected.NewestFirst(seed.ItemsOf(owner));
            var page = byId[owner.Id];
            Assert.Equal(items.Count, page.Int("totalCount"));
            Assert.Equal(items.Count > 1, page.Bool("pageInfo", "hasNextPage"));
            Assert.Equal(items.Take(1).Select(i => i.Id), page.Nodes("id"));
        }
        Assert.Contains(seed.Owners, o => seed.ItemsOf(o).Count() > 2);
        MatchSql(query, sql);
    }

    [Theory]
    [InlineData("{ owners(first: 51) { nodes { name } } }", "PAGING_INVALID_PAGE_SIZE", "owners: 'first' must be between 0 and 50, not 51.")]
    [InlineData("{ owners(last: -1) { nodes { name } } }", "PAGING_INVALID_PAGE_SIZE", "owners: 'last' must be between 0 and 50, not -1.")]
    [InlineData("{ owners(first: 2, last: 2) { nodes { name } } }", "PAGING_INVALID_ARGUMENTS", "owners: pass either 'first' or 'last', not both.")]
    [InlineData("{ owners(after: \"not-a-cursor\") { nodes { name } } }", "PAGING_INVALID_CURSOR",
        "owners: the cursor 'not-a-cursor' is not a cursor; use a cursor this field returned.")]
    // ["Item:newest","2025-01-01","x"]: a cursor of another connection
    [InlineData("{ owners(after: \"WyJJdGVtOm5ld2VzdCIsIjIwMjUtMDEtMDEiLCJ4Il0=\") { nodes { name } } }", "PAGING_INVALID_CURSOR",
        "belongs to another connection or order")]
    public async Task Bad_paging_arguments_get_an_error_naming_the_argument_and_send_no_sql(string query, string code, string message)
    {
        var response = await Server.ExecuteAsync(query);
        var error = response.Error;
        Assert.Equal(code, error.At("extensions", "code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Json.At("data", "owners").ValueKind);
        Assert.Empty(response.Commands);
    }
}

public sealed class SqliteConnectionPagingTests(SqliteShopServer server) : ConnectionPagingTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryConnectionPagingTests(InMemoryShopServer server) : ConnectionPagingTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresConnectionPagingTests(PostgresShopServer server) : ConnectionPagingTests(server), IClassFixture<PostgresShopServer>;
