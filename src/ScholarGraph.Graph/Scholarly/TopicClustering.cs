using ScholarGraph.Graph.Communities;

namespace ScholarGraph.Graph.Scholarly;

/// <summary>
/// Topics clustered by how they co-occur on papers, as VOSviewer does: the co-occurrence counts are normalised by association
/// strength (<see cref="ScholarlyIndex.TopicAssociation"/>) and partitioned by modularity with Leiden. Every paper then belongs to
/// the cluster that holds most of its topic score, and every author to the clusters of their papers.
/// </summary>
/// <remarks>
/// Deterministic: the same index, resolution and seed give the same clusters, numbered by decreasing size. Computing costs Leiden on
/// the topic graph (topics are few) plus one pass over the paper–topic links; it holds 8 bytes per paper. Immutable once computed.
/// </remarks>
public sealed class TopicClustering
{
    private readonly ScholarlyIndex _index;
    private readonly int[] _clusterOfPaper;
    private readonly int[] _clusterPaperOffsets;
    private readonly int[] _clusterPapers;

    private TopicClustering(ScholarlyIndex index, CommunityPartition partition, TopicCluster[] clusters, int[] clusterOfPaper,
        int[] clusterPaperOffsets, int[] clusterPapers)
    {
        _index = index;
        Partition = partition;
        Clusters = clusters;
        _clusterOfPaper = clusterOfPaper;
        _clusterPaperOffsets = clusterPaperOffsets;
        _clusterPapers = clusterPapers;
    }

    /// <summary>The partition of the topics, with its modularity and resolution.</summary>
    public CommunityPartition Partition { get; }

    /// <summary>The clusters by id (id = position), largest first.</summary>
    public IReadOnlyList<TopicCluster> Clusters { get; }

    /// <summary>Clusters the topics of <paramref name="index"/>.</summary>
    /// <param name="index">The index to read.</param>
    /// <param name="resolution">Leiden's resolution γ; above 1 gives more, smaller clusters; must be positive.</param>
    /// <param name="seed">Leiden's seed; default <see cref="Leiden.DefaultSeed"/>.</param>
    public static TopicClustering Compute(ScholarlyIndex index, double resolution, int seed = Leiden.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(index);
        var association = index.TopicAssociation;
        var partition = Leiden.FindCommunities(association, resolution, seed);
        var membership = partition.Membership;

        var clusters = new TopicCluster[partition.CommunityCount];
        var topicsOf = Enumerable.Range(0, partition.CommunityCount).Select(_ => new List<(int Topic, double Centrality)>()).ToArray();
        for (var topic = 0; topic < association.NodeCount; topic++)
        {
            var neighbors = association.Neighbors(topic);
            var weights = association.NeighborWeights(topic);
            var inside = 0.0;
            for (var i = 0; i < neighbors.Length; i++)
            {
                if (membership[neighbors[i]] == membership[topic])
                {
                    inside += weights[i];
                }
            }

            topicsOf[membership[topic]].Add((topic, inside));
        }

        var clusterOfPaper = new int[index.Authorship.PaperCount];
        var clusterSizes = new int[partition.CommunityCount];
        for (var paper = 0; paper < clusterOfPaper.Length; paper++)
        {
            clusterOfPaper[paper] = StrongestCluster(index, membership, paper);
            if (clusterOfPaper[paper] >= 0)
            {
                clusterSizes[clusterOfPaper[paper]]++;
            }
        }

        var offsets = new int[partition.CommunityCount + 1];
        for (var c = 0; c < partition.CommunityCount; c++)
        {
            offsets[c + 1] = offsets[c] + clusterSizes[c];
        }

        var papers = new int[offsets[^1]];
        var cursor = offsets[..^1];
        for (var paper = 0; paper < clusterOfPaper.Length; paper++)
        {
            if (clusterOfPaper[paper] >= 0)
            {
                papers[cursor[clusterOfPaper[paper]]++] = paper;
            }
        }

        var yearSums = new long[partition.CommunityCount];
        var datedPapers = new int[partition.CommunityCount];
        for (var paper = 0; paper < clusterOfPaper.Length; paper++)
        {
            if (clusterOfPaper[paper] >= 0 && index.PublicationYear(paper) is { } year)
            {
                yearSums[clusterOfPaper[paper]] += year;
                datedPapers[clusterOfPaper[paper]]++;
            }
        }

        for (var c = 0; c < clusters.Length; c++)
        {
            var ordered = topicsOf[c].OrderByDescending(t => t.Centrality).ThenBy(t => t.Topic).Select(t => t.Topic).ToArray();
            clusters[c] = new TopicCluster(c, ordered, clusterSizes[c], datedPapers[c] == 0 ? null : (double)yearSums[c] / datedPapers[c]);
        }

        return new TopicClustering(index, partition, clusters, clusterOfPaper, offsets, papers);
    }

    /// <summary>The cluster of a topic.</summary>
    /// <param name="topic">A topic id.</param>
    public int ClusterOfTopic(int topic) => Partition.Membership[topic];

    /// <summary>The cluster that holds most of the paper's topic score (ties to the lower cluster id), or -1 for a paper without topics.</summary>
    /// <param name="paper">A paper id.</param>
    public int ClusterOfPaper(int paper) => _clusterOfPaper[paper];

    /// <summary>
    /// The cluster's papers that are most in it: its papers ranked by the share of their topic score that falls in the cluster, then
    /// by that score, then by id.
    /// </summary>
    /// <param name="cluster">A cluster id.</param>
    /// <param name="limit">Largest number of papers; at least 0.</param>
    public IReadOnlyList<ClusterMember> TopPapers(int cluster, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var members = new List<(int Paper, double Share, double Score)>();
        foreach (var paper in PapersOf(cluster))
        {
            var topics = _index.TopicsOf(paper);
            var scores = _index.TopicScoresOf(paper);
            double inside = 0, total = 0;
            for (var i = 0; i < topics.Length; i++)
            {
                total += scores[i];
                if (ClusterOfTopic(topics[i]) == cluster)
                {
                    inside += scores[i];
                }
            }

            members.Add((paper, total > 0 ? inside / total : 1.0, inside));
        }

        return members.OrderByDescending(m => m.Share).ThenByDescending(m => m.Score).ThenBy(m => m.Paper).Take(limit)
            .Select(m => new ClusterMember(m.Paper, m.Share, 1))
            .ToArray();
    }

    /// <summary>The authors most in the cluster: those with most papers in it, then by lower id.</summary>
    /// <param name="cluster">A cluster id.</param>
    /// <param name="limit">Largest number of authors; at least 0.</param>
    public IReadOnlyList<ClusterMember> TopAuthors(int cluster, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var counts = new Dictionary<int, int>();
        foreach (var paper in PapersOf(cluster))
        {
            foreach (var author in _index.Authorship.AuthorsOf(paper))
            {
                counts[author] = counts.GetValueOrDefault(author) + 1;
            }
        }

        return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(limit)
            .Select(c => new ClusterMember(c.Key, (double)c.Value / _index.Authorship.PapersOf(c.Key).Length, c.Value))
            .ToArray();
    }

    /// <summary>
    /// The author's share of papers per cluster, largest share first (then lower cluster id): of the author's papers that have
    /// topics, the fraction in each cluster. The shares sum to 1, or the list is empty when no paper has a topic.
    /// </summary>
    /// <param name="author">An author id.</param>
    public IReadOnlyList<ClusterShare> ProfileOf(int author)
    {
        var counts = new Dictionary<int, int>();
        var total = 0;
        foreach (var paper in _index.Authorship.PapersOf(author))
        {
            if (_clusterOfPaper[paper] >= 0)
            {
                counts[_clusterOfPaper[paper]] = counts.GetValueOrDefault(_clusterOfPaper[paper]) + 1;
                total++;
            }
        }

        return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key)
            .Select(c => new ClusterShare(c.Key, c.Value, (double)c.Value / total))
            .ToArray();
    }

    private ReadOnlySpan<int> PapersOf(int cluster) =>
        _clusterPapers.AsSpan(_clusterPaperOffsets[cluster], _clusterPaperOffsets[cluster + 1] - _clusterPaperOffsets[cluster]);

    private static int StrongestCluster(ScholarlyIndex index, ReadOnlySpan<int> membership, int paper)
    {
        var topics = index.TopicsOf(paper);
        var scores = index.TopicScoresOf(paper);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < topics.Length; i++)
        {
            var cluster = membership[topics[i]];
            var score = 0.0;
            for (var j = 0; j < topics.Length; j++)
            {
                if (membership[topics[j]] == cluster)
                {
                    score += scores[j];
                }
            }

            if (score > bestScore || (score == bestScore && cluster < best))
            {
                best = cluster;
                bestScore = score;
            }
        }

        return best;
    }
}

/// <summary>A cluster of topics.</summary>
/// <param name="Id">The cluster's number; clusters are numbered by decreasing number of topics.</param>
/// <param name="Topics">Its topics, most central first (largest association strength to the cluster's other topics, then lower id).</param>
/// <param name="PaperCount">Papers whose strongest cluster it is.</param>
/// <param name="MeanPublicationYear">
/// The mean publication year of those papers (papers without a date left out), or <c>null</c> when none has a date: an overlay
/// showing which clusters are older and which newer, as VOSviewer's overlay visualisation colours clusters by mean year.
/// </param>
public sealed record TopicCluster(int Id, int[] Topics, int PaperCount, double? MeanPublicationYear)
{
    /// <summary>Number of topics.</summary>
    public int Size => Topics.Length;
}

/// <summary>A paper or author of a cluster with how much of it is in the cluster.</summary>
/// <param name="Id">The paper's or author's id.</param>
/// <param name="Share">For a paper, the share of its topic score in the cluster; for an author, the share of their papers in it.</param>
/// <param name="PaperCount">For an author, their papers in the cluster; 1 for a paper.</param>
public readonly record struct ClusterMember(int Id, double Share, int PaperCount);

/// <summary>An author's share of papers in one cluster.</summary>
/// <param name="Cluster">The cluster id.</param>
/// <param name="PaperCount">The author's papers in it.</param>
/// <param name="Share">That count over the author's papers that have topics.</param>
public readonly record struct ClusterShare(int Cluster, int PaperCount, double Share);
