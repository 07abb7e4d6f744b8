using GraphQL;
using GraphQL.DataLoader;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Schema;

/// <summary>Batched loads of entities by key, shared by every type that points at them.</summary>
internal static class Loaders
{
    public static IDataLoaderResult<Author?> LoadAuthor(this IResolveFieldContext context, string id) =>
        context.LoadByKey<ScholarGraphDbContext, string, Author>("Author.byId", id,
            (db, keys) => db.Authors.Where(a => keys.Contains(a.Id)), a => a.Id);

    public static IDataLoaderResult<Paper?> LoadPaper(this IResolveFieldContext context, string id) =>
        context.LoadByKey<ScholarGraphDbContext, string, Paper>("Paper.byId", id,
            (db, keys) => db.Papers.Where(p => keys.Contains(p.Id)), p => p.Id);

    public static IDataLoaderResult<Institution?> LoadInstitution(this IResolveFieldContext context, string id) =>
        context.LoadByKey<ScholarGraphDbContext, string, Institution>("Institution.byId", id,
            (db, keys) => db.Institutions.Where(i => keys.Contains(i.Id)), i => i.Id);

    public static IDataLoaderResult<Topic?> LoadTopic(this IResolveFieldContext context, string id) =>
        context.LoadByKey<ScholarGraphDbContext, string, Topic>("Topic.byId", id,
            (db, keys) => db.Topics.Where(t => keys.Contains(t.Id)), t => t.Id);
}
