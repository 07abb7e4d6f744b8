namespace ScholarGraph.Graph.Index;

/// <summary>
/// The coauthor graph of an <see cref="AuthorshipIndex"/> under a paper filter, computed node by node as a
/// traversal asks: two authors are neighbours when they share a paper that passes the filter, and the weight is
/// the number of such papers. Create one with <see cref="AuthorshipIndex.CreateCoauthorView"/>.
/// </summary>
/// <remarks>
/// Asking for the neighbours of an author with p papers of k authors each costs O(p·k·log(p·k)) and no O(n)
/// allocation, so a view is cheap to create per request. It reuses one scratch buffer: a returned
/// <see cref="NeighborList"/> is valid only until the next call, and one instance must not be shared between
/// threads.
/// </remarks>
public sealed class CoauthorView : IAdjacency
{
    private readonly AuthorshipIndex _index;
    private readonly Func<int, bool>? _includePaper;
    private readonly int _maxAuthorsPerPaper;
    private int[] _collected = new int[64];
    private int[] _neighbors = new int[64];
    private float[] _weights = new float[64];

    internal CoauthorView(AuthorshipIndex index, Func<int, bool>? includePaper, int maxAuthorsPerPaper)
    {
        _index = index;
        _includePaper = includePaper;
        _maxAuthorsPerPaper = maxAuthorsPerPaper;
    }

    /// <summary>Number of authors.</summary>
    public int NodeCount => _index.AuthorCount;

    /// <summary>Coauthors of <paramref name="node"/> on papers that pass the filter, ascending, weighted by shared papers.</summary>
    /// <param name="node">An author id.</param>
    public NeighborList OutNeighbors(int node)
    {
        var collectedCount = 0;
        foreach (var paper in _index.PapersOf(node))
        {
            var authors = _index.AuthorsOf(paper);
            if (authors.Length > _maxAuthorsPerPaper || (_includePaper is not null && !_includePaper(paper)))
            {
                continue;
            }

            if (collectedCount + authors.Length > _collected.Length)
            {
                Array.Resize(ref _collected, Math.Max(2 * _collected.Length, collectedCount + authors.Length));
            }

            foreach (var author in authors)
            {
                if (author != node)
                {
                    _collected[collectedCount++] = author;
                }
            }
        }

        // Sorting groups each coauthor's occurrences; the length of a run is the number of shared papers.
        Array.Sort(_collected, 0, collectedCount);
        if (_neighbors.Length < collectedCount)
        {
            _neighbors = new int[_collected.Length];
            _weights = new float[_collected.Length];
        }

        var distinct = 0;
        for (var i = 0; i < collectedCount;)
        {
            var coauthor = _collected[i];
            var runStart = i;
            while (i < collectedCount && _collected[i] == coauthor)
            {
                i++;
            }

            _neighbors[distinct] = coauthor;
            _weights[distinct] = i - runStart;
            distinct++;
        }

        return new NeighborList(_neighbors.AsSpan(0, distinct), _weights.AsSpan(0, distinct));
    }

    /// <summary>The same as <see cref="OutNeighbors"/>: coauthorship has no direction.</summary>
    /// <param name="node">An author id.</param>
    public NeighborList InNeighbors(int node) => OutNeighbors(node);
}
