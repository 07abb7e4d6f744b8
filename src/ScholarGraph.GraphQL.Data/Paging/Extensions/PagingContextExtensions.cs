using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.Data.Aggregates;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Filtering;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.Data.Projection;
using ScholarGraph.GraphQL.Data.Sorting.Types;

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
        return connection with
        {
            GroupCounts = grouping => new DeferredResult<IReadOnlyList<GroupCount>>(async ct =>
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                return await grouping.CountAsync(filtered(db).AsNoTracking(), ct);
            }),
        };
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

    /// <summary><paramref name="query"/> restricted by the field's <c>where</c> argument, when it has one.</summary>
    private static Func<TContext, IQueryable<T>> FilteredQuery<TContext, T>(this IResolveFieldContext context, Func<TContext, IQueryable<T>> query)
    {
        var filter = context.FilterArgument<T>();
        return filter is null ? query : db => query(db).Where(filter);
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
            return filter is null ? expression : FilterChildren(expression, filter);
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
            .Then(connection => connection is null ? null : connection with
            {
                // One GROUP BY query per grouping for every parent of the level, whatever page each parent asked for.
                GroupCounts = grouping => registry.GetOrAdd<TKey, IReadOnlyList<GroupCount>>($"{loaderName}#groups#{grouping.Name}",
                        async (keys, ct) =>
                        {
                            await using var db = await contexts.CreateDbContextAsync(ct);
                            return await grouping.CountPerParentAsync(parents(db, keys).AsNoTracking(), parentKey, ChildrenOf(keys)(db), ct);
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
    /// The predicate of the field's <c>where</c> argument, or <c>null</c> when the field has none or the client gave none. Built
    /// once per field and argument value per request (it does not depend on the parent), before anything reaches the database.
    /// </summary>
    /// <exception cref="FilterException">The filter's value cannot be applied; the message names the argument path.</exception>
    public static Expression<Func<T, bool>>? FilterArgument<T>(this IResolveFieldContext context)
    {
        if (context.FieldDefinition.Arguments?.Find(DataArguments.Where)?.ResolvedType is not FilterInputGraphType<T> filter
            || ArgumentValue(context, DataArguments.Where) is not { } value)
            return null;
        return context.Service<BatchLoaderRegistry>().Remember(
            $"where:{context.ParentType.Name}.{context.FieldDefinition.Name}:{Json(value)}",
            () => new StrongBox<Expression<Func<T, bool>>?>(filter.ToPredicate(value, $"{context.FieldPath()}({DataArguments.Where})"))).Value;
    }

    /// <summary>The order of the field's <c>order</c> argument, or <paramref name="fallback"/> when it has none or the client gave none.</summary>
    /// <exception cref="FilterException">An element of <c>order</c> sets no field or several.</exception>
    public static KeysetOrdering<T> OrderArgument<T>(this IResolveFieldContext context, KeysetOrdering<T> fallback) =>
        context.FieldDefinition.Arguments?.Find(DataArguments.Order)?.ResolvedType?.GetNamedType() is SortInputGraphType<T> sort
            ? sort.ToOrdering(ArgumentValue(context, DataArguments.Order), $"{context.FieldPath()}({DataArguments.Order})", fallback)
            : fallback;

    /// <summary>
    /// A suffix that tells apart loads of one field with different <c>where</c> or <c>order</c> values (empty without them), for
    /// batch loader names: parents that share the values share one batch.
    /// </summary>
    public static string DataArgumentsKey(this IResolveFieldContext context)
    {
        var where = ArgumentValue(context, DataArguments.Where);
        var order = ArgumentValue(context, DataArguments.Order);
        return where is null && order is null ? "" : $"#where={Json(where)}#order={Json(order)}";
    }

    private static object? ArgumentValue(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var argument) ? argument.Value : null;

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    /// <summary><c>parent =&gt; children(parent).Where(filter)</c>, so the database filters the children of every parent.</summary>
    private static Expression<Func<TParent, IEnumerable<TChild>>> FilterChildren<TParent, TChild>(
        Expression<Func<TParent, IEnumerable<TChild>>> childrenOf, Expression<Func<TChild, bool>> filter) =>
        Expression.Lambda<Func<TParent, IEnumerable<TChild>>>(
            // Children given as a query of their own (db.Authors.Where(...)) stay a query; navigation collections stay enumerables.
            typeof(IQueryable<TChild>).IsAssignableFrom(childrenOf.Body.Type)
                ? Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TChild)], childrenOf.Body, Expression.Quote(filter))
                : Expression.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(TChild)], childrenOf.Body, filter),
            childrenOf.Parameters);

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
