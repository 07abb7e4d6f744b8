using GraphQL;
using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.AspNetCore.Limits;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.GraphQuestions.Clusters;

/// <summary>An author's share in one cluster, with the cluster.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Share">The share.</param>
public sealed record TopicShareResult(ClusterResult Cluster, ClusterShare Share);

/// <summary>The <c>RelatedTopic</c> type.</summary>
public sealed class RelatedTopicType : ObjectGraphType<Indexed<RelatedTopic>>
{
    /// <summary>Defines the fields.</summary>
    public RelatedTopicType()
    {
        Name = "RelatedTopic";
        Description = "A topic that co-occurs with another on papers.";
        Field<NonNullGraphType<TopicType>>("topic").Description("The related topic.")
            .Resolve(c => c.LoadTopic(c.Source.Snapshot, c.Source.Value.Topic));
        Field<NonNullGraphType<FloatGraphType>>("strength")
            .Description("Association strength: how often the two topics share a paper over what chance predicts from how often each occurs (1 = as expected).")
            .Resolve(c => (double)c.Source.Value.Strength);
        Field<NonNullGraphType<IntGraphType>>("sharedPapers").Description("Papers that cover both topics.")
            .Resolve(c => c.Source.Value.SharedPapers);
    }
}

/// <summary>The <c>TopicShare</c> type.</summary>
public sealed class TopicShareType : ObjectGraphType<TopicShareResult>
{
    /// <summary>Defines the fields.</summary>
    public TopicShareType()
    {
        Name = "TopicShare";
        Description = "The part of an author's papers that falls in one topic cluster.";
        Field<NonNullGraphType<TopicClusterType>>("cluster").Description("The cluster.").Resolve(c => c.Source.Cluster);
        Field<NonNullGraphType<IntGraphType>>("paperCount").Description("The author's papers whose topic score lies mostly in the cluster.")
            .Resolve(c => c.Source.Share.PaperCount);
        Field<NonNullGraphType<FloatGraphType>>("share").Description("That count over the author's papers that have topics; the shares of an author sum to 1.")
            .Resolve(c => c.Source.Share.Share);
    }
}

/// <summary>The fields that read topic clusters and topic co-occurrence from the graph index.</summary>
internal static class ClusterFields
{
    /// <summary>Largest <c>resolution</c>.</summary>
    public const double MaxResolution = 100;

    /// <summary>Largest <c>first</c> of <c>Topic.related</c>.</summary>
    public const int MaxRelated = 50;

    public static void AddTopicClustersField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<TopicClusteringType>>("topicClusters")
            .Description("Topics clustered by co-occurring on papers: counts normalised by association strength (as VOSviewer does) and "
                + "partitioned by modularity with Leiden; the same graph and resolution always give the same clusters.")
            .Argument<FloatGraphType>("resolution", a => { a.DefaultValue = 1.0; a.Description = $"Leiden's resolution, above 0 and at most {MaxResolution}: higher gives more, smaller clusters."; })
            .Argument<IntGraphType>("minSize", a => { a.DefaultValue = 1; a.Description = "Leaves out clusters of fewer topics; at least 1."; })
            .Cost(GraphQuestionCosts.TopicClusters)
            .ListSize(assumedSize: GraphQuestionCosts.AssumedClusters, sizedFields: ["clusters"], requireOneSlicingArgument: false)
            .Resolve(c =>
            {
                var resolution = GraphArguments.Float(c, "resolution", 0, MaxResolution);
                var minSize = GraphArguments.Int(c, "minSize", 1, int.MaxValue);
                var snapshot = c.GraphSnapshot();
                var clustering = snapshot.Clustering(resolution);
                return new ClusteringResult(snapshot, clustering, clustering.Clusters.Where(k => k.Size >= minSize).ToArray());
            });

    public static void AddTopicProfile(this ObjectGraphType<Author> author) =>
        author.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicShareType>>>>("topicProfile")
            .Description("The author's share of papers per topic cluster (see `topicClusters`), largest first; empty when no paper has a topic.")
            .Argument<FloatGraphType>("resolution", a => { a.DefaultValue = 1.0; a.Description = $"The clustering's resolution, above 0 and at most {MaxResolution}."; })
            .Cost(GraphQuestionCosts.TopicProfile)
            .ListSize(assumedSize: GraphQuestionCosts.AssumedProfileClusters, requireOneSlicingArgument: false)
            .Resolve(c =>
            {
                var resolution = GraphArguments.Float(c, "resolution", 0, MaxResolution);
                var snapshot = c.GraphSnapshot();
                if (!snapshot.Index.Authors.TryGetId(c.Source.Id, out var id))
                    return Array.Empty<TopicShareResult>();
                var clustering = snapshot.Clustering(resolution);
                return clustering.ProfileOf(id)
                    .Select(s => new TopicShareResult(new ClusterResult(snapshot, clustering, clustering.Clusters[s.Cluster]), s)).ToArray();
            });

    public static void AddRelatedTopics(this ObjectGraphType<Topic> topic) =>
        topic.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedTopicType>>>>("related")
            .Description("The topics that co-occur with this one on papers, strongest association first.")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 10; a.Description = $"How many topics to return, 0 to {MaxRelated}."; })
            .ListSize(slicingArguments: ["first"], requireOneSlicingArgument: false)
            .Resolve(c =>
            {
                var first = GraphArguments.Int(c, "first", 0, MaxRelated);
                var snapshot = c.GraphSnapshot();
                return snapshot.Index.Topics.TryGetId(c.Source.Id, out var id)
                    ? snapshot.Index.RelatedTopics(id, first).Select(r => new Indexed<RelatedTopic>(snapshot, r)).ToArray()
                    : Array.Empty<Indexed<RelatedTopic>>();
            });
}
