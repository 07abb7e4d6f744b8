using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Batching.Expressions;
using ScholarGraph.GraphQL.Data.Filtering.Extensions;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Internal;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Projection;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Types;

namespace ScholarGraph.GraphQL.Data.Batching.Extensions;

/// <summary>
/// Resolver entry points that load by key through EF Core without N+1: every one batches the keys of one selection level into
/// one query. They need, from the request's services: <see cref="IDbContextFactory{TContext}"/> and a scoped
/// <see cref="BatchLoaderRegistry"/>.
/// </summary>
public static class BatchingContextExtensions
{
    /// <summary>
    /// Loads the entity with <paramref name="key"/>, batched with every other key asked for by <paramref name="loaderName"/> with
    /// the same selection; only the columns the selection needs are read.
    /// </summary>
    public static IDataLoaderResult<T?> LoadByKey<TContext, TKey, T>(
        this IResolveFieldContext context, string loaderName, TKey key, Func<TContext, IReadOnlyList<TKey>, IQueryable<T>> query,
        Func<T, TKey> keyOf)
        where TContext : DbContext
        where TKey : notnull
        where T : class
    {
        var contexts = context.Service<IDbContextFactory<TContext>>();
        var projection = context.ProjectionFor<T>(SelectionPaths.Self);
        return context.Service<BatchLoaderRegistry>()
            .GetOrAdd<TKey, T>($"{loaderName}#{projection?.Signature}",
                (keys, ct) => QueryableBatching.ToDictionaryAsync(contexts, db => query(db, keys), keyOf, projection, ct))
            .Load(key);
    }

    /// <summary>Loads the rows belonging to <paramref name="key"/>, batched; an empty list when there are none.</summary>
    public static IDataLoaderResult<IReadOnlyList<T>> LoadGroup<TContext, TKey, T>(
        this IResolveFieldContext context, string loaderName, TKey key, Func<TContext, IReadOnlyList<TKey>, IQueryable<T>> query,
        Func<T, TKey> keyOf)
        where TContext : DbContext
        where TKey : notnull
    {
        var contexts = context.Service<IDbContextFactory<TContext>>();
        return context.Service<BatchLoaderRegistry>()
            .GetOrAdd<TKey, IReadOnlyList<T>>(loaderName, (keys, ct) => QueryableBatching.ToLookupAsync(contexts, db => query(db, keys), keyOf, ct))
            .Load(key)
            .Then(rows => rows ?? []);
    }

    /// <summary>
    /// Loads the list of elements belonging to <paramref name="key"/>, batched into one query per selection level, with the field's
    /// <c>where</c> and <c>order</c> (when it has them) applied in SQL to the elements. Each row of <paramref name="rows"/> carries
    /// its parent's key (<paramref name="keyOf"/>) and one element (<paramref name="element"/>, the row itself or a related
    /// object); without <c>order</c> the rows keep <paramref name="defaultOrder"/>, which may read the row (a printed position).
    /// An empty list when the parent has none.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<T>> LoadList<TContext, TKey, TRow, T>(
        this IResolveFieldContext context, string loaderName, TKey key, Func<TContext, IReadOnlyList<TKey>, IQueryable<TRow>> rows,
        Expression<Func<TRow, TKey>> keyOf, Expression<Func<TRow, T>> element, Func<IQueryable<TRow>, IQueryable<TRow>> defaultOrder)
        where TContext : DbContext
        where TKey : notnull
    {
        var filter = context.FilterArgument<T>();
        var order = context.OrderArgument(NoOrder<T>.Instance);
        var row = element.Parameters[0];
        var keyed = Expression.Lambda<Func<TRow, KeyedElement<TKey, T>>>(
            Expression.MemberInit(Expression.New(typeof(KeyedElement<TKey, T>)),
                Expression.Bind(typeof(KeyedElement<TKey, T>).GetProperty(nameof(KeyedElement<TKey, T>.Key))!,
                    ExpressionRewriting.Replace(keyOf.Body, keyOf.Parameters[0], row)),
                Expression.Bind(typeof(KeyedElement<TKey, T>).GetProperty(nameof(KeyedElement<TKey, T>.Element))!, element.Body)),
            row);
        IQueryable<KeyedElement<TKey, T>> Query(TContext db, IReadOnlyList<TKey> keys)
        {
            var selected = rows(db, keys);
            if (filter is not null)
                selected = selected.Where(Expression.Lambda<Func<TRow, bool>>(
                    ExpressionRewriting.Replace(filter.Body, filter.Parameters[0], element.Body), row));
            selected = ReferenceEquals(order, NoOrder<T>.Instance) ? defaultOrder(selected) : order.SortBy(selected, element);
            return selected.Select(keyed);
        }
        return context.LoadGroup<TContext, TKey, KeyedElement<TKey, T>>(loaderName + context.DataArgumentsKey(), key, Query, r => r.Key)
            .Then(list => (IReadOnlyList<T>)list.Select(r => r.Element).ToList());
    }

    /// <summary>Stands for "the client gave no <c>order</c>", so a list keeps its default order.</summary>
    private static class NoOrder<T>
    {
        public static readonly KeysetOrdering<T> Instance = KeysetOrdering<T>.Named("");
    }

    /// <summary>
    /// A suffix that tells apart loads of one field with different <c>where</c> or <c>order</c> values (empty without them), for
    /// batch loader names: parents that share the values share one batch.
    /// </summary>
    public static string DataArgumentsKey(this IResolveFieldContext context)
    {
        var where = context.ArgumentValue(FilterArguments.Where);
        var order = context.ArgumentValue(SortArguments.Order);
        return where is null && order is null ? "" : $"#where={FieldContext.Json(where)}#order={FieldContext.Json(order)}";
    }
}
