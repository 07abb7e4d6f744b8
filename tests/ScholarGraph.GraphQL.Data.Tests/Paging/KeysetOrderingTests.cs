using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Types;

namespace ScholarGraph.GraphQL.Data.Tests.Paging;

public sealed class KeysetOrderingTests
{
    private sealed record Row(string Id, int Score, DateOnly Date);

    private static readonly KeysetOrdering<Row> ByScoreThenId =
        KeysetOrdering<Row>.Named("Row:score").ThenByDescending(r => r.Score).ThenBy(r => r.Id);

    private static readonly Row[] Rows =
    [
        new("a", 3, new(2020, 1, 1)), new("b", 5, new(2021, 1, 1)), new("c", 3, new(2022, 1, 1)),
        new("d", 1, new(2023, 1, 1)), new("e", 5, new(2024, 1, 1)),
    ];

    private static List<string> Page(PageRequest page) =>
        QueryablePaging.PageInMemory(Rows, ByScoreThenId, page, "rows").Edges.Select(e => e.Node.Id).ToList();

    [Fact]
    public void Sorting_breaks_ties_by_the_last_key()
    {
        Assert.Equal(["b", "e", "a", "c", "d"], ByScoreThenId.Sort(Rows.AsQueryable()).Select(r => r.Id));
    }

    [Fact]
    public void The_cursor_of_a_row_continues_right_after_it_in_both_directions()
    {
        var first = QueryablePaging.PageInMemory(Rows, ByScoreThenId, new PageRequest(2, true, null), "rows");
        Assert.Equal(["b", "e"], first.Edges.Select(e => e.Node.Id));
        Assert.True(first.PageInfo.HasNextPage);
        Assert.False(first.PageInfo.HasPreviousPage);
        Assert.Equal(["a", "c"], Page(new PageRequest(2, true, first.PageInfo.EndCursor)));
        var cursorOfC = ByScoreThenId.CursorWriter()(Rows[2]);
        Assert.Equal(["e", "a"], Page(new PageRequest(2, false, cursorOfC)));
    }

    [Fact]
    public void A_row_inserted_before_the_cursor_does_not_shift_the_next_page()
    {
        var first = QueryablePaging.PageInMemory(Rows, ByScoreThenId, new PageRequest(2, true, null), "rows");
        var grown = Rows.Append(new Row("aa", 9, new(2025, 1, 1)));
        var next = QueryablePaging.PageInMemory(grown, ByScoreThenId, new PageRequest(2, true, first.PageInfo.EndCursor), "rows");
        Assert.Equal(["a", "c"], next.Edges.Select(e => e.Node.Id));
    }

    [Fact]
    public void A_cursor_of_another_ordering_is_refused_naming_the_argument()
    {
        var other = KeysetOrdering<Row>.Named("Row:date").ThenBy(r => r.Date).ThenBy(r => r.Id);
        var foreign = other.CursorWriter()(Rows[0]);
        var error = Assert.Throws<PagingException>(() => ByScoreThenId.After(foreign, false, "rows(after)"));
        Assert.Equal(DataErrorCodes.PagingInvalidCursor, error.Code);
        Assert.Contains("rows(after)", error.Message);
        Assert.Contains("belongs to another connection or order", error.Message);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("eyJ4IjoxfQ==")] // {"x":1}
    [InlineData("WyJSb3c6c2NvcmUiLCJub3QgYW4gaW50IiwiYSJd")] // ["Row:score","not an int","a"]
    public void A_damaged_cursor_is_refused(string cursor)
    {
        var error = Assert.Throws<PagingException>(() => ByScoreThenId.After(cursor, false, "rows(after)"));
        Assert.Equal(DataErrorCodes.PagingInvalidCursor, error.Code);
    }
}
