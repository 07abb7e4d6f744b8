using ScholarGraph.Graph.Index;
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
    /// Costs the traversal (the papers and coauthors of the kept authors) plus, per kept author, one more pass over its coauthors
    /// to find the edges among kept authors and one sorted intersection per edge: nothing depends on the size of the graph.
    /// </remarks>
    public static CoauthorNetwork Explore(ScholarlyIndex index, int center, int depth, int minSharedPapers, Func<int, bool>? includePaper, int maxNodes)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSharedPapers, 1);
        var authorship = index.Authorship;
        var view = authorship.CreateCoauthorView(includePaper);
        var neighborhood = Neighborhood.Explore(view, center, depth, minSharedPapers, maxNodes);
        var kept = new Dictionary<int, int>(neighborhood.Nodes.Count);
        foreach (var node in neighborhood.Nodes)
        {
            kept.Add(node.Node, node.Distance);
        }

        var edges = new List<NetworkEdge>();
        foreach (var node in neighborhood.Nodes.Select(n => n.Node).Order())
        {
            var neighbors = view.OutNeighbors(node);
            var pending = new List<int>();
            for (var i = 0; i < neighbors.Count; i++)
            {
                if (neighbors.Nodes[i] > node && neighbors.Weights[i] >= minSharedPapers && kept.ContainsKey(neighbors.Nodes[i]))
                {
                    pending.Add(neighbors.Nodes[i]);
                }
            }

            foreach (var other in pending)
            {
                var shared = authorship.SharedPapers(node, other, includePaper);
                var years = shared.Select(index.PublicationYear).OfType<int>().ToArray();
                edges.Add(new NetworkEdge(node, other, shared, years.Length == 0 ? null : years.Min(), years.Length == 0 ? null : years.Max()));
            }
        }

        var nodes = neighborhood.Nodes
            .Select(n => new NetworkNode(n.Node, n.Distance, PapersInside(index, n.Node, kept, includePaper)))
            .ToArray();
        return new CoauthorNetwork(nodes, edges, neighborhood.Truncated);
    }

    /// <summary>Papers of the author (under the filter) that another author of the network is also on.</summary>
    private static int PapersInside(ScholarlyIndex index, int author, Dictionary<int, int> kept, Func<int, bool>? includePaper)
    {
        var count = 0;
        foreach (var paper in index.Authorship.PapersOf(author))
        {
            if (includePaper is not null && !includePaper(paper))
            {
                continue;
            }

            foreach (var other in index.Authorship.AuthorsOf(paper))
            {
                if (other != author && kept.ContainsKey(other))
                {
                    count++;
                    break;
                }
            }
        }

        return count;
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
