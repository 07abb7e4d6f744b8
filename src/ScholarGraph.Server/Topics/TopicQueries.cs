using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Topics;

/// <summary>The root fields that read topics: <c>topics</c> (a page) and <c>topic(id:)</c>.</summary>
internal static class TopicQueries
{
    /// <summary>Adds <c>topics</c>: all topics, by name unless <c>order</c> says otherwise.</summary>
    public static void AddTopicsField(this ObjectGraphType query, PagingOptions paging) =>
        query.AddConnectionField<TopicsConnectionType, TopicFilterInputType, TopicSortInputType, Connection<Topic>>(
            "topics", "All topics, by name unless `order` says otherwise.", paging, c => c.LoadTopicsAsync());

    /// <summary>Adds <c>topic(id:)</c>: the topic with the given global id, or null.</summary>
    public static void AddTopicField(this ObjectGraphType query) =>
        query.AddLookupField<TopicType, Topic>("topic", TopicType.TypeName, (c, key) => c.LoadTopic(key));
}
