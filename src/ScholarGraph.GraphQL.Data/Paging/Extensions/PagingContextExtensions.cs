using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Aggregates.Extensions;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Filtering.Expressions;
using ScholarGraph.GraphQL.Data.Filtering.Extensions;
using ScholarGraph.GraphQL.Data.Internal;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.Data.Projection;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;

namespace ScholarGraph.GraphQL.Data.Paging.Extensions;

/// <summary>
/// Resolver entry points of cursor and offset paging: each reads the field's paging arguments (and its <c>where</c> and
/// <c>order</c>, when it has them) and loads the page through EF Core, batching the parents of one selection level into one
/// query. They need, from the request's services: <see cref="IDbContextFactory{TContext}"/>, a scoped
/// <see cref="BatchLoaderRegistry"/> and <see cref="PagingOptions"/>.
/// </summary>
public static class PagingContextExtensions
{
    /// <summary>
    /// Reads a page of a root connection over <paramref name="query"/>; the paging arguments come from the field, and so do
    /// <c>where</c> and <c>order</c> when the field has them (<paramref name="ordering"/> is the order without <c>order</c>).
    /// Only the columns the selection reads are loaded, and group counts (when selected) cover the whole filtered set.
    /// </summary>
    public static async Task<Connection<T>> LoadConnectionAsync<TContext, T>(
        this IResolveFieldContext context, Func<TContext, IQueryable<T>> query, KeysetOrdering<T> ordering)
        where TContext : DbContext
        where T : class
    {
        var filtered = context.FilteredQuery(query);
        ordering = context.OrderArgument(ordering);
        var page = context.PageRequestFor(ordering);
        var contexts = context.Service<IDbContextFactory<TContext>>();
        var connection = await QueryablePaging.ToConnectionAsync(contexts, filtered, ordering, page,
            context.ProjectionFor<T>(SelectionPaths.ConnectionNodes, ordering.Members), context.FieldPath(), context.CancellationToken);
        return connection.WithGroupCounts(contexts, filtered);
    }

    /// <summary>
    /// Reads an offset-paged segment of a root collection over <paramref name="query"/>; <c>skip</c> and <c>take</c> come from
    /// the field, and so do <c>where</c> and <c>order</c> when the field has them (<paramref name="ordering"/> is the order
    /// without <c>order</c>).
    /// </summary>
    public static Task<CollectionSegment<T>> LoadCollectionSegmentAsync<TContext, T>(
        this IResolveFieldContext context, Func<TContext, IQueryable<T>> query, KeysetOrdering<T> ordering)
        where TContext : DbContext
        where T : class
    {
        var filtered = context.FilteredQuery(query);
        ordering = context.OrderArgument(ordering);
        var request = OffsetPageRequest.From(context, context.Service<PagingOptions>());
        return OffsetPaging.ToCollectionSegmentAsync(context.Service<IDbContextFactory<TContext>>(), filtered, ordering, request,
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
    /// <param name="children">
    /// The children of a parent, given the keys of the batch's parents as a query: a navigation (<c>a =&gt; a.Authorships</c>) can
    /// ignore them (the paging restricts it to the batch itself); children that are a query of their own should restrict their
    /// rows with them before grouping or joining.
    /// </param>
    /// <param name="ordering">The children's order when the field has no <c>order</c> argument or the client gives none.</param>
    /// <remarks>The field's <c>where</c> filters the children in SQL, for the page and its <c>totalCount</c> alike.</remarks>
    public static IDataLoaderResult<Connection<TChild>?> LoadChildConnection<TContext, TParent, TKey, TChild>(
        this IResolveFieldContext context, string loaderName, TKey key, Func<TContext, IReadOnlyList<TKey>, IQueryable<TParent>> parents,
        Expression<Func<TParent, TKey>> parentKey, Func<TContext, IQueryable<TKey>, Expression<Func<TParent, IEnumerable<TChild>>>> children,
        KeysetOrdering<TChild> ordering)
        where TContext : DbContext
        where TParent : class
        where TKey : notnull
        where TChild : class
    {
        var filter = context.FilterArgument<TChild>();
        // Children that are a query of their own (not a navigation) get the batch's parent keys as a query, so they can restrict
        // themselves before grouping or joining and the database reads only the batch's rows.
        Func<TContext, Expression<Func<TParent, IEnumerable<TChild>>>> ChildrenOf(IReadOnlyList<TKey> keys) => db =>
        {
            var expression = children(db, parents(db, keys).Select(parentKey));
            return filter is null ? expression : FilterExpressions.FilterChildren(expression, filter);
        };
        ordering = context.OrderArgument(ordering);
        loaderName += context.DataArgumentsKey();
        var page = context.PageRequestFor(ordering);
        var projection = context.ProjectionFor<TChild>(SelectionPaths.ConnectionNodes, ordering.Members);
        var path = context.FieldPath();
        var contexts = context.Service<IDbContextFactory<TContext>>();
        var registry = context.Service<BatchLoaderRegistry>();
        var counts = registry.GetOrAdd<TKey, int>(loaderName + "#count",
            (keys, ct) => QueryablePaging.CountChildrenAsync(contexts, db => parents(db, keys), parentKey, ChildrenOf(keys), ct));
        return registry.GetOrAdd<TKey, Connection<TChild>>($"{loaderName}#{page}#{projection?.Signature}",
                (keys, ct) => QueryablePaging.ToConnectionsAsync(
                    contexts, db => parents(db, keys), parentKey, ChildrenOf(keys), ordering, page, projection, path, counts.Load, ct))
            .Load(key)
            .Then(connection => connection?.WithGroupCountsPerParent(registry, loaderName, key, contexts, parents, parentKey, ChildrenOf));
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
}
