using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Paging;

namespace ScholarGraph.GraphQL.Data.Aggregates.Extensions;

/// <summary>
/// Gives the connections the paging entry points load their <see cref="Connection{T}.GroupCounts"/>: counted in SQL only when a
/// client selects <c>groupCounts</c>, over the whole filtered collection rather than the page.
/// </summary>
internal static class ConnectionGroupCountExtensions
{
    /// <summary><paramref name="connection"/>, its group counts read from <paramref name="filtered"/> (one GROUP BY per grouping).</summary>
    public static Connection<T> WithGroupCounts<TContext, T>(
        this Connection<T> connection, IDbContextFactory<TContext> contexts, Func<TContext, IQueryable<T>> filtered)
        where TContext : DbContext
        where T : class =>
        connection with
        {
            GroupCounts = grouping => new DeferredResult<IReadOnlyList<GroupCount>>(async ct =>
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                return await grouping.CountAsync(filtered(db).AsNoTracking(), ct);
            }),
        };

    /// <summary>
    /// <paramref name="connection"/> of the parent with <paramref name="key"/>, its group counts batched with those of every other
    /// parent of the level: one GROUP BY query per grouping, whatever page each parent asked for.
    /// </summary>
    public static Connection<TChild> WithGroupCountsPerParent<TContext, TParent, TKey, TChild>(
        this Connection<TChild> connection, BatchLoaderRegistry registry, string loaderName, TKey key, IDbContextFactory<TContext> contexts,
        Func<TContext, IReadOnlyList<TKey>, IQueryable<TParent>> parents, Expression<Func<TParent, TKey>> parentKey,
        Func<IReadOnlyList<TKey>, Func<TContext, Expression<Func<TParent, IEnumerable<TChild>>>>> childrenOf)
        where TContext : DbContext
        where TParent : class
        where TKey : notnull =>
        connection with
        {
            GroupCounts = grouping => registry.GetOrAdd<TKey, IReadOnlyList<GroupCount>>($"{loaderName}#groups#{grouping.Name}",
                    async (keys, ct) =>
                    {
                        await using var db = await contexts.CreateDbContextAsync(ct);
                        return await grouping.CountPerParentAsync(parents(db, keys).AsNoTracking(), parentKey, childrenOf(keys)(db), ct);
                    })
                .Load(key)
                .Then(groups => groups ?? []),
        };
}
