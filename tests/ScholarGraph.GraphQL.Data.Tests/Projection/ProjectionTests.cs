using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Projection;

/// <summary>
/// Projected loads read the columns a selection needs and no others (fields, fragments, the ordering's keys), for pages, nested
/// pages and batched loads by key alike (Hot Chocolate's projections cannot reach those: its issue 6191), and return the same
/// values as whole rows (nested pages under its projection return nulls: its issue 4424).
/// </summary>
public abstract class ProjectionTests(TinyServer server) : TinyTests(server)
{
    // The columns a command reads, without quotes (PostgreSQL leaves a lower-case alias unquoted, SQLite quotes it).
    private static string SelectList(string command) => command[..command.IndexOf("FROM", StringComparison.Ordinal)].Replace("\"", "", StringComparison.Ordinal);

    private Item ItemOf(JsonElement node) => Server.Seed.Items.Single(i => i.Id == node.GetProperty("id").GetString());

    [Fact]
    public async Task Nested_pages_under_projection_keep_every_selected_value()
    {
        const string query = "{ owners(first: 5) { nodes { id name items(first: 2) { nodes { id name day } } } } }";
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        var nodes = response.Data.At("owners", "nodes").EnumerateArray().SelectMany(o => o.At("items", "nodes").EnumerateArray()).ToList();
        Assert.True(nodes.Count >= 5);
        Assert.All(nodes, n => Assert.Equal(ItemOf(n).Name, n.GetProperty("name").GetString()));
        Assert.All(nodes, n => Assert.Equal(Expected.Text(ItemOf(n).Day), n.GetProperty("day").GetString()));
        Assert.Contains(nodes, n => n.GetProperty("day").ValueKind == JsonValueKind.String);
        MatchSql(query, response.Commands);
    }

    [Fact]
    public async Task Named_and_inline_fragments_add_their_members()
    {
        const string query = """
            { pagedItems(first: 6) { ...Page } }
            fragment Page on PagedItemsConnection { edges { node { id ... on Item { ...Text } } } }
            fragment Text on Item { note }
            """;
        var response = await Server.ExecuteAsync(query);
        var nodes = response.Data.At("pagedItems", "edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(6, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(ItemOf(n).Note, n.GetProperty("note").GetString()));
        Assert.Contains(nodes, n => n.GetProperty("note").ValueKind == JsonValueKind.String);
        MatchSql(query, response.Commands);
    }

    [Fact]
    public async Task The_same_entity_with_different_selections_in_one_level_gets_each_its_own_members()
    {
        const string query = """
            { a: thing(id: "i01") { name } b: thing(id: "i01") { ... on Item { note } } c: thing(id: "i01") { ... on Item { name note rank } } }
            """;
        var response = await Server.ExecuteAsync(query);
        var item = Server.Seed.Items[0];
        Assert.Equal(item.Name, response.Data.At("a", "name").GetString());
        Assert.Equal(item.Note, response.Data.At("b", "note").GetString());
        Assert.Equal(item.Name, response.Data.At("c", "name").GetString());
        Assert.Equal(item.Note, response.Data.At("c", "note").GetString());
        Assert.Equal(item.Rank, response.Data.Int("c", "rank"));
        MatchSql(query, response.Commands);
    }

    [Fact]
    public async Task A_page_of_names_reads_the_key_the_name_and_the_order_columns_but_not_the_note()
    {
        const string query = "{ pagedItems(first: 3) { nodes { name } } }";
        var response = await Server.ExecuteAsync(query);
        Assert.Equal(Expected.NewestFirst(Server.Seed.Items).Take(3).Select(i => (string?)i.Name), response.Data.At("pagedItems").Nodes("name"));
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
        {
            var columns = SelectList(Assert.Single(response.Commands));
            Assert.Equal("SELECT i.Id, i.Day, i.Name\n", columns);
        }
    }

    [Fact]
    public async Task A_fragment_spread_adds_its_columns()
    {
        const string query = """
            { pagedItems(first: 3) { nodes { name ...Extra } } }
            fragment Extra on Item { note size }
            """;
        var response = await Server.ExecuteAsync(query);
        var expected = Expected.NewestFirst(Server.Seed.Items).Take(3).ToList();
        Assert.Equal(expected.Select(i => i.Note), response.Data.At("pagedItems").Nodes("note"));
        Assert.Equal(expected.Select(i => i.Size), response.Data.At("pagedItems", "nodes").EnumerateArray()
            .Select(n => n.GetProperty("size").ValueKind == JsonValueKind.Null ? (int?)null : n.GetProperty("size").GetInt32()));
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
        {
            var columns = SelectList(Assert.Single(response.Commands));
            Assert.Contains("Note", columns);
            Assert.Contains("Size", columns);
            Assert.DoesNotContain("Weight", columns);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public async Task Nested_paging_reads_no_note_and_takes_one_command_per_level(int owners)
    {
        var query = $$"""{ owners(first: {{owners}}) { nodes { name items(first: 2) { nodes { name owner { name } } } } } }""";
        var response = await Server.ExecuteAsync(query);
        var nodes = response.Data.At("owners", "nodes").EnumerateArray().ToList();
        Assert.Equal(owners, nodes.Count);
        Assert.All(nodes, o => Assert.All(o.At("items", "nodes").EnumerateArray(),
            i => Assert.Equal(o.GetProperty("name").GetString(), i.At("owner", "name").GetString())));
        MatchSql(query, response.Commands, owners.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Server.IsRelational)
        {
            // The owners' page, their items' pages (one windowed query), the items' owners by key.
            Assert.Equal(3, response.Commands.Count);
            Assert.All(response.Commands, c => Assert.DoesNotContain("\"Note\"", c));
        }
    }

    [Fact]
    public async Task Batched_loads_by_key_read_only_the_selected_columns()
    {
        const string query = """{ x: thing(id: "i01") { name } y: thing(id: "i02") { name } pagedItems(first: 6) { nodes { owner { name } } } }""";
        var response = await Server.ExecuteAsync(query);
        var seed = Server.Seed;
        Assert.Equal(seed.Items[1].Name, response.Data.At("y", "name").GetString());
        Assert.Equal(Expected.NewestFirst(seed.Items).Take(6).Select(i => seed.OwnerOf(i)?.Name),
            response.Data.At("pagedItems", "nodes").EnumerateArray().Select(n => n.GetProperty("owner") is { ValueKind: JsonValueKind.Object } o ? o.GetProperty("name").GetString() : null));
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
        {
            // Both things in one command, reading their key and name; the page reads the owner's key, not the items' names.
            var things = Assert.Single(response.Commands, c => c.Contains("FROM \"Items\"", StringComparison.Ordinal) && !c.Contains("LIMIT", StringComparison.Ordinal));
            Assert.Equal("SELECT i.Id, i.Name\n", SelectList(things));
            var page = Assert.Single(response.Commands, c => c.Contains("LIMIT", StringComparison.Ordinal));
            Assert.Equal("SELECT i.Id, i.Day, i.OwnerId\n", SelectList(page));
        }
    }

    [Fact]
    public async Task An_interface_selection_reads_the_columns_of_the_fragment_on_its_type()
    {
        const string query = """{ thing(id: "i03") { id ... on Item { note } ... on Owner { name } } }""";
        var response = await Server.ExecuteAsync(query);
        Assert.Equal(Server.Seed.Items[2].Note, response.Data.At("thing", "note").GetString());
        MatchSql(query, response.Commands);
        if (Server.IsRelational)
            Assert.Equal("SELECT i.Id, i.Note\n", SelectList(Assert.Single(response.Commands)));
    }
}

public sealed class SqliteProjectionTests(SqliteShopServer server) : ProjectionTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryProjectionTests(InMemoryShopServer server) : ProjectionTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresProjectionTests(PostgresShopServer server) : ProjectionTests(server), IClassFixture<PostgresShopServer>;
