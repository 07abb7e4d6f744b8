using ScholarGraph.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.Filtering;

/// <summary>The SQL that filters and orders become, on SQLite: predicates in the database and a bounded number of round trips.</summary>
public sealed class FilterSqlTests(SqliteScholarGraphFactory server, ITestOutputHelper output) : IClassFixture<SqliteScholarGraphFactory>
{
    private async Task<string> SqlOfAsync(string query)
    {
        server.Commands.Reset();
        await server.QueryAsync(query);
        var sql = string.Join("\n;\n", server.Commands.Commands);
        output.WriteLine(sql);
        return sql;
    }

    [Fact]
    public async Task List_filters_become_exists_and_count_subqueries()
    {
        var sql = await SqlOfAsync("""
            { authors(where: { papers: { some: { title: { contains: "LLM" } }, count: { gt: 2 } } }) { nodes { name } } }
            """);
        Assert.Single(server.Commands.Commands);
        Assert.Contains("EXISTS (", sql);
        Assert.Contains("COUNT(*)", sql);
        Assert.Contains("instr(", sql);
    }

    [Fact]
    public async Task Default_string_operators_avoid_case_insensitive_like()
    {
        var sql = await SqlOfAsync("""
            { papers(where: { or: [{ title: { startsWith: "Inter" } }, { title: { endsWith: "LLMs" } }, { title: { ieq: "x" } }] }) { nodes { title } } }
            """);
        Assert.DoesNotContain("LIKE", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("substr(", sql);
        Assert.Contains("lower(", sql);
    }

    [Fact]
    public async Task Nested_filtered_and_ordered_pages_stay_a_bounded_set_of_queries()
    {
        const string query = """
            query($size: Int!) {
              authors(first: $size, order: [{ name: DESC }]) {
                nodes {
                  name
                  papers(first: 3, where: { publicationDate: { gte: "2025-01-01" } }, order: [{ title: ASC }]) { totalCount nodes { title } }
                }
              }
            }
            """;
        await server.QueryAsync("{ authors(first: 1) { nodes { name } } }"); // starts and seeds the server outside the count
        var counts = new List<int>();
        foreach (var size in new[] { 2, 12 })
        {
            server.Commands.Reset();
            var data = await server.QueryAsync(query, new { size });
            Assert.Equal(size, data.GetProperty("authors").GetProperty("nodes").GetArrayLength());
            counts.Add(server.Commands.Commands.Count);
        }
        Assert.Equal(counts[0], counts[1]);
        Assert.Equal(3, counts[1]); // the authors page, one batched page of papers, one batched count
        var papersSql = server.Commands.Commands[1];
        Assert.Contains("ROW_NUMBER() OVER(PARTITION BY", papersSql);
        Assert.Contains("\"PublicationDate\" >=", papersSql);
    }
}
