using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Projection.Expressions;

namespace ScholarGraph.GraphQL.Data.Batching.Expressions;

/// <summary>Fetch functions for <see cref="BatchLoader{TKey, TValue}"/> that run one query per batch.</summary>
public static class QueryableBatching
{
    /// <summary>
    /// Reads the rows of <paramref name="query"/> and returns them by key, one row per key, with only the columns of
    /// <paramref name="projection"/> (whole rows when it is <c>null</c>).
    /// </summary>
    public static async Task<IReadOnlyDictionary<TKey, T>> ToDictionaryAsync<TContext, TKey, T>(
        IDbContextFactory<TContext> contexts, Func<TContext, IQueryable<T>> query, Func<T, TKey> key, Projection<T>? projection,
        CancellationToken cancellationToken)
        where TContext : DbContext
        where TKey : notnull
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = query(db).AsNoTracking();
        return await (projection?.Apply(rows, db.Model) ?? rows).ToDictionaryAsync(key, cancellationToken);
    }

    /// <summary>Reads the rows of <paramref name="query"/> and groups them by key, keeping the query's order within a group.</summary>
    public static async Task<IReadOnlyDictionary<TKey, IReadOnlyList<T>>> ToLookupAsync<TContext, TKey, T>(
        IDbContextFactory<TContext> contexts, Func<TContext, IQueryable<T>> query, Func<T, TKey> key, CancellationToken cancellationToken)
        where TContext : DbContext
        where TKey : notnull
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await query(db).ToListAsync(cancellationToken);
        return rows.GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList());
    }
}
