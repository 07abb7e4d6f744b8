using GraphQL;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Internal;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Sorting.Types;

namespace ScholarGraph.GraphQL.Data.Sorting.Extensions;

/// <summary>The resolver entry point of sorting: the order of a field's <c>order</c> argument.</summary>
public static class SortContextExtensions
{
    /// <summary>The order of the field's <c>order</c> argument, or <paramref name="fallback"/> when it has none or the client gave none.</summary>
    /// <exception cref="SortException">An element of <c>order</c> sets no field or several.</exception>
    public static KeysetOrdering<T> OrderArgument<T>(this IResolveFieldContext context, KeysetOrdering<T> fallback) =>
        context.FieldDefinition.Arguments?.Find(SortArguments.Order)?.ResolvedType?.GetNamedType() is SortInputGraphType<T> sort
            ? sort.ToOrdering(context.ArgumentValue(SortArguments.Order), $"{context.FieldPath()}({SortArguments.Order})", fallback)
            : fallback;
}
