using GraphQL.Builders;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Sorting.Types;

namespace ScholarGraph.GraphQL.Data.Paging.Types;

/// <summary>
/// Adds Hot Chocolate's <c>where</c> and <c>order</c> arguments to a field. The resolver helpers of
/// <see cref="ResolveFieldContextDataExtensions"/> apply them in SQL.
/// </summary>
public static class DataArguments
{
    /// <summary>The filter argument's name.</summary>
    public const string Where = "where";

    /// <summary>The sort argument's name.</summary>
    public const string Order = "order";

    /// <summary>Adds <c>where: <paramref name="filter"/></c>, a <see cref="FilterInputGraphType{T}"/> class.</summary>
    public static FieldBuilder<TSource, TReturn> WithWhereArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Type filter)
    {
        if (!typeof(IFilterInputGraphType).IsAssignableFrom(filter))
            throw new ArgumentException($"{filter.Name} is not a filter input type.", nameof(filter));
        return field.Argument(filter, Where, a => a.Description = "Keeps only the elements matching the filter (applied in the database).");
    }

    /// <summary>
    /// Adds <c>where: <paramref name="filter"/></c> and <c>order: [<paramref name="sort"/>!]</c>, a
    /// <see cref="FilterInputGraphType{T}"/> and a <see cref="SortInputGraphType{T}"/> class.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> WithWhereAndOrderArguments<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, Type filter, Type sort)
    {
        if (!typeof(ISortInputGraphType).IsAssignableFrom(sort))
            throw new ArgumentException($"{sort.Name} is not a sort input type.", nameof(sort));
        return field.WithWhereArgument(filter).Argument(
            typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(sort)), Order, a => a.Description =
                "Sorts by the keys in the given order, one field per element; ties are broken by id. Without it, the field's default order.");
    }
}
