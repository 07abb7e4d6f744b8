using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Hosting.ReadReplicas;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// Batched loads of the entities behind a snapshot's dense ids, through the same loaders every other type uses. The index holds
/// every entity it names (each write reaches it after its commit), so an entity the operation's store does not return can only
/// be missing from a read replica that has not replayed the write yet: it is then read from the primary, one by key, instead of
/// failing the non-null field a graph answer puts it in.
/// </summary>
internal static class SnapshotLoaders
{
    public static IDataLoaderResult<Author?> LoadAuthor(this IResolveFieldContext context, GraphSnapshot snapshot, int author)
    {
        var key = snapshot.Index.Authors.KeyOf(author);
        return context.LoadAuthor(key).OrFromPrimary(context, db => db.Authors.Where(a => a.Id == key));
    }

    public static IDataLoaderResult<Paper?> LoadPaper(this IResolveFieldContext context, GraphSnapshot snapshot, int paper)
    {
        var key = snapshot.Index.Papers.KeyOf(paper);
        return context.LoadPaper(key).OrFromPrimary(context, db => db.Papers.Where(p => p.Id == key));
    }

    public static IDataLoaderResult<Topic?> LoadTopic(this IResolveFieldContext context, GraphSnapshot snapshot, int topic)
    {
        var key = snapshot.Index.Topics.KeyOf(topic);
        return context.LoadTopic(key).OrFromPrimary(context, db => db.Topics.Where(t => t.Id == key));
    }

    /// <summary>
    /// <paramref name="loaded"/>, or where it finds nothing and a read replica serves the operation, the row read from the primary
    /// by <paramref name="byKey"/>: an entity the index names that the replica has not replayed yet.
    /// </summary>
    internal static IDataLoaderResult<T?> OrFromPrimary<T>(
        this IDataLoaderResult<T?> loaded, IResolveFieldContext context, Func<ScholarGraphDbContext, IQueryable<T>> byKey) where T : class
    {
        if (PrimaryStore.BesideReplica(context.RequestServices!) is not { } primary)
            return loaded;
        return new DeferredResult<T?>(async cancellationToken =>
        {
            if (await loaded.GetResultAsync(cancellationToken).ConfigureAwait(false) is { } found)
                return found;
            await using var db = await primary.Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await byKey(db).AsNoTracking().FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        });
    }
}
