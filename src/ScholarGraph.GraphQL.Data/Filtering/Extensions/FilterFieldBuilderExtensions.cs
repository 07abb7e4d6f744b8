using GraphQL.Builders;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Paging.Extensions;

namespace ScholarGraph.GraphQL.Data.Filtering.Extensions;

/// <summary>
/// Adds Hot Chocolate's <c>where</c> argument to a field. The resolver entry points (<see cref="FilterContextExtensions"/>,
/// <see cref="PagingContextExtensions"/>) apply it in SQL.
/// </summary>
public static class FilterFieldBuilderExtensions
{
    /// <summary>Adds <c>where: <paramref name="filter"/></c>, a <see cref="FilterInputGraphType{T}"/> class.</summary>
    public static FieldBuilder<TSource, TReturn> WithWhereArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Type filter)
    {
        if (!typeof(IFilterInputGraphType).IsAssignableFrom(filter))
            throw DataErrors.NotAFilterInputType(filter, nameof(filter));
        return field.Argument(filter, FilterArguments.Where, a => a.Description = "Keeps only the elements matching the filter (applied in the database).");
    }
}
