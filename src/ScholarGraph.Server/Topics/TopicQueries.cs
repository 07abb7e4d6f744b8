using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Server.Nodes;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;

namespace ScholarGraph.Server.Topics;

/// <summary>The root fields that read topics: <c>topics</c> (a page) and <c>topic(id:)</c>.</summary>
internal static class TopicQueries
{
    /// <summary>Adds <c>topics</c>: all topics, by name unless <c>order</c> says otherwise.</summary>
    public static void AddTopicsField(this ObjectGraphType query, PagingOptions paging) =>
        query.Field<TopicsConnectionType>("topics").Description("All topics, by name unless `order` says otherwise.").WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(TopicFilterInputType), typeof(TopicSortInputType))
            .ResolveAsync(async c => await c.LoadTopicsAsync());

    /// <summary>Adds <c>topic(id:)</c>: the topic with the given global id, or null.</summary>
    public static void AddTopicField(this ObjectGraphType query) =>
        query.Field<TopicType>("topic").Description("The topic with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The topic's global id.")
            .Resolve(c => c.LoadTopic(NodeIds.KeyOf(c, TopicType.TypeName)));
}
