using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Paging;

/// <summary>Offset paging (<c>itemList(skip:, take:)</c>) in Hot Chocolate's CollectionSegment shape.</summary>
public abstract class OffsetPagingTests(TinyServer server) : TinyTests(server)
{
    private const string Segment = "query($skip: Int, $take: Int) { itemList(skip: $skip, take: $take) { totalCount pageInfo { hasNextPage hasPreviousPage } items { id } } }";

    private List<string?> All => Expected.NewestFirst(Server.Seed.Items).Select(i => (string?)i.Id).ToList();

    [Fact]
    public async Task Without_arguments_the_segment_starts_at_the_first_item_of_the_default_order()
    {
        const string query = "{ itemList { totalCount pageInfo { hasNextPage hasPreviousPage } items { id } } }";
        var response = await Server.ExecuteAsync(query);
        var segment = response.Data.At("itemList");
        Assert.Equal(All.Take(10), segment.GetProperty("items").Strings("id"));
        Assert.Equal(40, segment.Int("totalCount"));
        Assert.True(segment.Bool("pageInfo", "hasNextPage"));
        Assert.False(segment.Bool("pageInfo", "hasPreviousPage"));
        MatchSql(query, response.Commands);
    }

    [Fact]
    public async Task Skip_and_take_cut_the_same_order_as_the_cursor_connection()
    {
        var commands = new List<string>();
        async Task<JsonElement> SegmentAsync(int skip, int take)
        {
            var response = await Server.ExecuteAsync(Segment, new { skip, take });
            commands.AddRange(response.Commands);
            return response.Data.At("itemList");
        }
        var middle = await SegmentAsync(2, 2);
        Assert.Equal(All.Skip(2).Take(2), middle.GetProperty("items").Strings("id"));
        Assert.True(middle.Bool("pageInfo", "hasPreviousPage"));
        Assert.True(middle.Bool("pageInfo", "hasNextPage"));
        var last = await SegmentAsync(38, 2);
        Assert.Equal(All.Skip(38), last.GetProperty("items").Strings("id"));
        Assert.False(last.Bool("pageInfo", "hasNextPage"));
        var beyond = await SegmentAsync(45, 2);
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        Assert.Equal(40, beyond.Int("totalCount"));
        MatchSql(Segment, commands);
    }

    [Theory]
    [InlineData("{ itemList(skip: -1) { items { id } } }", "PAGING_INVALID_ARGUMENTS", "itemList: 'skip' must be 0 or more, not -1.")]
    [InlineData("{ itemList(take: 51) { items { id } } }", "PAGING_INVALID_PAGE_SIZE", "itemList: 'take' must be between 0 and 50, not 51.")]
    [InlineData("{ itemList(take: -3) { items { id } } }", "PAGING_INVALID_PAGE_SIZE", "itemList: 'take' must be between 0 and 50, not -3.")]
    public async Task Bad_offset_arguments_get_an_error_naming_the_argument_and_send_no_sql(string query, string code, string message)
    {
        var response = await Server.ExecuteAsync(query);
        Assert.Equal(code, response.Error.At("extensions", "code").GetString());
        Assert.Equal(message, response.Error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, response.Json.At("data", "itemList").ValueKind);
        Assert.Empty(response.Commands);
    }

    [Fact]
    public async Task The_segment_is_one_query_with_offset_and_limit_and_counts_only_when_asked()
    {
        const string withoutCount = "{ itemList(skip: 2, take: 3) { items { name } } }";
        var response = await Server.ExecuteAsync(withoutCount);
        var items = Expected.NewestFirst(Server.Seed.Items);
        Assert.Equal(items.Skip(2).Take(3).Select(i => (string?)i.Name), response.Data.At("itemList", "items").Strings("name"));
        const string withCount = "{ itemList(take: 3) { totalCount items { name } } }";
        var counted = await Server.ExecuteAsync(withCount);
        Assert.Equal(40, counted.Data.Int("itemList", "totalCount"));
        MatchSql(withoutCount, response.Commands, "without_count");
        MatchSql(withCount, counted.Commands, "with_count");
        if (Server.IsRelational)
        {
            // The point beside the snapshots: one command without a COUNT, a second only for totalCount.
            Assert.DoesNotContain("COUNT", Assert.Single(response.Commands));
            Assert.Equal(2, counted.Commands.Count);
        }
    }
}

public sealed class SqliteOffsetPagingTests(SqliteShopServer server) : OffsetPagingTests(server), IClassFixture<SqliteShopServer>;

public sealed class InMemoryOffsetPagingTests(InMemoryShopServer server) : OffsetPagingTests(server), IClassFixture<InMemoryShopServer>;

[RequiresPostgres]
public sealed class PostgresOffsetPagingTests(PostgresShopServer server) : OffsetPagingTests(server), IClassFixture<PostgresShopServer>;
