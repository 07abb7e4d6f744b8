using ScholarGraph.Graph.Paths;

namespace ScholarGraph.Graph.Scholarly;

/// <summary>Shortest chains of coauthors between two authors, each hop with the papers that make it.</summary>
public static class CollaborationPaths
{
    /// <summary>
    /// Finds up to <paramref name="limit"/> shortest coauthor chains from <paramref name="from"/> to <paramref name="to"/> by
    /// bidirectional search (<see cref="ShortestPaths.AllShortestPaths{TGraph}"/>), lexicographically smallest id sequences first.
    /// </summary>
    /// <param name="index">The index to read.</param>
    /// <param name="from">The first author.</param>
    /// <param name="to">The last author.</param>
    /// <param name="maxLength">Longest chain worth finding, in hops.</param>
    /// <param name="limit">Largest number of chains; at least 1.</param>
    /// <returns>The chains, all of the same length; empty when none has at most <paramref name="maxLength"/> hops.</returns>
    public static IReadOnlyList<CollaborationPath> Find(ScholarlyIndex index, int from, int to, int maxLength, int limit)
    {
        ArgumentNullException.ThrowIfNull(index);
        var view = index.Authorship.CreateCoauthorView();
        return ShortestPaths.AllShortestPaths(view, from, to, limit, maxLength)
            .Select(authors => new CollaborationPath(authors, authors.Zip(authors.Skip(1),
                (a, b) => new CollaborationHop(a, b, index.Authorship.SharedPapers(a, b))).ToArray()))
            .ToArray();
    }
}

/// <summary>A chain of coauthors.</summary>
/// <param name="Authors">Author ids from the first to the last.</param>
/// <param name="Hops">One hop per consecutive pair of <paramref name="Authors"/>.</param>
public sealed record CollaborationPath(int[] Authors, CollaborationHop[] Hops);

/// <summary>One hop of a <see cref="CollaborationPath"/>.</summary>
/// <param name="From">The author the hop leaves.</param>
/// <param name="To">The author it reaches.</param>
/// <param name="Papers">Paper ids both are on, ascending.</param>
public sealed record CollaborationHop(int From, int To, int[] Papers);
