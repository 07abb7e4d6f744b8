using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Server.Nodes;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;

namespace ScholarGraph.Server.Papers;

/// <summary>The root fields that read papers: <c>papers</c> (a page by cursor), <c>paperList</c> (by offset) and <c>paper(id:)</c>.</summary>
internal static class PaperQueries
{
    /// <summary>Adds <c>papers</c>: all papers, newest first unless <c>order</c> says otherwise.</summary>
    public static void AddPapersField(this ObjectGraphType query, PagingOptions paging) =>
        query.Field<PapersConnectionType>("papers").Description("All papers, newest first unless `order` says otherwise.").WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .ResolveAsync(async c => await c.LoadPapersAsync());

    /// <summary>Adds <c>paperList</c>: all papers, offset-paged, newest first unless <c>order</c> says otherwise.</summary>
    public static void AddPaperListField(this ObjectGraphType query, PagingOptions paging) =>
        query.Field<PaperListCollectionSegmentType>("paperList")
            .Description("All papers, newest first unless `order` says otherwise, offset-paged for clients that show numbered pages (`papers` pages by cursor).")
            .WithOffsetPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .ResolveAsync(async c => await c.LoadPaperSegmentAsync());

    /// <summary>Adds <c>paper(id:)</c>: the paper with the given global id, or null.</summary>
    public static void AddPaperField(this ObjectGraphType query) =>
        query.Field<PaperType>("paper").Description("The paper with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The paper's global id.")
            .Resolve(c => c.LoadPaper(NodeIds.KeyOf(c, PaperType.TypeName)));
}
