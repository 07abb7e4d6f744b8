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
    /// Costs the traversal (the papers and coauthors of the expanded authors) plus one pass over the papers of the kept authors to
    /// find the ties among them: nothing depends on the size of the graph.
    /// </remarks>
    public static CoauthorNetwork Explore(ScholarlyIndex index, int center, int depth, int minSharedPapers, Func<int, bool>? includePaper, int maxNodes)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSharedPapers, 1);
        var authorship = index.Authorship;
        var view = authorship.CreateCoauthorView(includePaper);
        var neighborhood = Neighborhood.Explore(view, center, depth, minSharedPapers, maxNodes);
        var slots = NodeSlots.Rent(authorship.AuthorCount);
        try
        {
            return Connect(index, neighborhood, slots, minSharedPapers, includePaper);
        }
        finally
        {
            NodeSlots.Return(slots);
        }
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
        var pairs = new Dictionary<long, List<int>>();
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
/// <param name="Author">The author's id.</param>
/// <param name="Distance">Coauthor steps from the center; 0 for the center.</param>
/// <param name="PapersInNetwork">The author's papers (under the filter) that another author of the network is also on.</param>
public readonly record struct NetworkNode(int Author, int Distance, int PapersInNetwork);

/// <summary>A coauthorship of a <see cref="CoauthorNetwork"/>; <see cref="Source"/> is the lower id.</summary>
/// <param name="Source">One author's id.</param>
/// <param name="Target">The other author's id.</param>
/// <param name="SharedPapers">Paper ids both are on (under the filter), ascending.</param>
/// <param name="FirstYear">Year of their earliest dated shared paper, or <c>null</c> when none is dated.</param>
/// <param name="LastYear">Year of their latest dated shared paper, or <c>null</c> when none is dated.</param>
public sealed record NetworkEdge(int Source, int Target, int[] SharedPapers, int? FirstYear, int? LastYear)
{
    /// <summary>Number of shared papers: the edge's weight.</summary>
    public int Weight => SharedPapers.Length;
}
