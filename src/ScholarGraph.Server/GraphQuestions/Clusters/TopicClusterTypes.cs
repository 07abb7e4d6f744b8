using GraphQL;
using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.GraphQuestions.Clusters;

/// <summary>A clustering with its snapshot and the clusters a client asked for.</summary>
/// <param name="Snapshot">The snapshot.</param>
/// <param name="Clustering">The clustering.</param>
/// <param name="Clusters">The clusters kept (those of at least <c>minSize</c> topics).</param>
public sealed record ClusteringResult(GraphSnapshot Snapshot, TopicClustering Clustering, IReadOnlyList<TopicCluster> Clusters);

/// <summary>
/// A cluster with its clustering. A class, not a record: batched loads key on it, and its lazily ranked members must not change its
/// hash.
/// </summary>
public sealed class ClusterResult(GraphSnapshot snapshot, TopicClustering clustering, TopicCluster cluster)
{
    /// <summary>The snapshot.</summary>
    public GraphSnapshot Snapshot { get; } = snapshot;

    /// <summary>The clustering.</summary>
    public TopicClustering Clustering { get; } = clustering;

    /// <summary>The cluster.</summary>
    public TopicCluster Cluster { get; } = cluster;

    /// <summary>Keys of its three most central topics, which make its label.</summary>
    public string[] LabelTopicKeys { get; } = cluster.Topics.Take(3).Select(snapshot.Index.Topics.KeyOf).ToArray();

    /// <summary>The papers most in the cluster, ranked once per result.</summary>
    public IReadOnlyList<ClusterMember> TopPapers => field ??= Clustering.TopPapers(Cluster.Id, TopicClusterType.RankedMembers);

    /// <summary>The authors most in the cluster, ranked once per result.</summary>
    public IReadOnlyList<ClusterMember> TopAuthors => field ??= Clustering.TopAuthors(Cluster.Id, TopicClusterType.RankedMembers);
}

/// <summary>A paper of a cluster with its rank and share.</summary>
/// <param name="Rank">Position in the cluster's order, from 0.</param>
/// <param name="Paper">The paper.</param>
/// <param name="Share">Share of its topic score in the cluster.</param>
public sealed record ClusterPaper(int Rank, Paper Paper, double Share);

/// <summary>An author of a cluster with their papers in it.</summary>
/// <param name="Rank">Position in the cluster's order, from 0.</param>
/// <param name="Author">The author.</param>
/// <param name="PaperCount">Their papers in the cluster.</param>
/// <param name="Share">That count over all their papers.</param>
public sealed record ClusterAuthor(int Rank, Author Author, int PaperCount, double Share);

/// <summary>The <c>TopicClustering</c> type.</summary>
public sealed class TopicClusteringType : ObjectGraphType<ClusteringResult>
{
    /// <summary>Defines the fields.</summary>
    public TopicClusteringType()
    {
        Name = "TopicClustering";
        Description = "Topics clustered by co-occurrence on papers (association strength, then Leiden modularity optimisation, seed 42).";
        Field<NonNullGraphType<FloatGraphType>>("modularity").Description("Modularity of the whole partition at the resolution used, between -0.5 and 1.")
            .Resolve(c => c.Source.Clustering.Partition.Modularity);
        Field<NonNullGraphType<FloatGraphType>>("resolution").Description("The resolution used.")
            .Resolve(c => c.Source.Clustering.Partition.Resolution);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicClusterType>>>>("clusters")
            .Description("The clusters of at least `minSize` topics, largest first.")
            .Resolve(c => c.Source.Clusters.Select(k => new ClusterResult(c.Source.Snapshot, c.Source.Clustering, k)));
    }
}

/// <summary>The <c>TopicCluster</c> type.</summary>
public sealed class TopicClusterType : ObjectGraphType<ClusterResult>
{
    /// <summary>How many papers and authors a cluster's connections rank.</summary>
    public const int RankedMembers = 100;

    /// <summary>Defines the fields.</summary>
    public TopicClusterType(PagingOptions paging)
    {
        Name = "TopicCluster";
        Description = "A group of topics that co-occur on papers more than chance predicts.";
        Field<NonNullGraphType<IntGraphType>>("id").Description("The cluster's number within its clustering, from 0, largest cluster first.")
            .Resolve(c => c.Source.Cluster.Id);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The names of its (up to) three most central topics.")
            .Resolve(c => StoreLookups.TopicNames(c, "TopicCluster.label", c.Source.LabelTopicKeys));
        Field<NonNullGraphType<IntGraphType>>("size").Description("Number of topics.").Resolve(c => c.Source.Cluster.Size);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicType>>>>("topics")
            .Description("Its topics, most central first (strongest association with the cluster's other topics).")
            .Resolve(c => c.Source.Cluster.Topics.Select(t => c.LoadTopic(c.Source.Snapshot, t)));
        Field<NonNullGraphType<IntGraphType>>("paperCount").Description("Papers whose topic score lies mostly in this cluster.")
            .Resolve(c => c.Source.Cluster.PaperCount);
        Field<FloatGraphType>("meanPublicationYear")
            .Description("An overlay, as VOSviewer colours clusters by mean year: the mean publication year of the cluster's papers (those "
                + "counted in `paperCount`; papers without a date left out), or null when none has a date. Computed from the graph.")
            .Resolve(c => c.Source.Cluster.MeanPublicationYear);
        Field<NonNullGraphType<ClusterPapersConnectionType>>("papers")
            .Description($"The {RankedMembers} papers most in the cluster: largest share of their topic score in it first.")
            .WithPagingArguments(paging)
            .Resolve(c => c.LoadComputedConnection("TopicCluster.papers", c.Source,
                StoreLookups.Papers<ClusterResult, ClusterPaper>(c, k => k.TopPapers.Select(m => k.Snapshot.Index.Papers.KeyOf(m.Id)),
                    (k, rank, paper) => new ClusterPaper(rank, paper, k.TopPapers[rank].Share)),
                ByRank<ClusterPaper>("ClusterPaper:rank", p => p.Rank)));
        Field<NonNullGraphType<ClusterAuthorsConnectionType>>("authors")
            .Description($"The {RankedMembers} authors most in the cluster: most papers in it first.")
            .WithPagingArguments(paging)
            .Resolve(c => c.LoadComputedConnection("TopicCluster.authors", c.Source,
                StoreLookups.Authors<ClusterResult, ClusterAuthor>(c, k => k.TopAuthors.Select(m => k.Snapshot.Index.Authors.KeyOf(m.Id)),
                    (k, rank, author) => new ClusterAuthor(rank, author, k.TopAuthors[rank].PaperCount, k.TopAuthors[rank].Share)),
                ByRank<ClusterAuthor>("ClusterAuthor:rank", a => a.Rank)));
    }

    private static KeysetOrdering<T> ByRank<T>(string name, System.Linq.Expressions.Expression<Func<T, int>> rank) =>
        KeysetOrdering<T>.Named(name).ThenBy(rank);
}

/// <summary><c>ClusterPapersConnection</c>: a page of a cluster's papers, each edge with the paper's share in the cluster.</summary>
public sealed class ClusterPapersConnectionType : ConnectionGraphType<PaperType>
{
    /// <summary>Defines the connection.</summary>
    public ClusterPapersConnectionType() : base("ClusterPapers", "a paper of the cluster")
    {
        Edge.Field<NonNullGraphType<FloatGraphType>>("share")
            .Description("Share of the paper's topic score that falls in the cluster, 0 to 1.")
            .Resolve(c => ((ClusterPaper)c.Source.Node!).Share);
    }

    /// <inheritdoc />
    protected override object? NodeOf(IEdge edge) => ((ClusterPaper)edge.Node!).Paper;
}

/// <summary><c>ClusterAuthorsConnection</c>: a page of a cluster's authors, each edge with their papers in the cluster.</summary>
public sealed class ClusterAuthorsConnectionType : ConnectionGraphType<AuthorType>
{
    /// <summary>Defines the connection.</summary>
    public ClusterAuthorsConnectionType() : base("ClusterAuthors", "an author of the cluster")
    {
        Edge.Field<NonNullGraphType<IntGraphType>>("paperCount").Description("The author's papers in the cluster.")
            .Resolve(c => ((ClusterAuthor)c.Source.Node!).PaperCount);
        Edge.Field<NonNullGraphType<FloatGraphType>>("share").Description("The author's papers in the cluster over all their papers, 0 to 1.")
            .Resolve(c => ((ClusterAuthor)c.Source.Node!).Share);
    }

    /// <inheritdoc />
    protected override object? NodeOf(IEdge edge) => ((ClusterAuthor)edge.Node!).Author;
}
