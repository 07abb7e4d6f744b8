using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Schema;

namespace ScholarGraph.Server.Tests.Authors;

/// <summary>
/// Author.papers pages cut from the graph index (no <c>where</c>, no <c>order</c>, forward), on a generated 300-paper graph on
/// SQLite: checked against the seed files, against the store's windowed query through each other's cursors, and by the SQL
/// they send.
/// </summary>
public sealed class AuthorPapersFromIndexTests(GeneratedSqliteScholarGraphFactory server) : IClassFixture<GeneratedSqliteScholarGraphFactory>
{
    private const string Page = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id title publicationDate }";

    private static List<string> Ids(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();

    // Newest first, then by key, as the seed files say.
    private Dictionary<string, List<Domain.Paper>> ExpectedPapers()
    {
        var papers = server.Graph.Papers.ToDictionary(p => p.Id);
        return server.Graph.Authorships.GroupBy(s => s.AuthorId).ToDictionary(g => g.Key, g => g.Select(s => papers[s.PaperId])
            .OrderByDescending(p => p.PublicationDate).ThenBy(p => p.Id, StringComparer.Ordinal).ToList());
    }

    private async Task<JsonElement> PapersAsync(string authorKey, string arguments) =>
        (await server.QueryAsync($"query($id: ID!) {{ author(id: $id) {{ papers({arguments}) {{ {Page} }} }} }}",
            new { id = GlobalId.Encode("Author", authorKey) })).GetProperty("author").GetProperty("papers");

    [Fact]
    public async Task Every_authors_papers_read_page_by_page_match_the_seed_files_newest_first_with_their_titles()
    {
        var expected = ExpectedPapers();
        var authors = expected.Keys.Order(StringComparer.Ordinal).Take(60).ToList();
        var multiPage = 0;
        foreach (var author in authors)
        {
            var seen = new List<(string Id, string Title, string? Date)>();
            string? after = null;
            for (var pages = 0; ; pages++)
            {
                var page = await PapersAsync(author, after is null ? "first: 2" : $"first: 2, after: \"{after}\"");
                Assert.Equal(expected[author].Count, page.GetProperty("totalCount").GetInt32());
                seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("id").GetString()!,
                    n.GetProperty("title").GetString()!, n.GetProperty("publicationDate").GetString())));
                var info = page.GetProperty("pageInfo");
                Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
                if (!info.GetProperty("hasNextPage").GetBoolean())
                {
                    multiPage += pages > 0 ? 1 : 0;
                    break;
                }
                // A page that does not move on would loop for ever: no author here has a hundred papers.
                Assert.True(pages < 100, $"author {author}: the pages do not end");
                after = info.GetProperty("endCursor").GetString();
            }
            Assert.Equal(expected[author].Select(p => (GlobalId.Encode("Paper", p.Id), p.Title, p.PublicationDate?.ToString("yyyy-MM-dd"))), seen);
        }
        Assert.True(multiPage > 10, $"expected many authors with more than one page, got {multiPage}");
    }

    [Fact]
    public async Task Its_cursors_and_the_stores_continue_each_other()
    {
        var expected = ExpectedPapers();
        var (author, papers) = expected.Where(e => e.Value.Count >= 4).OrderBy(e => e.Key, StringComparer.Ordinal).First();
        var all = papers.Select(p => GlobalId.Encode("Paper", p.Id)).ToList();

        // Forward from the index, then backward from its end cursor (backward pages are the store's windowed query).
        var first = await PapersAsync(author, "first: 3");
        Assert.Equal(all.Take(3), Ids(first));
        var end = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        Assert.Equal(all.Take(2), Ids(await PapersAsync(author, $"last: 2, before: \"{end}\"")));

        // Backward from the store, then forward from its start cursor through the index.
        var last = await PapersAsync(author, "last: 2");
        Assert.Equal(all.TakeLast(2), Ids(last));
        var start = last.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        Assert.Equal(all.TakeLast(1), Ids(await PapersAsync(author, $"first: 10, after: \"{start}\"")));
    }

    [Fact]
    public async Task A_level_of_authors_pages_reads_the_papers_columns_in_one_keyed_query_and_no_window()
    {
        await server.QueryAsync("{ authors(first: 1) { totalCount } }");

        server.Commands.Reset();
        var data = await server.QueryAsync("{ authors(first: 20) { nodes { name papers(first: 5) { nodes { title } } } } }");
        Assert.Equal(20, data.GetProperty("authors").GetProperty("nodes").GetArrayLength());
        // The authors' page, then the titles of every author's page at once.
        Assert.Equal(2, server.Commands.Commands.Count);
        Assert.DoesNotContain(server.Commands.Commands, c => c.Contains("ROW_NUMBER", StringComparison.Ordinal));

        server.Commands.Reset();
        await server.QueryAsync("{ authors(first: 20) { nodes { name papers(first: 5) { totalCount nodes { id publicationDate } } } } }");
        // The index holds the keys and the dates: only the authors' page is read.
        Assert.Single(server.Commands.Commands);

        // With `where` the store pages, with the window.
        server.Commands.Reset();
        await server.QueryAsync("{ authors(first: 20) { nodes { papers(first: 5, where: { title: { contains: \"a\" } }) { nodes { id } } } } }");
        Assert.Contains(server.Commands.Commands, c => c.Contains("ROW_NUMBER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_cursor_is_refused_as_the_stores_path_refuses_it()
    {
        var author = ExpectedPapers().Keys.Order(StringComparer.Ordinal).First();
        var response = await server.ExecuteAsync("query($id: ID!) { author(id: $id) { papers(first: 2, after: \"not-a-cursor\") { nodes { id } } } }",
            new { id = GlobalId.Encode("Author", author) });
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Contains("author.papers(after)", error.GetProperty("message").GetString());
    }
}
