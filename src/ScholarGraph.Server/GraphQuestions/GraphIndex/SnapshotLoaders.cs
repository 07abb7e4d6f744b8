using GraphQL;
using GraphQL.DataLoader;
using ScholarGraph.Domain;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>Batched loads of the entities behind a snapshot's dense ids, through the same loaders every other type uses.</summary>
internal static class SnapshotLoaders
{
    public static IDataLoaderResult<Author?> LoadAuthor(this IResolveFieldContext context, GraphSnapshot snapshot, int author) =>
        context.LoadAuthor(snapshot.Index.Authors.KeyOf(author));

    public static IDataLoaderResult<Paper?> LoadPaper(this IResolveFieldContext context, GraphSnapshot snapshot, int paper) =>
        context.LoadPaper(snapshot.Index.Papers.KeyOf(paper));

    public static IDataLoaderResult<Topic?> LoadTopic(this IResolveFieldContext context, GraphSnapshot snapshot, int topic) =>
        context.LoadTopic(snapshot.Index.Topics.KeyOf(topic));
}
