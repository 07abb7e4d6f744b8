using GraphQL;
using ScholarGraph.GraphQL.Data.Errors;

namespace ScholarGraph.GraphQL.Data.Paging.Types;

/// <summary>The offset paging arguments of one collection-segment field, checked.</summary>
/// <param name="Skip">How many items to pass over.</param>
/// <param name="Take">How many items the segment holds at most.</param>
public sealed record OffsetPageRequest(int Skip, int Take)
{
    /// <summary>
    /// Reads <c>skip</c> (default 0) and <c>take</c> (default <see cref="PagingOptions.DefaultPageSize"/>) from
    /// <paramref name="context"/>.
    /// </summary>
    /// <exception cref="PagingException"><c>skip</c> is negative, or <c>take</c> is negative or over the maximum.</exception>
    public static OffsetPageRequest From(IResolveFieldContext context, PagingOptions options)
    {
        var skip = context.GetArgument<int?>(PagingArguments.Skip) ?? 0;
        var take = context.GetArgument<int?>(PagingArguments.Take) ?? options.DefaultPageSize;
        var path = context.FieldPath();
        if (skip < 0)
            throw DataErrors.PagingNegativeSkip(path, skip);
        if (take < 0 || take > options.MaxPageSize)
            throw DataErrors.PagingPageSizeOutOfRange(path, PagingArguments.Take, options.MaxPageSize, take);
        return new OffsetPageRequest(skip, take);
    }
}
