using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// Batched store reads for rows the graph index computes (a network's shared papers, a cluster's papers and authors): every key of
/// one field in a request is answered by one query.
/// </summary>
internal static class StoreLookups
{
    /// <summary>Loads, in one query per batch, the papers with the keys each batch key lists, in the listed order.</summary>
    public static Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, IReadOnlyList<TRow>>>> Papers<TKey, TRow>(
        IResolveFieldContext context, Func<TKey, IEnumerable<string>> paperKeys, Func<TKey, int, Paper, TRow> row)
        where TKey : notnull =>
        Rows(context, paperKeys, (db, ids) => db.Papers.Where(p => ids.Contains(p.Id)), p => p.Id, row);

    /// <summary>Loads, in one query per batch, the authors with the keys each batch key lists, in the listed order.</summary>
    public static Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, IReadOnlyList<TRow>>>> Authors<TKey, TRow>(
        IResolveFieldContext context, Func<TKey, IEnumerable<string>> authorKeys, Func<TKey, int, Author, TRow> row)
        where TKey : notnull =>
        Rows(context, authorKeys, (db, ids) => db.Authors.Where(a => ids.Contains(a.Id)), a => a.Id, row);

    /// <summary>The names of the topics each key lists, joined by ", ", one query per batch.</summary>
    public static IDataLoaderResult<string?> TopicNames(IResolveFieldContext context, string loaderName, string[] topicKeys)
    {
        var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>();
        return context.RequestServices!.GetRequiredService<BatchLoaderRegistry>()
            .GetOrAdd<string[], string>(loaderName, async (keys, ct) =>
            {
                var ids = keys.SelectMany(k => k).Distinct().ToList();
                await using var db = await contexts.CreateDbContextAsync(ct);
                var names = await db.Topics.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
                return keys.Distinct().ToDictionary(k => k, k => string.Join(", ", k.Select(id => names.GetValueOrDefault(id, id))));
            })
            .Load(topicKeys);
    }

    private static Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, IReadOnlyList<TRow>>>> Rows<TKey, TEntity, TRow>(
        IResolveFieldContext context, Func<TKey, IEnumerable<string>> entityKeys,
        Func<ScholarGraphDbContext, List<string>, IQueryable<TEntity>> query, Func<TEntity, string> keyOf, Func<TKey, int, TEntity, TRow> row)
        where TKey : notnull
        where TEntity : class
    {
        var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>();
        return async (keys, ct) =>
        {
            var ids = keys.SelectMany(entityKeys).Distinct().ToList();
            await using var db = await contexts.CreateDbContextAsync(ct);
            var entities = await query(db, ids).AsNoTracking().ToDictionaryAsync(keyOf, ct);
            return keys.Distinct().ToDictionary(k => k, k => (IReadOnlyList<TRow>)entityKeys(k)
                .Select((id, rank) => entities.TryGetValue(id, out var entity) ? row(k, rank, entity) : default)
                .OfType<TRow>().ToList());
        };
    }
}
