using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Sorting;

/// <summary>
/// The <c>order</c> argument: several keys with ties broken by id, nulls as the smallest value, cursor paging under a filter and an
/// order, cursors of another order refused, and bad sort input.
/// </summary>
public abstract class SortingTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    private sealed record Row(string Id, string Title, string? Category, string? Date);

    private static List<Row> Rows(JsonElement connection) => connection.GetProperty("nodes").EnumerateArray()
        .Select(n => new Row(n.GetProperty("id").GetString()!, n.GetProperty("title").GetString()!,
            n.GetProperty("category").GetString(), n.GetProperty("publicationDate").GetString()))
        .ToList();

    private async Task<List<Row>> AllPapersAsync() =>
        Rows((await server.QueryAsync("{ papers(first: 50) { nodes { id title category publicationDate } } }")).GetProperty("papers"));

    [Fact]
    public async Task Several_keys_sort_in_order_and_ties_fall_back_to_the_id()
    {
        var all = await AllPapersAsync();
        var data = await server.QueryAsync("""
            { papers(first: 50, order: [{ category: DESC }, { publicationDate: ASC }]) { nodes { id title category publicationDate } } }
            """);
        var expected = all.OrderByDescending(r => r.Category ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.Date ?? "", StringComparer.Ordinal)
            .ThenBy(r => GlobalIdKey(r.Id), StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Rows(data.GetProperty("papers")));
        // The seed's papers share their category, so the second key decides: the order is the dates ascending.
        Assert.Single(all.Select(r => r.Category).Distinct());
    }

    [Fact]
    public async Task Equal_keys_are_ordered_by_id_both_ways()
    {
        var asc = Rows((await server.QueryAsync("{ papers(first: 50, order: [{ category: ASC }]) { nodes { id title category publicationDate } } }")).GetProperty("papers"));
        var desc = Rows((await server.QueryAsync("{ papers(first: 50, order: [{ category: DESC }]) { nodes { id title category publicationDate } } }")).GetProperty("papers"));
        // One category: every row ties, and the id (always ascending) decides in both directions.
        Assert.Equal(asc.Select(r => GlobalIdKey(r.Id)).Order(StringComparer.Ordinal), asc.Select(r => GlobalIdKey(r.Id)));
        Assert.Equal(asc, desc);
    }

    [Fact]
    public async Task Authors_sort_by_name_descending_with_null_orcids_as_the_smallest()
    {
        var names = (await server.QueryAsync("{ authors(first: 50, order: [{ orcid: ASC }, { name: DESC }]) { nodes { name } } }"))
            .GetProperty("authors").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToList();
        // No seed author has an ORCID: all tie on the first key, so the names come descending.
        Assert.Equal(12, names.Count);
        Assert.Equal(names.OrderDescending(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Cursor_paging_under_a_filter_and_an_order_visits_the_filtered_set_once_in_order()
    {
        const string query = """
            query($after: String) {
              papers(first: 2, after: $after, where: { title: { contains: "L" } }, order: [{ title: ASC }]) {
                totalCount pageInfo { hasNextPage endCursor } nodes { id title category publicationDate }
              }
            }
            """;
        var all = await AllPapersAsync();
        var expected = all.Where(r => r.Title.Contains('L')).OrderBy(r => r.Title, StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 2);
        var seen = new List<Row>();
        string? after = null;
        while (true)
        {
            var papers = (await server.QueryAsync(query, new { after })).GetProperty("papers");
            Assert.Equal(expected.Count, papers.GetProperty("totalCount").GetInt32());
            seen.AddRange(Rows(papers));
            if (!papers.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
                break;
            after = papers.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_refused()
    {
        var cursor = (await server.QueryAsync("{ papers(first: 1, order: [{ title: ASC }]) { pageInfo { endCursor } } }"))
            .GetProperty("papers").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        foreach (var order in new[] { "order: [{ title: DESC }]", "order: [{ category: ASC }]", "" })
        {
            server.Commands.Reset();
            var response = await server.ExecuteAsync($$"""query($c: String) { papers(first: 1, after: $c {{(order == "" ? "" : ", " + order)}}) { nodes { title } } }""", new { c = cursor });
            var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
            Assert.Equal("PAGING_INVALID_CURSOR", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Empty(server.Commands.Commands);
        }
    }

    [Fact]
    public async Task Nested_connections_sort_per_parent()
    {
        var data = await server.QueryAsync("""
            query($id: ID!) { author(id: $id) { papers(first: 3, order: [{ title: DESC }]) { nodes { title } } } }
            """, new { id = GlobalId.Encode("Author", "devvrit-khatri") });
        var all = await AllPapersAsync();
        Assert.Equal(all.Select(r => r.Title).OrderDescending(StringComparer.Ordinal).Take(3),
            data.GetProperty("author").GetProperty("papers").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task More_than_one_field_in_an_order_element_is_refused_with_a_coded_error()
    {
        server.Commands.Reset();
        var response = await server.ExecuteAsync("{ papers(order: [{ title: ASC, category: DESC }]) { nodes { title } } }");
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("SORT_INVALID_VALUE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("papers(order).0: each element of 'order' must set exactly one field", error.GetProperty("message").GetString());
        Assert.Empty(server.Commands.Commands);
    }

    [Fact]
    public async Task An_unknown_sort_field_or_direction_is_refused_by_validation()
    {
        var response = await server.ExecuteAsync("{ papers(order: [{ title: UP }]) { nodes { title } } }");
        Assert.Contains("UP", Assert.Single(response.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
    }

    private static string GlobalIdKey(string id) => GlobalId.TryDecode(id, out _, out var key) ? key : throw new FormatException(id);
}

public sealed class SortingOnInMemoryTests(ScholarGraphFactory server) : SortingTests<ScholarGraphFactory>(server);

public sealed class SortingOnSqliteTests(SqliteScholarGraphFactory server) : SortingTests<SqliteScholarGraphFactory>(server);
