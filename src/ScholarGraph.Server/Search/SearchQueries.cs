using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.AspNetCore.Limits;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Search;

namespace ScholarGraph.Server.Search;

/// <summary>The root fields <c>search</c> (full-text search, ranked) and <c>autocomplete</c> (names and titles by prefix).</summary>
internal static class SearchQueries
{
    /// <summary>
    /// <c>search</c>'s weight: it scores every match of the query before cutting the page, so it weighs twice a paged read
    /// (<c>PagedFieldCosts.PagedLoadWeight</c>), sized by <c>first</c> like every page.
    /// </summary>
    public const double SearchWeight = 20;

    /// <summary><c>autocomplete</c>'s weight: a range of one index, as cheap as a page of rows.</summary>
    public const double AutocompleteWeight = 10;

    /// <summary>The order of hits: best score first, ties by type then key; written into every cursor.</summary>
    private static readonly KeysetOrdering<SearchHit> ByRelevance =
        KeysetOrdering<SearchHit>.Named("Search:relevance").ThenByDescending(h => h.Score).ThenBy(h => h.Kind).ThenBy(h => h.Key);

    private static readonly SearchKind[] AllKinds = Enum.GetValues<SearchKind>();

    public static void AddSearchFields(this ObjectGraphType query, PagingOptions paging)
    {
        query.Field<NonNullGraphType<SearchConnectionType>>("search")
            .Description("Full-text search over papers (title and abstract), authors, institutions and topics (name), best match first. "
                + "Words must all occur, in any order; `\"graph neural\"` is a phrase; `graph*` a prefix; `-word` (or `-\"a phrase\"`) "
                + "excludes. Case is ignored. A malformed query is an error whose code names the problem (SEARCH_QUERY_...).")
            .Argument<NonNullGraphType<StringGraphType>>("query", "What to look for, in the language above.")
            .Argument<ListGraphType<NonNullGraphType<SearchTypeGraphType>>>("types", "What to look through; every type when null or empty.")
            .Argument<IntGraphType>(PagingArguments.First, a => a.Description =
                $"Returns the first _n_ hits (at most {paging.MaxPageSize}; {paging.DefaultPageSize} when not given).")
            .Argument<StringGraphType>(PagingArguments.After, a => a.Description = "Returns the hits that come after the specified cursor.")
            .Cost(SearchWeight)
            .ListSize(assumedSize: paging.MaxPageSize, slicingArguments: [PagingArguments.First], slicingArgumentDefaultValue: paging.DefaultPageSize,
                sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)
            .ResolveAsync(async c => await SearchAsync(c));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutocompleteSuggestionGraphType>>>>("autocomplete")
            .Description("Names (or, for papers, titles) that start with `prefix`, for completing what a user types: ASCII letters "
                + "compared without case, in that case-folded order, read from an index on the folded name.")
            .Argument<NonNullGraphType<StringGraphType>>("prefix", "The first characters of the name or title (leading spaces ignored).")
            .Argument<NonNullGraphType<SearchTypeGraphType>>("type", "What to complete.")
            .Argument<IntGraphType>(PagingArguments.First, a =>
            {
                a.DefaultValue = 10;
                a.Description = $"How many suggestions, at most {paging.MaxPageSize}.";
            })
            .Cost(AutocompleteWeight)
            .ListSize(assumedSize: paging.MaxPageSize, slicingArguments: [PagingArguments.First], slicingArgumentDefaultValue: 10, requireOneSlicingArgument: false)
            .ResolveAsync(async c => await AutocompleteAsync(c));
    }

    private static async Task<Connection<SearchHit>> SearchAsync(IResolveFieldContext context)
    {
        var parsed = Parse(context);
        var kinds = context.GetArgument<List<SearchKind>?>("types") is { Count: > 0 } given ? given.Distinct().ToArray() : AllKinds;
        var page = PageRequest.From(context, context.RequestServices!.GetRequiredService<PagingOptions>());
        SearchPosition? after = null;
        if (page.Cursor is not null)
        {
            var values = ByRelevance.ValuesOf(page.Cursor, $"{context.FieldPath()}(after)");
            after = new SearchPosition((double)values[0]!, (SearchKind)values[1]!, (string)values[2]!);
        }

        var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>();
        List<SearchHit> hits;
        await using (var db = await contexts.CreateDbContextAsync(context.CancellationToken))
            hits = [.. await FullTextSearch.SearchAsync(db, new SearchRequest(parsed, kinds, page.Size + 1, after), context.CancellationToken)];
        return QueryablePaging.Slice(hits, ByRelevance, page, () => new DeferredResult<int>(async cancellationToken =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await FullTextSearch.CountAsync(db, parsed, kinds, cancellationToken);
        }));
    }

    private static async Task<IReadOnlyList<AutocompleteSuggestion>> AutocompleteAsync(IResolveFieldContext context)
    {
        var size = PageRequest.From(context, context.RequestServices!.GetRequiredService<PagingOptions>()).Size;
        var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        try
        {
            return await FullTextSearch.AutocompleteAsync(db, context.GetArgument<SearchKind>("type"), context.GetArgument<string>("prefix"), size,
                context.CancellationToken);
        }
        catch (SearchQueryException e)
        {
            throw Error(context, "prefix", e);
        }
    }

    private static SearchQuery Parse(IResolveFieldContext context)
    {
        try
        {
            return SearchQuery.Parse(context.GetArgument<string>("query"));
        }
        catch (SearchQueryException e)
        {
            throw Error(context, "query", e);
        }
    }

    /// <summary>The query's problem as a GraphQL error with its code, naming the field and the argument.</summary>
    private static ExecutionError Error(IResolveFieldContext context, string argument, SearchQueryException problem) =>
        new($"{context.FieldPath()}({argument}): {problem.Message}") { Code = problem.Code };
}
