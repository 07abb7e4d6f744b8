using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Paging;

/// <summary>Cursor paging of root connections: forwards, backwards, limits and bad cursors, on every provider.</summary>
public abstract class ConnectionPagingTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    private const string Forward = """
        query($first: Int, $after: String) {
          authors(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } } }
        }
        """;

    private async Task<List<string?>> AllNamesAsync()
    {
        var data = await server.QueryAsync("{ authors(first: 50) { nodes { name } } }");
        return data.GetProperty("authors").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ToList();
    }

    [Fact]
    public async Task Authors_come_by_name_and_the_default_page_holds_ten()
    {
        var authors = (await server.QueryAsync("{ authors { totalCount nodes { name } pageInfo { hasNextPage } } }")).GetProperty("authors");
        Assert.Equal(12, authors.GetProperty("totalCount").GetInt32());
        var names = authors.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ToList();
        Assert.Equal(10, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.True(authors.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Paging_forwards_by_endCursor_visits_every_author_once_in_order()
    {
        var seen = new List<string?>();
        string? after = null;
        bool more;
        do
        {
            var authors = (await server.QueryAsync(Forward, new { first = 5, after })).GetProperty("authors");
            seen.AddRange(authors.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString()));
            var pageInfo = authors.GetProperty("pageInfo");
            Assert.Equal(after is not null, pageInfo.GetProperty("hasPreviousPage").GetBoolean());
            more = pageInfo.GetProperty("hasNextPage").GetBoolean();
            after = pageInfo.GetProperty("endCursor").GetString();
        } while (more);
        Assert.Equal(await AllNamesAsync(), seen);
    }

    [Fact]
    public async Task Paging_backwards_with_last_and_before_returns_the_preceding_items_in_order()
    {
        var all = await AllNamesAsync();
        var last = (await server.QueryAsync("{ authors(last: 3) { pageInfo { hasPreviousPage hasNextPage startCursor } nodes { name } } }"))
            .GetProperty("authors");
        Assert.Equal(all[^3..], last.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.True(last.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        var before = last.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        var previous = (await server.QueryAsync("query($b: String) { authors(last: 4, before: $b) { pageInfo { hasNextPage } nodes { name } } }",
            new { b = before })).GetProperty("authors");
        Assert.Equal(all[^7..^3], previous.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.True(previous.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Nested_connections_page_per_parent()
    {
        var data = await server.QueryAsync("""
            { authors(first: 50) { nodes { name papers(first: 1) { totalCount pageInfo { hasNextPage } nodes { title } } } } }
            """);
        var byName = data.GetProperty("authors").GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("name").GetString()!, n => n.GetProperty("papers"));
        var profile = byName["Devvrit Khatri"];
        Assert.Equal(6, profile.GetProperty("totalCount").GetInt32());
        Assert.True(profile.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal("Learning, Fast and Slow: Towards LLMs That Adapt Continually",
            Assert.Single(profile.GetProperty("nodes").EnumerateArray()).GetProperty("title").GetString());
        var rishabh = byName["Rishabh Tiwari"];
        Assert.Equal(3, rishabh.GetProperty("totalCount").GetInt32());
        var aston = byName["Aston Zhang"];
        Assert.Equal(1, aston.GetProperty("totalCount").GetInt32());
        Assert.False(aston.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData("{ authors(first: 51) { nodes { name } } }", "PAGING_INVALID_PAGE_SIZE", "'first' must be between 0 and 50, not 51")]
    [InlineData("{ authors(last: -1) { nodes { name } } }", "PAGING_INVALID_PAGE_SIZE", "'last' must be between 0 and 50, not -1")]
    [InlineData("{ authors(first: 2, last: 2) { nodes { name } } }", "PAGING_INVALID_ARGUMENTS", "either 'first' or 'last'")]
    [InlineData("{ authors(after: \"not-a-cursor\") { nodes { name } } }", "PAGING_INVALID_CURSOR", "is not a cursor")]
    [InlineData("{ topics(after: \"WyJQYXBlcjpuZXdlc3QiLCIyMDI1LTAxLTAxIiwieCJd\") { nodes { name } } }", "PAGING_INVALID_CURSOR", "belongs to another connection")]
    public Task Bad_paging_arguments_get_an_error_naming_the_argument(string query, string code, string message) =>
        server.AssertRefusedAsync(query, query.Contains("topics") ? "topics" : "authors", code, message);
}

public sealed class ConnectionPagingOnInMemoryTests(ScholarGraphFactory server) : ConnectionPagingTests<ScholarGraphFactory>(server);

public sealed class ConnectionPagingOnSqliteTests(SqliteScholarGraphFactory server) : ConnectionPagingTests<SqliteScholarGraphFactory>(server);
