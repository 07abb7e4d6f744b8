using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Schema;

namespace ScholarGraph.Server.Tests.Papers;

/// <summary>
/// Author.papers and Topic.papers pages cut from the graph index (no <c>where</c>, no <c>order</c>, forward), on a generated
/// 300-paper graph on SQLite: checked against the seed files, against the store's windowed query through each other's cursors,
/// and by the SQL they send.
/// </summary>
public sealed class PaperPagesFromIndexTests(GeneratedSqliteScholarGraphFactory server) : IClassFixture<GeneratedSqliteScholarGraphFactory>
{
    private const string Page = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id title publicationDate }";

    private static List<string> Ids(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();

    // Each parent's papers newest first, then by key, as the seed files say.
    private Dictionary<string, List<Domain.Paper>> Expected(string parent)
    {
        var papers = server.Graph.Papers.ToDictionary(p => p.Id);
        var links = parent == "author"
            ? server.Graph.Authorships.Select(s => (Parent: s.AuthorId, s.PaperId))
            : server.Graph.PaperTopics.Select(l => (Parent: l.TopicId, l.PaperId));
        return links.GroupBy(l => l.Parent).ToDictionary(g => g.Key, g => g.Select(l => papers[l.PaperId]).DistinctBy(p => p.Id)
            .OrderByDescending(p => p.PublicationDate).ThenBy(p => p.Id, StringComparer.Ordinal).ToList());
    }

    private async Task<JsonElement> PapersAsync(string parent, string key, string arguments) =>
        (await server.QueryAsync($"query($id: ID!) {{ {parent}(id: $id) {{ papers({arguments}) {{ {Page} }} }} }}",
            new { id = GlobalId.Encode(parent == "author" ? "Author" : "Topic", key) })).GetProperty(parent).GetProperty("papers");

    [Theory]
    [InlineData("author", 2)]
    [InlineData("topic", 7)]
    public async Task Every_parents_papers_read_page_by_page_match_the_seed_files_newest_first_with_their_titles(string parent, int size)
    {
        var expected = Expected(parent);
        var multiPage = 0;
        foreach (var key in expected.Keys.Order(StringComparer.Ordinal).Take(60))
        {
            var seen = new List<(string Id, string Title, string? Date)>();
            string? after = null;
            for (var pages = 0; ; pages++)
            {
                var page = await PapersAsync(parent, key, after is null ? $"first: {size}" : $"first: {size}, after: \"{after}\"");
                Assert.Equal(expected[key].Count, page.GetProperty("totalCount").GetInt32());
                seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("id").GetString()!,
                    n.GetProperty("title").GetString()!, n.GetProperty("publicationDate").GetString())));
                var info = page.GetProperty("pageInfo");
                Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
                if (!info.GetProperty("hasNextPage").GetBoolean())
                {
                    multiPage += pages > 0 ? 1 : 0;
                    break;
                }
                // A page that does not move on would loop for ever: no parent here has a hundred pages.
                Assert.True(pages < 100, $"{parent} {key}: the pages do not end");
                after = info.GetProperty("endCursor").GetString();
            }
            Assert.Equal(expected[key].Select(p => (GlobalId.Encode("Paper", p.Id), p.Title, p.PublicationDate?.ToString("yyyy-MM-dd"))), seen);
        }
        Assert.True(multiPage > 5, $"expected several {parent}s with more than one page, got {multiPage}");
    }

    [Theory]
    [InlineData("author")]
    [InlineData("topic")]
    public async Task Its_cursors_and_the_stores_continue_each_other(string parent)
    {
        var (key, papers) = Expected(parent).Where(e => e.Value.Count >= 4).OrderBy(e => e.Key, StringComparer.Ordinal).First();
        var all = papers.Select(p => GlobalId.Encode("Paper", p.Id)).ToList();

        // Forward from the index, then backward from its end cursor (backward pages are the store's windowed query).
        var first = await PapersAsync(parent, key, "first: 3");
        Assert.Equal(all.Take(3), Ids(first));
        var end = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        Assert.Equal(all.Take(2), Ids(await PapersAsync(parent, key, $"last: 2, before: \"{end}\"")));

        // Backward from the store, then forward from its start cursor through the index.
        var last = await PapersAsync(parent, key, "last: 2");
        Assert.Equal(all.TakeLast(2), Ids(last));
        var start = last.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        Assert.Equal(all.TakeLast(1), Ids(await PapersAsync(parent, key, $"first: 10, after: \"{start}\"")));
    }

    [Theory]
    [InlineData("authors", 0)]
    [InlineData("topics", 1)]
    public async Task A_level_of_pages_reads_the_columns_the_index_lacks_in_one_keyed_query_and_no_window(string parents, int parentQueries)
    {
        await server.QueryAsync("{ authors(first: 1) { totalCount } }");

        // Titles are held beside the index, as the authors' names are: a page of authors (cut from the index) with their
        // newest titles reads nothing; a topics page is one query.
        server.Commands.Reset();
        var data = await server.QueryAsync($"{{ {parents}(first: 20) {{ nodes {{ id papers(first: 5) {{ nodes {{ title }} }} }} }} }}");
        Assert.InRange(data.GetProperty(parents).GetProperty("nodes").GetArrayLength(), 10, 20);
        Assert.Equal(parentQueries, server.Commands.Commands.Count);

        // A column the index does not hold: the parents' page, then that column of every parent's page at once.
        server.Commands.Reset();
        await server.QueryAsync($"{{ {parents}(first: 20) {{ nodes {{ id papers(first: 5) {{ nodes {{ title abstract }} }} }} }} }}");
        Assert.Equal(parentQueries + 1, server.Commands.Commands.Count);
        Assert.DoesNotContain(server.Commands.Commands, c => c.Contains("ROW_NUMBER", StringComparison.Ordinal));

        // With `where` the store pages, with the window.
        server.Commands.Reset();
        await server.QueryAsync($"{{ {parents}(first: 20) {{ nodes {{ papers(first: 5, where: {{ title: {{ contains: \"a\" }} }}) {{ nodes {{ id }} }} }} }} }}");
        Assert.Contains(server.Commands.Commands, c => c.Contains("ROW_NUMBER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_cursor_is_refused_as_the_stores_path_refuses_it()
    {
        var author = Expected("author").Keys.Order(StringComparer.Ordinal).First();
        var response = await server.ExecuteAsync("query($id: ID!) { author(id: $id) { papers(first: 2, after: \"not-a-cursor\") { nodes { id } } } }",
            new { id = GlobalId.Encode("Author", author) });
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Contains("author.papers(after)", error.GetProperty("message").GetString());
    }
}
