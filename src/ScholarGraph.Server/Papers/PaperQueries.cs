using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Papers;

/// <summary>The root fields that read papers: <c>papers</c> (a page by cursor), <c>paperList</c> (by offset) and <c>paper(id:)</c>.</summary>
internal static class PaperQueries
{
    /// <summary>Adds <c>papers</c>: all papers, newest first unless <c>order</c> says otherwise.</summary>
    public static void AddPapersField(this ObjectGraphType query, PagingOptions paging) =>
        query.AddConnectionField<PapersConnectionType, PaperFilterInputType, PaperSortInputType, Connection<Paper>>(
            "papers", "All papers, newest first unless `order` says otherwise.", paging, c => c.LoadPapersAsync());

    /// <summary>Adds <c>paperList</c>: all papers, offset-paged, newest first unless <c>order</c> says otherwise.</summary>
    public static void AddPaperListField(this ObjectGraphType query, PagingOptions paging) =>
        query.Field<PaperListCollectionSegmentType>("paperList")
            .Description("All papers, newest first unless `order` says otherwise, offset-paged for clients that show numbered pages (`papers` pages by cursor).")
            .WithOffsetPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .ResolveAsync(async c => await c.LoadPaperSegmentAsync());

    /// <summary>Adds <c>paper(id:)</c>: the paper with the given global id, or null.</summary>
    public static void AddPaperField(this ObjectGraphType query) =>
        query.AddLookupField<PaperType, Paper>("paper", PaperType.TypeName, (c, key) => c.LoadPaper(key));
}
