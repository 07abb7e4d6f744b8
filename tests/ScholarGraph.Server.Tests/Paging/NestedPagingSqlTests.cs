using System.Text.RegularExpressions;
using ScholarGraph.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.Paging;

/// <summary>
/// A nested page is one windowed query per level, and the window numbers only the children of the batch's parents: the parents'
/// keys restrict the child rows inside the windowed subquery, where the foreign key's index finds them, not only outside it
/// (which made SQLite number every authorship of the store to keep one author's page).
/// </summary>
public sealed class NestedPagingSqlTests(SqliteScholarGraphFactory server, ITestOutputHelper output) : IClassFixture<SqliteScholarGraphFactory>
{
    private async Task<string> WindowedQueryOfAsync(string query)
    {
        _ = server.Services; // starts and seeds the host first, so the seed's commands are not counted
        server.Commands.Reset();
        await server.QueryAsync(query);
        var sql = Assert.Single(server.Commands.Commands, c => c.Contains("ROW_NUMBER() OVER(PARTITION BY", StringComparison.Ordinal));
        output.WriteLine(sql);
        return sql;
    }

    // The subquery that holds the window: from its SELECT to the parenthesis that closes it.
    private static string WindowedSubquery(string sql)
    {
        var window = sql.IndexOf("ROW_NUMBER() OVER(PARTITION BY", StringComparison.Ordinal);
        var start = sql.LastIndexOf("(", sql.LastIndexOf("SELECT", window, StringComparison.Ordinal), StringComparison.Ordinal);
        var depth = 0;
        for (var i = start; i < sql.Length; i++)
        {
            depth += sql[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
                return sql[start..(i + 1)];
        }
        throw new InvalidOperationException("The windowed subquery is not closed.");
    }

    [Theory]
    [InlineData("{ authors(first: 3) { nodes { papers(first: 2) { nodes { title } } } } }", "Authorships", "AuthorId")]
    [InlineData("{ authors(first: 3) { nodes { papers(first: 2, where: { title: { contains: \"a\" } }, order: [{ title: ASC }]) { nodes { title } } } } }", "Authorships", "AuthorId")]
    [InlineData("{ papers(first: 3) { nodes { cites(first: 2) { nodes { title } } } } }", "Citations", "CitingPaperId")]
    [InlineData("{ topics(first: 3) { nodes { papers(first: 2) { nodes { title } } } } }", "PaperTopics", "TopicId")]
    public async Task The_parents_keys_restrict_the_children_inside_the_window(string query, string childTable, string foreignKey)
    {
        var subquery = WindowedSubquery(await WindowedQueryOfAsync(query));
        Assert.Contains($"FROM \"{childTable}\"", subquery);
        Assert.Matches(new Regex($"WHERE .*\"{foreignKey}\" IN \\(", RegexOptions.Singleline), subquery);
    }

    [Fact]
    public async Task A_second_page_of_children_keeps_the_restriction_and_its_cursor()
    {
        var first = await server.QueryAsync("{ authors(first: 2) { nodes { papers(first: 2) { pageInfo { endCursor } nodes { title } } } } }");
        var cursor = first.GetProperty("authors").GetProperty("nodes")[0].GetProperty("papers").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var subquery = WindowedSubquery(await WindowedQueryOfAsync(
            $$"""{ authors(first: 2) { nodes { papers(first: 2, after: "{{cursor}}") { nodes { title } } } } }"""));
        Assert.Matches(new Regex("WHERE .*\"AuthorId\" IN \\(.*\"PublicationDate\" <", RegexOptions.Singleline), subquery);
    }
}
