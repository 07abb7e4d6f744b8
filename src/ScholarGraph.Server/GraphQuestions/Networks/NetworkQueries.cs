using GraphQL;
using GraphQL.Types;
using ScholarGraph.GraphQL.AspNetCore.Limits;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.GraphQuestions.Networks;

/// <summary>The root fields that walk the coauthor graph in the index: <c>coauthorNetwork</c> and <c>collaborationPath</c>.</summary>
internal static class NetworkQueries
{
    /// <summary>Largest <c>depth</c>: beyond three steps a network holds most of a connected field.</summary>
    public const int MaxDepth = 3;

    /// <summary>Largest <c>maxNodes</c>.</summary>
    public const int MaxNodes = 2000;

    /// <summary>Largest <c>maxLength</c> of a collaboration path.</summary>
    public const int MaxPathLength = 12;

    /// <summary>Largest <c>maxPaths</c>.</summary>
    public const int MaxPaths = 20;

    public static void AddNetworkFields(this ObjectGraphType query)
    {
        query.Field<CoauthorNetworkType>("coauthorNetwork")
            .Description("The coauthor network around an author, from the in-memory graph index: the authors within `depth` coauthor steps "
                + "and the coauthorships among them. Null when the id names no author.")
            .Argument<NonNullGraphType<IdGraphType>>("authorId", "The global id of the author at the center.")
            .Argument<IntGraphType>("depth", a => { a.DefaultValue = 1; a.Description = $"Coauthor steps from the center, 0 to {MaxDepth}."; })
            .Argument<IntGraphType>("minSharedPapers", a => { a.DefaultValue = 1; a.Description = "Coauthorships with fewer shared papers (within the filters) are neither followed nor drawn; at least 1."; })
            .Argument<Papers.DateGraphType>("from", "Counts only papers published on or after this date; papers without a date then do not count.")
            .Argument<Papers.DateGraphType>("to", "Counts only papers published on or before this date; papers without a date then do not count.")
            .Argument<IdGraphType>("topicId", "Counts only papers on this topic (its global id).")
            .Argument<IntGraphType>("maxNodes", a => { a.DefaultValue = 200; a.Description = $"Largest number of authors, the center included, 1 to {MaxNodes}; nearer authors and stronger ties are kept first."; })
            .Cost(GraphQuestionCosts.CoauthorNetwork)
            .ListSize(slicingArguments: ["maxNodes"], sizedFields: ["nodes", "edges"], requireOneSlicingArgument: false)
            .Resolve(CoauthorNetwork);

        query.Field<NonNullGraphType<CollaborationPathResultType>>("collaborationPath")
            .Description("The shortest chains of coauthors from one author to another (bidirectional search on the graph index), each hop "
                + "with the papers that make it; `path` is null and `reason` says why when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("fromAuthorId", "The global id of the first author.")
            .Argument<NonNullGraphType<IdGraphType>>("toAuthorId", "The global id of the last author.")
            .Argument<IntGraphType>("maxLength", a => { a.DefaultValue = 6; a.Description = $"Longest path worth finding, in hops, 1 to {MaxPathLength}."; })
            .Argument<IntGraphType>("maxPaths", a => { a.DefaultValue = 1; a.Description = $"How many shortest paths to return in `paths`, 1 to {MaxPaths}."; })
            .Cost(GraphQuestionCosts.CollaborationPath)
            .ListSize(slicingArguments: ["maxPaths"], sizedFields: ["paths"], requireOneSlicingArgument: false)
            .Resolve(CollaborationPath);
    }

    private static Indexed<CoauthorNetwork>? CoauthorNetwork(IResolveFieldContext context)
    {
        var depth = GraphArguments.Int(context, "depth", 0, MaxDepth);
        var minShared = GraphArguments.Int(context, "minSharedPapers", 1, int.MaxValue);
        var maxNodes = GraphArguments.Int(context, "maxNodes", 1, MaxNodes);
        var from = context.GetArgument<DateOnly?>("from");
        var to = context.GetArgument<DateOnly?>("to");
        if (from > to)
            throw GraphArguments.OutOfRange(context, "from", $"must not be after 'to' ({to:yyyy-MM-dd}); got {from:yyyy-MM-dd}");
        var authorKey = NodeIds.KeyOf(context, AuthorType.TypeName, "authorId");
        var topicKey = context.GetArgument<string?>("topicId") is null ? null : NodeIds.KeyOf(context, TopicType.TypeName, "topicId");

        var snapshot = context.GraphSnapshot();
        var index = snapshot.Index;
        if (!index.Authors.TryGetId(authorKey, out var center))
            return null;
        int? topic = topicKey is null ? null : index.Topics.TryGetId(topicKey, out var t) ? t : -1;
        using var activity = GraphIndexTelemetry.Start("graph coauthorNetwork");
        var network = Graph.Scholarly.CoauthorNetwork.Explore(index, center, depth, minShared, index.PaperFilter(from, to, topic), maxNodes);
        activity?.SetTag(GraphIndexTelemetry.AuthorsTag, network.Nodes.Count);
        return new Indexed<CoauthorNetwork>(snapshot, network);
    }

    private static CollaborationPathResult CollaborationPath(IResolveFieldContext context)
    {
        var maxLength = GraphArguments.Int(context, "maxLength", 1, MaxPathLength);
        var maxPaths = GraphArguments.Int(context, "maxPaths", 1, MaxPaths);
        var fromKey = NodeIds.KeyOf(context, AuthorType.TypeName, "fromAuthorId");
        var toKey = NodeIds.KeyOf(context, AuthorType.TypeName, "toAuthorId");
        var snapshot = context.GraphSnapshot();
        var index = snapshot.Index;
        if (!index.Authors.TryGetId(fromKey, out var from) || !index.Authors.TryGetId(toKey, out var to))
            return new CollaborationPathResult(snapshot, [], NoPathReason.UnknownAuthor);
        using var activity = GraphIndexTelemetry.Start("graph collaborationPath");
        var paths = CollaborationPaths.Find(index, from, to, maxLength, maxPaths);
        return new CollaborationPathResult(snapshot, paths, paths.Count == 0 ? NoPathReason.NotConnectedWithinMaxLength : null);
    }
}
