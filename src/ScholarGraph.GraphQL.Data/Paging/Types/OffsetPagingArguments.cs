using GraphQL.Builders;
using GraphQL.Types;

namespace ScholarGraph.GraphQL.Data.Paging.Types;

/// <summary>Adds the offset paging arguments to a field, with Hot Chocolate's names.</summary>
public static class OffsetPagingArguments
{
    /// <summary>Adds <c>skip</c> and <c>take</c> to <paramref name="field"/>.</summary>
    public static FieldBuilder<TSource, TReturn> WithOffsetPagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, PagingOptions options)
    {
        field.Argument<IntGraphType>("skip", a => a.Description = "Skips the first _n_ elements of the list (0 when not given).");
        field.Argument<IntGraphType>("take", a => a.Description =
            $"Returns at most _n_ elements of the list (at most {options.MaxPageSize}; {options.DefaultPageSize} when not given).");
        return field;
    }
}
