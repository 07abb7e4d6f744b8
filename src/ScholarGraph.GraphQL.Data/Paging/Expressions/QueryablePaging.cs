using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using GraphQL.DataLoader;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Internal;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.Data.Projection.Expressions;

namespace ScholarGraph.GraphQL.Data.Paging.Expressions;

/// <summary>
/// Cursor paging translated into SQL: the keyset predicate, ORDER BY and LIMIT run in the database, and one extra row is read to
/// know whether another page follows. Each database call opens its own short-lived context from the factory, because GraphQL.NET
/// resolves fields in parallel.
/// </summary>
public static class QueryablePaging
{
    /// <summary>
    /// Reads one page of the rows <paramref name="query"/> selects, in <paramref name="ordering"/>, with only the columns of
    /// <paramref name="projection"/> (whole rows when it is <c>null</c>).
    /// </summary>
    /// <exception cref="PagingException">The cursor is malformed or foreign.</exception>
    public static async Task<Connection<T>> ToConnectionAsync<TContext, T>(
        IDbContextFactory<TContext> contexts, Func<TContext, IQueryable<T>> query, KeysetOrdering<T> ordering, PageRequest page,
        Projection<T>? projection, string fieldPath, CancellationToken cancellationToken)
        where TContext : DbContext
        where T : class
    {
        var after = page.Cursor is null ? null : ordering.After(page.Cursor, !page.Forward, CursorPath(fieldPath, page));
        List<T> rows;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var source = query(db).AsNoTracking();
            if (after is not null)
                source = source.Where(after);
            var read = ordering.Sort(source, reverse: !page.Forward).Take(page.Size + 1);
            rows = await (projection?.Apply(read, db.Model) ?? read).ToListAsync(cancellationToken);
        }
        return Slice(rows, ordering, page, () => CountLater(contexts, query));
    }

    /// <summary>Counts the rows of <paramref name="query"/> when the result is first awaited, for a <c>totalCount</c> that was selected.</summary>
    internal static DeferredResult<int> CountLater<TContext, T>(IDbContextFactory<TContext> contexts, Func<TContext, IQueryable<T>> query)
        where TContext : DbContext =>
        new(async ct =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await query(db).CountAsync(ct);
        });

    /// <summary>
    /// Reads one page of children for each of many parents in a single query (the children's LIMIT applies per parent, which the
    /// database does with a window function), for nested connections such as an author's papers. Children reached through a
    /// collection navigation are restricted to the batch's parents inside the window (see <see cref="BatchRestriction"/>).
    /// </summary>
    /// <param name="contexts">Opens the context for the query.</param>
    /// <param name="parents">The parents whose pages to read, already restricted to the keys of the batch.</param>
    /// <param name="parentKey">The parent's key.</param>
    /// <param name="children">The children of a parent, as an expression the database can run.</param>
    /// <param name="ordering">The children's order.</param>
    /// <param name="page">The page to read of every parent.</param>
    /// <param name="projection">The columns to read of each child; <c>null</c> reads whole rows.</param>
    /// <param name="fieldPath">The field's path, for error messages.</param>
    /// <param name="totalCount">Produces the deferred total count of a parent's children.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyDictionary<TKey, Connection<TChild>>> ToConnectionsAsync<TContext, TParent, TKey, TChild>(
        IDbContextFactory<TContext> contexts, Func<TContext, IQueryable<TParent>> parents, Expression<Func<TParent, TKey>> parentKey,
        Func<TContext, Expression<Func<TParent, IEnumerable<TChild>>>> children, KeysetOrdering<TChild> ordering, PageRequest page,
        Projection<TChild>? projection, string fieldPath, Func<TKey, IDataLoaderResult<int>> totalCount, CancellationToken cancellationToken)
        where TContext : DbContext
        where TParent : class
        where TKey : notnull
        where TChild : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var childrenOf = BatchRestriction.ToBatch(children(db), parentKey, parents(db).Select(parentKey), db.Model);
        var parent = childrenOf.Parameters[0];
        Expression items = childrenOf.Body;
        if (page.Cursor is not null)
            items = LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(TChild)], items,
                ordering.After(page.Cursor, !page.Forward, CursorPath(fieldPath, page)));
        items = ordering.SortExpression(items, reverse: !page.Forward, queryable: false);
        items = LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Take), [typeof(TChild)], items, Expression.Constant(page.Size + 1));
        // Projected after the page is cut, inside the correlated subquery, so the window function still pages whole rows by key.
        if (projection?.Selector(db.Model) is { } selector)
            items = LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(TChild), typeof(TChild)], items, selector);
        items = LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(TChild)], items);
        var slice = Expression.Lambda<Func<TParent, ChildSlice<TKey, TChild>>>(
            Expression.MemberInit(Expression.New(typeof(ChildSlice<TKey, TChild>)),
                Expression.Bind(typeof(ChildSlice<TKey, TChild>).GetProperty(nameof(ChildSlice<TKey, TChild>.Key))!,
                    ExpressionRewriting.Replace(parentKey.Body, parentKey.Parameters[0], parent)),
                Expression.Bind(typeof(ChildSlice<TKey, TChild>).GetProperty(nameof(ChildSlice<TKey, TChild>.Items))!, items)),
            parent);

        var slices = await parents(db).AsNoTracking().Select(slice).ToListAsync(cancellationToken);
        return slices.ToDictionary(s => s.Key, s => Slice(s.Items, ordering, page, () => totalCount(s.Key)));
    }

    /// <summary>Counts the children of many parents in one query, for the deferred <c>totalCount</c> of nested connections.</summary>
    public static async Task<IReadOnlyDictionary<TKey, int>> CountChildrenAsync<TContext, TParent, TKey, TChild>(
        IDbContextFactory<TContext> contexts, Func<TContext, IQueryable<TParent>> parents, Expression<Func<TParent, TKey>> parentKey,
        Func<TContext, Expression<Func<TParent, IEnumerable<TChild>>>> children, CancellationToken cancellationToken)
        where TContext : DbContext
        where TParent : class
        where TKey : notnull
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var childrenOf = children(db);
        var parent = childrenOf.Parameters[0];
        var count = Expression.Lambda<Func<TParent, KeyValuePair<TKey, int>>>(
            Expression.New(typeof(KeyValuePair<TKey, int>).GetConstructor([typeof(TKey), typeof(int)])!,
                ExpressionRewriting.Replace(parentKey.Body, parentKey.Parameters[0], parent),
                LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(TChild)], childrenOf.Body)),
            parent);
        var counts = await parents(db).AsNoTracking().Select(count).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Value);
    }

    /// <summary>
    /// Pages rows already in memory with the same cursors and rules as the SQL paths, for connections computed outside the
    /// database (for example aggregated coauthorships).
    /// </summary>
    public static Connection<T> PageInMemory<T>(IEnumerable<T> rows, KeysetOrdering<T> ordering, PageRequest page, string fieldPath)
    {
        var all = rows.AsQueryable();
        var source = all;
        if (page.Cursor is not null)
            source = source.Where(ordering.After(page.Cursor, !page.Forward, CursorPath(fieldPath, page)));
        var read = ordering.Sort(source, reverse: !page.Forward).Take(page.Size + 1).ToList();
        return Slice(read, ordering, page, () => new DeferredResult<int>(_ => Task.FromResult(all.Count())));
    }

    /// <summary>Turns the rows read for a page (one more than the page size, in reading direction) into a connection.</summary>
    public static Connection<T> Slice<T>(List<T> rows, KeysetOrdering<T> ordering, PageRequest page, Func<IDataLoaderResult<int>> totalCount)
    {
        var more = rows.Count > page.Size;
        if (more)
            rows.RemoveRange(page.Size, rows.Count - page.Size);
        if (!page.Forward)
            rows.Reverse();
        var cursorOf = ordering.CursorWriter();
        var edges = new List<Edge<T>>(rows.Count);
        foreach (var row in rows)
            edges.Add(new Edge<T>(cursorOf, row));
        var moreBefore = page.Forward ? page.Cursor is not null : more;
        var moreAfter = page.Forward ? more : page.Cursor is not null;
        return new Connection<T>(edges, new PageInfo(moreAfter, moreBefore, edges.FirstOrDefault(), edges.LastOrDefault()), totalCount);
    }

    private static string CursorPath(string fieldPath, PageRequest page) => $"{fieldPath}({(page.Forward ? "after" : "before")})";

    /// <summary>The page of children read for one parent; public only so that EF Core can construct it in a projection.</summary>
    /// <typeparam name="TKey">The parent key type.</typeparam>
    /// <typeparam name="TChild">The child type.</typeparam>
    public sealed class ChildSlice<TKey, TChild>
    {
        /// <summary>The parent's key.</summary>
        public TKey Key { get; set; } = default!;

        /// <summary>The children read, in reading order.</summary>
        public List<TChild> Items { get; set; } = [];
    }
}
