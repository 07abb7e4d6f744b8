using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Projection;

/// <summary>
/// The SQL a selection sends reads the columns it needs and no others (SQLite, where there is SQL to read), batched loads by key
/// included (Hot Chocolate's projections cannot reach those and over-fetch: its issue 6191).
/// </summary>
public sealed class ProjectionSqlTests(SqliteScholarGraphFactory server) : IClassFixture<SqliteScholarGraphFactory>
{
    private async Task<IReadOnlyList<string>> SqlOfAsync(string query)
    {
        _ = server.Services; // starts and seeds the host first, so the seed's commands are not counted
        server.Commands.Reset();
        await server.QueryAsync(query);
        return server.Commands.Commands;
    }

    private static string SelectList(string command) => command[..command.IndexOf("FROM", StringComparison.Ordinal)];

    [Fact]
    public async Task A_page_of_titles_reads_the_key_the_title_and_the_order_columns_but_not_the_abstract()
    {
        var sql = Assert.Single(await SqlOfAsync("{ papers(first: 3) { nodes { title } } }"));
        var columns = SelectList(sql);
        Assert.Contains("\"Id\"", columns);
        Assert.Contains("\"Title\"", columns);
        Assert.Contains("\"PublicationDate\"", columns);
        Assert.DoesNotContain("\"Abstract\"", sql);
        Assert.DoesNotContain("\"CodeUrl\"", sql);
        Assert.DoesNotContain("\"Doi\"", sql);
    }

    [Fact]
    public async Task A_fragment_spread_adds_its_columns()
    {
        var sql = Assert.Single(await SqlOfAsync("""
            { papers(first: 3) { nodes { title ...Extra } } }
            fragment Extra on Paper { abstract codeUrl }
            """));
        Assert.Contains("\"Abstract\"", SelectList(sql));
        Assert.Contains("\"CodeUrl\"", SelectList(sql));
        Assert.DoesNotContain("\"Doi\"", sql);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public async Task Nested_paging_reads_no_abstract_and_takes_one_command_per_level(int authors)
    {
        var sql = await SqlOfAsync($$"""
            { authors(first: {{authors}}) { nodes { name papers(first: 2) { nodes { title papers: authors { author { name } } } } } } }
            """);
        // authors page, their papers pages (one windowed query), the papers' authorships, those authors by key.
        Assert.Equal(4, sql.Count);
        Assert.All(sql, command => Assert.DoesNotContain("\"Abstract\"", command));
        Assert.All(sql, command => Assert.DoesNotContain("\"Orcid\"", command));
        Assert.Contains(sql, command => command.Contains("ROW_NUMBER() OVER(PARTITION BY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batched_loads_by_key_read_only_the_selected_columns()
    {
        var sql = await SqlOfAsync("""
            { papers(first: 6) { nodes { authors { author { name } } topics { topic { name } } } } }
            """);
        var authorsByKey = Assert.Single(sql, c => c.Contains("FROM \"Authors\"", StringComparison.Ordinal));
        Assert.Contains("\"Name\"", SelectList(authorsByKey));
        Assert.DoesNotContain("\"Orcid\"", authorsByKey);
        Assert.DoesNotContain("\"OpenAlexId\"", authorsByKey);
        var topicsByKey = Assert.Single(sql, c => c.Contains("FROM \"Topics\"", StringComparison.Ordinal));
        Assert.DoesNotContain("\"Keywords\"", topicsByKey);
        var papers = Assert.Single(sql, c => c.Contains("FROM \"Papers\"", StringComparison.Ordinal));
        Assert.DoesNotContain("\"Title\"", SelectList(papers));
    }

    [Fact]
    public async Task Node_reads_the_columns_of_the_fragment_on_its_type()
    {
        var sql = Assert.Single(await SqlOfAsync("""
            { node(id: "QXV0aG9yOmRldnZyaXQta2hhdHJp") { id ... on Author { orcid } ... on Paper { title } } }
            """));
        Assert.Contains("\"Orcid\"", SelectList(sql));
        Assert.DoesNotContain("\"Name\"", sql);
        Assert.DoesNotContain("\"Title\"", sql);
    }
}
