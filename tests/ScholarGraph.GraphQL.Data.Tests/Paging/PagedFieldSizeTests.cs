using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Extensions;

namespace ScholarGraph.GraphQL.Data.Tests.Paging;

/// <summary>A paged field records how it pages, for a cost analysis to read; a field this library did not page records nothing.</summary>
public sealed class PagedFieldSizeTests
{
    private static readonly PagingOptions Paging = new() { DefaultPageSize = 7, MaxPageSize = 40 };

    [Fact]
    public void A_cursor_paged_field_is_sliced_by_first_and_last_over_edges_and_nodes()
    {
        var type = new ObjectGraphType { Name = "Query" };
        var field = type.Field<StringGraphType>("items").WithPagingArguments(Paging).FieldType;

        var size = PagedFieldSize.GetPagedFieldSize(field);
        Assert.NotNull(size);
        Assert.Equal(["first", "last"], size.SlicingArguments);
        Assert.Equal(["edges", "nodes"], size.SizedFields);
        Assert.Equal((7, 40), (size.DefaultPageSize, size.MaxPageSize));
    }

    [Fact]
    public void An_offset_paged_field_is_sliced_by_take_over_items()
    {
        var type = new ObjectGraphType { Name = "Query" };
        var size = PagedFieldSize.GetPagedFieldSize(type.Field<StringGraphType>("items").WithOffsetPagingArguments(Paging).FieldType);
        Assert.Equal(new PagedFieldSize(size!.SlicingArguments, size.SizedFields, 7, 40), size);
        Assert.Equal(["take"], size.SlicingArguments);
        Assert.Equal(["items"], size.SizedFields);
    }

    [Fact]
    public void A_field_without_paging_arguments_records_nothing() =>
        Assert.Null(PagedFieldSize.GetPagedFieldSize(new ObjectGraphType { Name = "Query" }.Field<StringGraphType>("plain").FieldType));
}
