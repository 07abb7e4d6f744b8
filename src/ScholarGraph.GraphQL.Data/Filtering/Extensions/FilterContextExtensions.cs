using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQL;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Internal;

namespace ScholarGraph.GraphQL.Data.Filtering.Extensions;

/// <summary>
/// The resolver entry point of filtering: the predicate of a field's <c>where</c> argument. It needs a scoped
/// <see cref="BatchLoaderRegistry"/> from the request's services.
/// </summary>
public static class FilterContextExtensions
{
    /// <summary>
    /// The predicate of the field's <c>where</c> argument, or <c>null</c> when the field has none or the client gave none. Built
    /// once per field and argument value per request (it does not depend on the parent), before anything reaches the database.
    /// </summary>
    /// <exception cref="FilterException">The filter's value cannot be applied; the message names the argument path.</exception>
    public static Expression<Func<T, bool>>? FilterArgument<T>(this IResolveFieldContext context)
    {
        if (context.FieldDefinition.Arguments?.Find(FilterArguments.Where)?.ResolvedType is not FilterInputGraphType<T> filter
            || context.ArgumentValue(FilterArguments.Where) is not { } value)
            return null;
        return context.Service<BatchLoaderRegistry>().Remember(
            $"where:{context.ParentType.Name}.{context.FieldDefinition.Name}:{FieldContext.Json(value)}",
            () => new StrongBox<Expression<Func<T, bool>>?>(filter.ToPredicate(value, $"{context.FieldPath()}({FilterArguments.Where})"))).Value;
    }

    /// <summary><paramref name="query"/> restricted by the field's <c>where</c> argument, when it has one.</summary>
    internal static Func<TContext, IQueryable<T>> FilteredQuery<TContext, T>(this IResolveFieldContext context, Func<TContext, IQueryable<T>> query)
    {
        var filter = context.FilterArgument<T>();
        return filter is null ? query : db => query(db).Where(filter);
    }
}
