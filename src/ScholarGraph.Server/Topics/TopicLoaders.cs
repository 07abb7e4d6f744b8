using GraphQL;
using GraphQL.DataLoader;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Papers;
using ScholarGraph.Storage.Database;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Batching.Extensions;

namespace ScholarGraph.Server.Topics;

/// <summary>The queries that read topics and what hangs off them, each batched per selection level.</summary>
internal static class TopicLoaders
{
    /// <summary>Topics by name; the default order of every topic connection.</summary>
    public static readonly KeysetOrdering<Topic> TopicsByName =
        KeysetOrdering<Topic>.Named("Topic:name").ThenBy(t => t.Name).ThenBy(t => t.Id);

    /// <summary>The topic with key <paramref name="id"/>, batched with every other topic the selection asks for.</summary>
    public static IDataLoaderResult<Topic?> LoadTopic(this IResolveFieldContext context, string id) =>
        context.LoadByKey<ScholarGraphDbContext, string, Topic>("Topic.byId", id,
            (db, keys) => db.Topics.Where(t => keys.Contains(t.Id)), t => t.Id);

    /// <summary>A page of all topics.</summary>
    public static Task<Connection<Topic>> LoadTopicsAsync(this IResolveFieldContext context) =>
        context.LoadConnectionAsync<ScholarGraphDbContext, Topic>(db => db.Topics, TopicsByName);

    /// <summary>The narrower topics that belong to a topic, by name.</summary>
    public static IDataLoaderResult<IReadOnlyList<Topic>> LoadChildrenOfTopic(this IResolveFieldContext context, string topicId) =>
        context.LoadGroup<ScholarGraphDbContext, string, Topic>("Topic.children", topicId,
            (db, keys) => db.Topics.Where(t => t.ParentId != null && keys.Contains(t.ParentId)).OrderBy(t => t.Name).ThenBy(t => t.Id),
            t => t.ParentId!);

    /// <summary>
    /// A page of the papers covering a topic, newest first: cut from the graph index where it can be (<see cref="PaperPagesFromIndex"/>),
    /// else one windowed query for the selection level.
    /// </summary>
    public static IDataLoaderResult<Connection<Paper>?> LoadPapersOfTopic(this IResolveFieldContext context, string topicId) =>
        PaperPagesFromIndex.TryLoadOfTopic(context, topicId) ?? context.LoadChildConnection<ScholarGraphDbContext, Topic, string, Paper>("Topic.papers", topicId,
            (db, keys) => db.Topics.Where(t => keys.Contains(t.Id)), t => t.Id,
            (_, _) => t => t.Papers.Select(l => l.Paper!), PaperLoaders.PapersNewestFirst);

    /// <summary>A page of the authors of papers covering a topic, by name.</summary>
    public static IDataLoaderResult<Connection<Author>?> LoadAuthorsOfTopic(this IResolveFieldContext context, string topicId) =>
        context.LoadChildConnection<ScholarGraphDbContext, Topic, string, Author>("Topic.authors", topicId,
            (db, keys) => db.Topics.Where(t => keys.Contains(t.Id)), t => t.Id,
            // Distinct (topic, author) pairs joined to the authors, then correlated by one equality as the last step, so SQLite
            // pages it with ROW_NUMBER: a correlation inside Any, or before the Distinct or the join, needs the APPLY
            // operation, which SQLite lacks.
            (db, batch) => t => db.PaperTopics.Where(l => batch.Contains(l.TopicId))
                .Join(db.Authorships, l => l.PaperId, s => s.PaperId, (l, s) => new { l.TopicId, s.AuthorId })
                .Distinct()
                .Join(db.Authors, x => x.AuthorId, a => a.Id, (x, a) => new { x.TopicId, Author = a })
                .Where(x => x.TopicId == t.Id)
                .Select(x => x.Author),
            AuthorLoaders.AuthorsByName);
}
