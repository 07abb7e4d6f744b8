using GraphQL.Builders;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Filtering.Extensions;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Types;

namespace ScholarGraph.GraphQL.Data.Sorting.Extensions;

/// <summary>
/// Adds Hot Chocolate's <c>order</c> argument (with <c>where</c>) to a field. The resolver entry points
/// (<see cref="SortContextExtensions"/>, <see cref="PagingContextExtensions"/>) apply them in SQL.
/// </summary>
public static class SortFieldBuilderExtensions
{
    /// <summary>
    /// Adds <c>where: <paramref name="filter"/></c> and <c>order: [<paramref name="sort"/>!]</c>, a
    /// <see cref="FilterInputGraphType{T}"/> and a <see cref="SortInputGraphType{T}"/> class.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> WithWhereAndOrderArguments<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, Type filter, Type sort)
    {
        if (!typeof(ISortInputGraphType).IsAssignableFrom(sort))
            throw DataErrors.NotASortInputType(sort, nameof(sort));
        return field.WithWhereArgument(filter).Argument(
            typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(sort)), SortArguments.Order, a => a.Description =
                "Sorts by the keys in the given order, one field per element; ties are broken by id. Without it, the field's default order.");
    }
}
