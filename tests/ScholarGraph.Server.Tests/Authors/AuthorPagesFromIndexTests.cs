using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Schema;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Tests.Authors;

/// <summary>
/// Pages of all authors in their default order (by name, then key) cut from the names beside the graph index, on a generated
/// 300-paper graph on SQLite: checked against the store's own ORDER BY (the same order asked for explicitly, which the store
/// answers), through each other's cursors, after writes that rename and add authors, and by the SQL they send.
/// </summary>
public sealed class AuthorPagesFromIndexTests(GeneratedSqliteScholarGraphFactory server) : IClassFixture<GeneratedSqliteScholarGraphFactory>
{
    private const string Page = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id name }";

    private async Task<JsonElement> AuthorsAsync(string arguments) =>
        (await server.QueryAsync($"{{ authors({arguments}) {{ {Page} }} }}")).GetProperty("authors");

    private static List<string> Ids(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();

    // Every author, page by page of `size`, with `arguments` added to every page's; checks totalCount and hasPreviousPage on the way.
    private async Task<List<(string Id, string Name)>> WalkAsync(int size, string arguments = "")
    {
        var seen = new List<(string, string)>();
        string? after = null;
        for (var pages = 0; ; pages++)
        {
            var page = await AuthorsAsync($"first: {size}{arguments}" + (after is null ? "" : $", after: \"{after}\""));
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("id").GetString()!, n.GetProperty("name").GetString()!)));
            var info = page.GetProperty("pageInfo");
            Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                Assert.Equal(seen.Count, page.GetProperty("totalCount").GetInt32());
                return seen;
            }
            Assert.True(pages < 1000, "the pages do not end");
            after = info.GetProperty("endCursor").GetString();
        }
    }

    [Fact]
    public async Task Every_author_read_page_by_page_comes_in_the_stores_order_and_without_a_query()
    {
        await server.QueryAsync("{ authors(first: 1) { totalCount } }");
        server.Commands.Reset();
        var fromIndex = await WalkAsync(37);
        Assert.Empty(server.Commands.Commands);

        var fromStore = await WalkAsync(37, ", order: [{ name: ASC }]");
        Assert.NotEmpty(server.Commands.Commands);
        Assert.True(fromIndex.Count > 100, $"expected the generated graph's authors, got {fromIndex.Count}");
        Assert.Equal(fromStore, fromIndex);
    }

    [Fact]
    public async Task Its_cursors_and_the_stores_continue_each_other()
    {
        var all = Ids(await AuthorsAsync("first: 10"));

        // Forward from the index, then backward from its end cursor (backward pages are the store's).
        var end = (await AuthorsAsync("first: 6")).GetProperty("pageInfo").GetProperty("endCursor").GetString();
        Assert.Equal(all.Skip(2).Take(3), Ids(await AuthorsAsync($"last: 3, before: \"{end}\"")));

        // Backward from the store, then forward from its start cursor on the index.
        var backward = await AuthorsAsync($"last: 2, before: \"{end}\"");
        var start = backward.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        Assert.Equal(all.Skip(4).Take(4), Ids(await AuthorsAsync($"first: 4, after: \"{start}\"")));
    }

    [Fact]
    public async Task A_selection_reading_other_columns_or_a_filter_is_answered_by_the_store()
    {
        await server.QueryAsync("{ authors(first: 1) { totalCount } }");
        server.Commands.Reset();
        await server.QueryAsync("{ authors(first: 5) { nodes { name orcid } } }");
        Assert.Single(server.Commands.Commands);

        server.Commands.Reset();
        await server.QueryAsync("{ authors(first: 5, where: { name: { startsWith: \"A\" } }) { nodes { name } } }");
        Assert.Single(server.Commands.Commands);
    }

    [Fact]
    public async Task Renamed_and_added_authors_take_their_places_at_once_in_code_point_order()
    {
        // Read once, so that the order is worked out and the writes below update it rather than sort afresh.
        await WalkAsync(50);
        // U+1D504 is a surrogate pair in UTF-16 (D835 DD04), below U+FF46 by code unit but above it by code point, as the store
        // (SQLite compares UTF-8 bytes) orders them.
        string[] names = ["Zoë Ávila", "Émile Zola", "\uFF46ullwidth Letters", "\U0001D504 Fraktur", "aardvark lowercase", "Zoe Avila"];
        await using (var db = await Db())
        {
            db.Authors.AddRange(names.Select((name, i) => new Author { Id = $"pages-added-{i}", Name = name }));
            await db.SaveChangesAsync();
        }
        await Publish([.. names.Select((_, i) => (GraphChange)new AuthorAdded($"pages-added-{i}"))]);

        var renamed = (await server.QueryAsync("{ authors(first: 1) { nodes { id } } }")).GetProperty("authors");
        var renamedKey = KeyOf(Ids(renamed)[0]);
        await using (var db = await Db())
            await db.Authors.Where(a => a.Id == renamedKey).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Zz renamed to the end"));
        await Publish(new AuthorUpdated(renamedKey));

        var fromIndex = await WalkAsync(23);
        Assert.Equal(await WalkAsync(23, ", order: [{ name: ASC }]"), fromIndex);
        var positions = fromIndex.Select(a => a.Name).ToList();
        Assert.True(positions.IndexOf("\uFF46ullwidth Letters") < positions.IndexOf("\U0001D504 Fraktur"), "code point order puts U+FF46 first");
        Assert.True(positions.IndexOf("Zz renamed to the end") < positions.IndexOf("aardvark lowercase"), "upper case sorts before lower case");
        Assert.NotEqual(renamedKey, KeyOf(fromIndex[0].Id));
    }

    private static string KeyOf(string id) => GlobalId.TryDecode(id, out _, out var key) ? key : throw new ArgumentException(id);

    private async Task<ScholarGraphDbContext> Db() =>
        await server.Services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync();

    private async Task Publish(params GraphChange[] changes) =>
        await server.Services.GetRequiredService<GraphChangePublisher>().PublishAsync(changes);
}
