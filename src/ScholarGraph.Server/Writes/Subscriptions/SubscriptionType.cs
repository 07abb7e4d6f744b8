using GraphQL;
using GraphQL.Types;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Writes.Subscriptions;

/// <summary>
/// The root <c>Subscription</c> type: live events from committed writes, through the <see cref="GraphEventHub"/>. Each event
/// is resolved when it arrives, in a service scope of its own, through the same batched loaders as queries.
/// </summary>
public sealed class SubscriptionType : ObjectGraphType
{
    /// <summary>Defines the root fields over the events of <paramref name="hub"/>.</summary>
    public SubscriptionType(GraphEventHub hub)
    {
        Name = "Subscription";
        Description = "Live events from writes to the graph, over graphql-transport-ws (WebSocket) or GraphQL over SSE.";

        Field<NonNullGraphType<PaperType>>("paperAdded")
            .Description("Each paper added from now on; with `topicId` and/or `authorId`, only papers on that topic and/or by that author.")
            .Argument<IdGraphType>("topicId", "Only papers on this topic (its global id).")
            .Argument<IdGraphType>("authorId", "Only papers by this author (its global id).")
            .Resolve(c => c.LoadPaper(((PaperAdded)c.Source!).PaperId))
            .ResolveStream(c =>
            {
                var topic = OptionalKey(c, TopicType.TypeName, "topicId");
                var author = OptionalKey(c, AuthorType.TypeName, "authorId");
                return hub.Observe<PaperAdded, PaperAdded>(paper =>
                    (topic is null || paper.TopicIds.Contains(topic)) && (author is null || paper.AuthorIds.Contains(author)) ? paper : null);
            });

        Field<NonNullGraphType<AuthorType>>("authorUpdated")
            .Description("The author each time their fields or affiliations change.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The author's global id.")
            .Resolve(c => c.LoadAuthor(((AuthorUpdated)c.Source!).AuthorId))
            .ResolveStream(c =>
            {
                var id = NodeIds.KeyOf(c, AuthorType.TypeName);
                return hub.Observe<AuthorUpdated, AuthorUpdated>(change => change.AuthorId == id ? change : null);
            });

        Field<NonNullGraphType<CoauthorshipEventType>>("coauthorshipAdded")
            .Description("Each new shared paper between this author and a coauthor, whichever of the two the write named first.")
            .Argument<NonNullGraphType<IdGraphType>>("authorId", "The author's global id.")
            .ResolveStream(c =>
            {
                var id = NodeIds.KeyOf(c, AuthorType.TypeName, "authorId");
                return hub.Observe<CoauthorshipAdded, CoauthorshipAdded>(change =>
                    change.AuthorId == id ? change
                    : change.CoauthorId == id ? change with { AuthorId = id, CoauthorId = change.AuthorId }
                    : null);
            });
    }

    private static string? OptionalKey(IResolveFieldContext context, string typeName, string argument) =>
        context.GetArgument<string?>(argument) is null ? null : NodeIds.KeyOf(context, typeName, argument);
}
