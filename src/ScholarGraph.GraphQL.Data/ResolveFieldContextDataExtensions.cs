using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.Data.Aggregates;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Projection;

namespace ScholarGraph.GraphQL.Data;

/// <summary>
/// Resolver helpers that load through EF Core without N+1: every helper batches the keys of one selection level into one query.
/// They need, from the request's services: <see cref="IDbContextFactory{TContext}"/>, a scoped <see cref="BatchLoaderRegistry"/>
/// and <see cref="PagingOptions"/>.
/// </summary>
public static class ResolveFieldContextDataExtensions
{
    /// <summary>The field's response path, such as <c>authors.nodes.0.papers</c>, for error messages.</summary>
    public static string FieldPath(this IResolveFieldContext context) => string.Join('.', context.ResponsePath);

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

    /// <summary>Reads a page of a root connection over <paramref name="query"/>; the paging arguments come from the field.</summary>
    public static async Task<Connection<T>> LoadConnectionAsync<TContext, T>(
        this IResolveFieldContext context, Func<TContext, IQueryable<T>> query, KeysetOrdering<T> ordering)
        where TContext : DbContext
        where T : class
    {
        var page = context.PageRequestFor(ordering);
        var contexts = context.Service<IDbContextFactory<TContext>>();
        var connection = await QueryablePaging.ToConnectionAsync(contexts, query, ordering, page,
            context.ProjectionFor<T>(SelectionPaths.ConnectionNodes, ordering.Members), context.FieldPath(), context.CancellationToken);
        return connection with
        {
            GroupCounts = grouping => new DeferredResult<IReadOnlyList<GroupCount>>(async ct =>
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                return await grouping.CountAsync(query(db).AsNoTracking(), ct);
            }),
        };
    }

    /// <summary>
    /// Reads an offset-paged segment of a root collection over <paramref name="query"/> in <paramref name="ordering"/>; <c>skip</c>
    /// and <c>take</c> come from the field.
    /// </summary>
    public static Task<CollectionSegment<T>> LoadCollectionSegmentAsync<TContext, T>(
        this IResolveFieldContext context, Func<TContext, IQueryable<T>> query, KeysetOrdering<T> ordering)
        where TContext : DbContext
        where T : class
    {
        var request = OffsetPageRequest.From(context, context.Service<PagingOptions>());
        return OffsetPaging.ToCollectionSegmentAsync(context.Service<IDbContextFactory<TContext>>(), query, ordering, request,
            context.ProjectionFor<T>(SelectionPaths.SegmentItems), context.CancellationToken);
    }

    /// <summary>
    /// Reads a page of the children of the parent with <paramref name="key"/>, batched with the same field of every other parent
    /// of the level into one query (and the <c>totalCount</c>s, when selected, into one more).
    /// </summary>
    /// <param name="context">The field's context; its paging arguments are used.</param>
    /// <param name="loaderName">Names the field, such as <c>Author.papers</c>.</param>
    /// <param name="key">The parent's key.</param>
    /// <param name="parents">Selects the parents with the given keys.</param>
    /// <param name="parentKey">The parent's key.</param>
    /// <param name="children">The children of a parent.</param>
    /// <param name="ordering">The children's order.</param>
    public static IDataLoaderResult<Connection<TChild>?> LoadChildConnection<TContext, TParent, TKey, TChild>(
        this IResolveFieldContext context, string loaderName, TKey key, Func<TContext, IReadOnlyList<TKey>, IQueryable<TParent>> parents,
        Expression<Func<TParent, TKey>> parentKey, Func<TContext, Expression<Func<TParent, IEnumerable<TChild>>>> children,
        KeysetOrdering<TChild> ordering)
        where TContext : DbContext
        where TParent : class
        where TKey : notnull
        where TChild : class
    {
        var page = context.PageRequestFor(ordering);
        var projection = context.ProjectionFor<TChild>(SelectionPaths.ConnectionNodes, ordering.Members);
        var path = context.FieldPath();
        var contexts = context.Service<IDbContextFactory<TContext>>();
        var registry = context.Service<BatchLoaderRegistry>();
        var counts = registry.GetOrAdd<TKey, int>(loaderName + "#count",
            (keys, ct) => QueryablePaging.CountChildrenAsync(contexts, db => parents(db, keys), parentKey, children, ct));
        return registry.GetOrAdd<TKey, Connection<TChild>>($"{loaderName}#{page}#{projection?.Signature}",
                (keys, ct) => QueryablePaging.ToConnectionsAsync(
                    contexts, db => parents(db, keys), parentKey, children, ordering, page, projection, path, counts.Load, ct))
            .Load(key)
            .Then(connection => connection is null ? null : connection with
            {
                // One GROUP BY query per grouping for every parent of the level, whatever page each parent asked for.
                GroupCounts = grouping => registry.GetOrAdd<TKey, IReadOnlyList<GroupCount>>($"{loaderName}#groups#{grouping.Name}",
                        async (keys, ct) =>
                        {
                            await using var db = await contexts.CreateDbContextAsync(ct);
                            return await grouping.CountPerParentAsync(parents(db, keys).AsNoTracking(), parentKey, children(db), ct);
                        })
                    .Load(key)
                    .Then(groups => groups ?? []),
            });
    }

    /// <summary>
    /// Reads a page of rows computed per key outside the database (such as aggregates), batched: <paramref name="fetch"/> returns
    /// every row of each key in one call, and the page is cut from them with the same cursors and rules as the SQL paths.
    /// </summary>
    public static IDataLoaderResult<Connection<T>> LoadComputedConnection<TKey, T>(
        this IResolveFieldContext context, string loaderName, TKey key,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, IReadOnlyList<T>>>> fetch, KeysetOrdering<T> ordering)
        where TKey : notnull
    {
        var page = context.PageRequestFor(ordering);
        var path = context.FieldPath();
        return context.Service<BatchLoaderRegistry>()
            .GetOrAdd(loaderName, fetch)
            .Load(key)
            .Then(rows => QueryablePaging.PageInMemory(rows ?? [], ordering, page, path));
    }

    /// <summary>
    /// Reads the field's paging arguments and refuses a malformed or foreign cursor here, once per field, rather than inside a
    /// batch that other parents share.
    /// </summary>
    private static PageRequest PageRequestFor<T>(this IResolveFieldContext context, KeysetOrdering<T> ordering)
    {
        var page = PageRequest.From(context, context.Service<PagingOptions>());
        if (page.Cursor is not null)
            _ = ordering.After(page.Cursor, !page.Forward, context.FieldPath());
        return page;
    }

    private static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set."))
        .GetRequiredService<T>();
}
