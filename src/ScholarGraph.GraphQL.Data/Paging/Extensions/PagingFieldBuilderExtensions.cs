using GraphQL.Builders;
using GraphQL.Types;

namespace ScholarGraph.GraphQL.Data.Paging.Types;

/// <summary>Adds the Relay paging arguments to a field, with Hot Chocolate's names and descriptions.</summary>
public static class ConnectionArguments
{
    /// <summary>Adds <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> to <paramref name="field"/>.</summary>
    public static FieldBuilder<TSource, TReturn> WithPagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, PagingOptions options)
    {
        field.Argument<IntGraphType>("first", a => a.Description =
            $"Returns the first _n_ elements from the list (at most {options.MaxPageSize}; {options.DefaultPageSize} when neither first nor last is given).");
        field.Argument<StringGraphType>("after", a => a.Description =
            "Returns the elements in the list that come after the specified cursor.");
        field.Argument<IntGraphType>("last", a => a.Description =
            $"Returns the last _n_ elements from the list (at most {options.MaxPageSize}).");
        field.Argument<StringGraphType>("before", a => a.Description =
            "Returns the elements in the list that come before the specified cursor.");
        return field;
    }
}
