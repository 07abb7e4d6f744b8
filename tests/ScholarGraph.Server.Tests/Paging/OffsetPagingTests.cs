using System.Text.Json;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Paging;

/// <summary>Offset paging (<c>paperList(skip:, take:)</c>) in Hot Chocolate's CollectionSegment shape, on every provider.</summary>
public abstract class OffsetPagingTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    private async Task<List<string?>> CursorOrderAsync()
    {
        var data = await server.QueryAsync("{ papers(first: 50) { nodes { id } } }");
        return data.GetProperty("papers").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
    }

    private async Task<JsonElement> SegmentAsync(int skip, int take) =>
        (await server.QueryAsync("query($skip: Int, $take: Int) { paperList(skip: $skip, take: $take) { totalCount pageInfo { hasNextPage hasPreviousPage } items { id title } } }",
            new { skip, take })).GetProperty("paperList");

    private static List<string?> Ids(JsonElement segment) =>
        segment.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();

    [Fact]
    public async Task Without_arguments_the_segment_starts_at_the_first_paper_of_the_default_order()
    {
        var all = await CursorOrderAsync();
        var segment = (await server.QueryAsync("{ paperList { totalCount pageInfo { hasNextPage hasPreviousPage } items { id } } }")).GetProperty("paperList");
        Assert.Equal(all.Take(10), Ids(segment));
        Assert.Equal(all.Count, segment.GetProperty("totalCount").GetInt32());
        Assert.Equal(all.Count > 10, segment.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(segment.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Skip_and_take_cut_the_same_order_as_the_cursor_connection()
    {
        var all = await CursorOrderAsync();
        Assert.True(all.Count >= 5, "the seed has at least five papers");
        var middle = await SegmentAsync(2, 2);
        Assert.Equal(all.Skip(2).Take(2), Ids(middle));
        Assert.True(middle.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.True(middle.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var last = await SegmentAsync(all.Count - 2, 2);
        Assert.Equal(all.Skip(all.Count - 2), Ids(last));
        Assert.False(last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var beyond = await SegmentAsync(all.Count + 5, 2);
        Assert.Empty(Ids(beyond));
        Assert.Equal(all.Count, beyond.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("{ paperList(skip: -1) { items { id } } }", "PAGING_INVALID_ARGUMENTS", "paperList: 'skip' must be 0 or more, not -1")]
    [InlineData("{ paperList(take: 51) { items { id } } }", "PAGING_INVALID_PAGE_SIZE", "paperList: 'take' must be between 0 and 50, not 51")]
    [InlineData("{ paperList(take: -3) { items { id } } }", "PAGING_INVALID_PAGE_SIZE", "paperList: 'take' must be between 0 and 50, not -3")]
    public Task Bad_offset_arguments_get_an_error_naming_the_argument(string query, string code, string message) =>
        server.AssertRefusedAsync(query, "paperList", code, message);
}

public sealed class OffsetPagingOnInMemoryTests(ScholarGraphFactory server) : OffsetPagingTests<ScholarGraphFactory>(server);

public sealed class OffsetPagingOnSqliteTests(SqliteScholarGraphFactory server) : OffsetPagingTests<SqliteScholarGraphFactory>(server);

/// <summary>The SQL of offset paging.</summary>
public sealed class OffsetPagingSqlTests(SqliteScholarGraphFactory server) : IClassFixture<SqliteScholarGraphFactory>
{
    [Fact]
    public async Task The_segment_is_one_query_with_offset_and_limit_and_counts_only_when_asked()
    {
        _ = server.Services;
        server.Commands.Reset();
        await server.QueryAsync("{ paperList(skip: 2, take: 3) { items { title } } }");
        var sql = Assert.Single(server.Commands.Commands);
        Assert.Contains("LIMIT", sql);
        Assert.Contains("OFFSET", sql);
        Assert.DoesNotContain("COUNT", sql);
        Assert.DoesNotContain("\"Abstract\"", sql);

        server.Commands.Reset();
        await server.QueryAsync("{ paperList(take: 3) { totalCount items { title } } }");
        Assert.Equal(2, server.Commands.Commands.Count);
        Assert.Contains(server.Commands.Commands, c => c.Contains("COUNT(*)", StringComparison.Ordinal));
    }
}
