using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Internal;
using ScholarGraph.Graph.Traversal;

namespace ScholarGraph.Graph.Scholarly;

/// <summary>
/// The coauthor network around an author, ready to draw: the authors within a number of steps, and every coauthorship among them
/// with its shared papers and the years it spans.
/// </summary>
public sealed class CoauthorNetwork
{
    private CoauthorNetwork(IReadOnlyList<NetworkNode> nodes, IReadOnlyList<NetworkEdge> edges, bool truncated)
    {
        Nodes = nodes;
        Edges = edges;
        Truncated = truncated;
    }

    /// <summary>The authors, the center first, then by distance, stronger ties first (as <see cref="Neighborhood.Explore{TGraph}"/> keeps them).</summary>
    public IReadOnlyList<NetworkNode> Nodes { get; }

    /// <summary>Every pair of authors of the network who share at least the minimum number of papers, ordered by source, then target.</summary>
    public IReadOnlyList<NetworkEdge> Edges { get; }

    /// <summary><c>true</c> when the node cap left out authors within the depth (the strongest ties were kept).</summary>
    public bool Truncated { get; }

    /// <summary>Explores the network around <paramref name="center"/>.</summary>
    /// <param name="index">The index to read.</param>
    /// <param name="center">The author at the center.</param>
    /// <param name="depth">Largest number of coauthor steps from the center; 0 gives the center alone.</param>
    /// <param name="minSharedPapers">Coauthorships with fewer shared papers (under the filter) are not followed nor drawn; at least 1.</param>
    /// <param name="includePaper">Counts only papers that pass (see <see cref="ScholarlyIndex.PaperFilter"/>); <c>null</c> counts all.</param>
    /// <param name="maxNodes">Largest number of authors, the center included; at least 1.</param>
    /// <remarks>
    /// Without a filter it walks the precomputed <see cref="ScholarlyIndex.Coauthors"/> rows: the rows of the expanded authors plus,
    /// per kept author, its row or (for a prolific author) a binary search of it per kept author. What needs papers is deferred until
    /// read: an edge's <see cref="NetworkEdge.SharedPapers"/> (an intersection of two paper lists) and, for an author tied to two or
    /// more kept authors, <see cref="NetworkNode.PapersInNetwork"/> (a pass over its papers).
    /// With a filter it counts shared papers on the fly: the traversal reads the papers and coauthors of the expanded authors,
    /// then one pass over the papers of the kept authors finds the ties among them. Neither depends on the size of the graph.
    /// </remarks>
    public static CoauthorNetwork Explore(ScholarlyIndex index, int center, int depth, int minSharedPapers, Func<int, bool>? includePaper, int maxNodes)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSharedPapers, 1);
        var authorCount = index.Authorship.AuthorCount;
        var slots = NodeSlots.Rent(authorCount);
        try
        {
            if (includePaper is null)
            {
                // The common case reads only the stored coauthor rows: neighbours, weights and years are all precomputed.
                var neighborhood = Neighborhood.Explore(index.Coauthors, center, depth, minSharedPapers, maxNodes);
                return ConnectStored(index, neighborhood, slots, minSharedPapers);
            }

            var view = index.Authorship.CreateCoauthorView(includePaper);
            return Connect(index, Neighborhood.Explore(view, center, depth, minSharedPapers, maxNodes), slots, minSharedPapers, includePaper);
        }
        finally
        {
            NodeSlots.Return(slots);
        }
    }

    /// <summary>
    /// Finds the ties among the kept authors of an unfiltered network from the stored coauthor rows: each kept author's row is
    /// scanned with a slot lookup per coauthor, or, when the row is much longer than the network (a prolific author), searched for
    /// each kept author instead, so a hub's thousands of coauthors are not all read. Shared papers are found only when asked.
    /// </summary>
    private static CoauthorNetwork ConnectStored(ScholarlyIndex index, NeighborhoodResult neighborhood, NodeSlots kept, int minSharedPapers)
    {
        var coauthors = index.Coauthors;
        var authorship = index.Authorship;
        var nodes = neighborhood.Nodes;
        var sorted = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            kept.Set(nodes[i].Node, i);
            sorted[i] = nodes[i].Node;
        }

        Array.Sort(sorted);
        // Per node slot: how many kept coauthors it has (any weight) and the weight of the last one, to skip reading its papers
        // when one coauthor accounts for all of them.
        var keptCoauthors = new int[nodes.Count];
        var lastWeight = new int[nodes.Count];
        var edges = new List<NetworkEdge>();
        foreach (var author in sorted)
        {
            var row = coauthors.RowOf(author);
            kept.TryGet(author, out var authorSlot);
            if (row.Targets.Length > 8 * sorted.Length)
            {
                foreach (var other in sorted)
                {
                    if (other > author && row.Targets.BinarySearch(other) is var at and >= 0)
                    {
                        kept.TryGet(other, out var otherSlot);
                        AddTie(author, authorSlot, other, otherSlot, (int)row.Weights[at], row.FirstYear[at], row.LastYear[at]);
                    }
                }

                continue;
            }

            for (var at = 0; at < row.Targets.Length; at++)
            {
                var other = row.Targets[at];
                if (other > author && kept.TryGet(other, out var otherSlot))
                {
                    AddTie(author, authorSlot, other, otherSlot, (int)row.Weights[at], row.FirstYear[at], row.LastYear[at]);
                }
            }
        }

        var result = new NetworkNode[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var author = nodes[i].Node;
            var weightOfOnlyTie = lastWeight[i];
            // Read only when a client asks: for an author tied to several kept authors it means reading all of its papers.
            Func<int> papersInside = keptCoauthors[i] switch
            {
                0 => () => 0,
                1 => () => weightOfOnlyTie,
                _ => () => PapersWithAnotherKeptAuthor(authorship, author, sorted),
            };
            result[i] = new NetworkNode(author, nodes[i].Distance, papersInside);
        }

        return new CoauthorNetwork(result, edges, neighborhood.Truncated);

        void AddTie(int author, int authorSlot, int other, int otherSlot, int weight, short firstYear, short lastYear)
        {
            keptCoauthors[authorSlot]++;
            keptCoauthors[otherSlot]++;
            lastWeight[authorSlot] = lastWeight[otherSlot] = weight;
            if (weight >= minSharedPapers)
            {
                edges.Add(new NetworkEdge(author, other, weight, CoauthorGraph.Year(firstYear), CoauthorGraph.Year(lastYear),
                    () => authorship.SharedPapers(author, other)));
            }
        }
    }

    private static int PapersWithAnotherKeptAuthor(AuthorshipIndex authorship, int author, int[] sortedKept)
    {
        var count = 0;
        foreach (var paper in authorship.PapersOf(author))
        {
            foreach (var other in authorship.AuthorsOf(paper))
            {
                if (other != author && Array.BinarySearch(sortedKept, other) >= 0)
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Finds the ties among the kept authors in one pass over their papers: a paper is handled by the lowest-id kept author on it,
    /// which adds it to every pair of kept authors it lists. Nothing is sorted per author and no intersection is needed, so the
    /// cost is the papers of the kept authors times their author counts.
    /// </summary>
    private static CoauthorNetwork Connect(ScholarlyIndex index, NeighborhoodResult neighborhood, NodeSlots kept, int minSharedPapers,
        Func<int, bool>? includePaper)
    {
        var authorship = index.Authorship;
        var nodes = neighborhood.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            kept.Set(nodes[i].Node, i);
        }

        var papersInside = new int[nodes.Count];
        // Keyed by (lower << 32) | higher: the default hash of such a long is lower ^ higher, a few thousand values for the pairs of
        // a 2,000-author network, so the pairs are spread instead.
        var pairs = new Dictionary<long, List<int>>(SpreadKeyComparer.Instance);
        var onPaper = new List<int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var author = nodes[i].Node;
            foreach (var paper in authorship.PapersOf(author))
            {
                if (includePaper is not null && !includePaper(paper))
                {
                    continue;
                }

                onPaper.Clear();
                foreach (var other in authorship.AuthorsOf(paper))
                {
                    if (kept.TryGet(other, out _))
                    {
                        onPaper.Add(other);
                    }
                }

                if (onPaper.Count < 2)
                {
                    continue;
                }

                papersInside[i]++;
                // Authors of a paper are ascending, so onPaper[0] is its lowest kept author.
                if (onPaper[0] != author)
                {
                    continue;
                }

                for (var x = 0; x < onPaper.Count; x++)
                {
                    for (var y = x + 1; y < onPaper.Count; y++)
                    {
                        var key = ((long)onPaper[x] << 32) | (uint)onPaper[y];
                        if (!pairs.TryGetValue(key, out var shared))
                        {
                            pairs[key] = shared = [];
                        }

                        shared.Add(paper);
                    }
                }
            }
        }

        var edges = new List<NetworkEdge>(pairs.Count);
        foreach (var (key, shared) in pairs.OrderBy(p => p.Key))
        {
            if (shared.Count < minSharedPapers)
            {
                continue;
            }

            var papers = shared.ToArray();
            Array.Sort(papers);
            int? first = null, last = null;
            foreach (var paper in papers)
            {
                if (index.PublicationYear(paper) is { } year)
                {
                    first = first is null ? year : Math.Min(first.Value, year);
                    last = last is null ? year : Math.Max(last.Value, year);
                }
            }

            edges.Add(new NetworkEdge((int)(key >> 32), (int)key, papers, first, last));
        }

        var result = new NetworkNode[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            result[i] = new NetworkNode(nodes[i].Node, nodes[i].Distance, papersInside[i]);
        }

        return new CoauthorNetwork(result, edges, neighborhood.Truncated);
    }
}

/// <summary>An author of a <see cref="CoauthorNetwork"/>.</summary>
public sealed class NetworkNode
{
    private readonly Lazy<int> _papersInNetwork;

    /// <summary>A node whose papers in the network are already counted.</summary>
    internal NetworkNode(int author, int distance, int papersInNetwork) : this(author, distance, () => papersInNetwork)
    {
    }

    /// <summary>A node whose papers in the network are counted only if someone asks.</summary>
    internal NetworkNode(int author, int distance, Func<int> papersInNetwork)
    {
        Author = author;
        Distance = distance;
        _papersInNetwork = new Lazy<int>(papersInNetwork);
    }

    /// <summary>The author's id.</summary>
    public int Author { get; }

    /// <summary>Coauthor steps from the center; 0 for the center.</summary>
    public int Distance { get; }

    /// <summary>The author's papers (under the filter) that another author of the network is also on; counted on first use for unfiltered networks.</summary>
    public int PapersInNetwork => _papersInNetwork.Value;
}

/// <summary>A coauthorship of a <see cref="CoauthorNetwork"/>; <see cref="Source"/> is the lower id.</summary>
public sealed class NetworkEdge
{
    private readonly Lazy<int[]> _sharedPapers;

    /// <summary>An edge whose shared papers are already known.</summary>
    internal NetworkEdge(int source, int target, int[] sharedPapers, int? firstYear, int? lastYear)
        : this(source, target, sharedPapers.Length, firstYear, lastYear, () => sharedPapers)
    {
    }

    /// <summary>An edge whose shared papers are found only if someone asks (an intersection of two paper lists).</summary>
    internal NetworkEdge(int source, int target, int weight, int? firstYear, int? lastYear, Func<int[]> sharedPapers)
    {
        Source = source;
        Target = target;
        Weight = weight;
        FirstYear = firstYear;
        LastYear = lastYear;
        _sharedPapers = new Lazy<int[]>(sharedPapers);
    }

    /// <summary>One author's id.</summary>
    public int Source { get; }

    /// <summary>The other author's id.</summary>
    public int Target { get; }

    /// <summary>Number of shared papers (under the filter): the edge's weight.</summary>
    public int Weight { get; }

    /// <summary>Year of their earliest dated shared paper, or <c>null</c> when none is dated.</summary>
    public int? FirstYear { get; }

    /// <summary>Year of their latest dated shared paper, or <c>null</c> when none is dated.</summary>
    public int? LastYear { get; }

    /// <summary>Paper ids both are on (under the filter), ascending; computed on first use for unfiltered networks.</summary>
    public int[] SharedPapers => _sharedPapers.Value;
}
