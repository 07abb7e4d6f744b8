using System.Buffers;
using ScholarGraph.Graph.Internal;

namespace ScholarGraph.Graph.Index;

/// <summary>
/// The bipartite paper–author graph in two CSR directions: the authors of each paper and the papers of each
/// author, both sorted ascending. From it come the coauthor graph (weight = number of shared papers), the shared
/// papers of any two authors, and coauthorship restricted to a subset of papers (a year range, a topic) without
/// rebuilding anything.
/// </summary>
/// <remarks>
/// Memory: <c>4·(P+1) + 4·(A+1) + 8·K</c> bytes for P papers, A authors and K distinct authorships
/// (see <see cref="MemoryBytes"/>). Immutable and safe to read from many threads at once.
/// </remarks>
public sealed class AuthorshipIndex
{
    private readonly int[] _paperOffsets;
    private readonly int[] _paperAuthors;
    private readonly int[] _authorOffsets;
    private readonly int[] _authorPapers;
    // Rows replaced by writes since the full build (see WithPapers); null when there were none.
    private readonly Dictionary<int, int[]>? _paperRows;
    private readonly Dictionary<int, int[]>? _authorRows;

    private AuthorshipIndex(int[] paperOffsets, int[] paperAuthors, int[] authorOffsets, int[] authorPapers)
        : this(paperOffsets, paperAuthors, authorOffsets, authorPapers, paperOffsets.Length - 1, authorOffsets.Length - 1,
            paperAuthors.Length, null, null)
    {
    }

    private AuthorshipIndex(int[] paperOffsets, int[] paperAuthors, int[] authorOffsets, int[] authorPapers, int paperCount,
        int authorCount, int authorshipCount, Dictionary<int, int[]>? paperRows, Dictionary<int, int[]>? authorRows)
    {
        _paperOffsets = paperOffsets;
        _paperAuthors = paperAuthors;
        _authorOffsets = authorOffsets;
        _authorPapers = authorPapers;
        PaperCount = paperCount;
        AuthorCount = authorCount;
        AuthorshipCount = authorshipCount;
        _paperRows = paperRows;
        _authorRows = authorRows;
    }

    /// <summary>Number of papers; paper ids run from 0 to <c>PaperCount - 1</c>.</summary>
    public int PaperCount { get; }

    /// <summary>Number of authors; author ids run from 0 to <c>AuthorCount - 1</c>.</summary>
    public int AuthorCount { get; }

    /// <summary>Number of distinct (paper, author) pairs.</summary>
    public int AuthorshipCount { get; }

    /// <summary>Number of paper and author rows replaced by writes since the full build (0 for a freshly built index).</summary>
    public int ReplacedRowCount => (_paperRows?.Count ?? 0) + (_authorRows?.Count ?? 0);

    /// <summary>Bytes held by the four arrays: <c>4·(PaperCount+1) + 4·(AuthorCount+1) + 8·AuthorshipCount</c>.</summary>
    public long MemoryBytes => 4L * (_paperOffsets.Length + _paperAuthors.Length + _authorOffsets.Length + _authorPapers.Length);

    /// <summary>Builds the index from (paper, author) pairs; a pair given twice counts once.</summary>
    /// <param name="paperCount">Number of papers; paper ids in the pairs lie in <c>0..paperCount-1</c>.</param>
    /// <param name="authorCount">Number of authors; author ids in the pairs lie in <c>0..authorCount-1</c>.</param>
    /// <param name="authorships">One pair per author of each paper, in any order.</param>
    public static AuthorshipIndex Build(int paperCount, int authorCount, ReadOnlySpan<(int Paper, int Author)> authorships)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(paperCount);
        ArgumentOutOfRangeException.ThrowIfNegative(authorCount);
        var paperOffsets = new int[paperCount + 1];
        foreach (var (paper, author) in authorships)
        {
            if ((uint)paper >= (uint)paperCount)
            {
                throw new ArgumentOutOfRangeException(nameof(authorships), paper, $"Paper ids run from 0 to {paperCount - 1}.");
            }

            if ((uint)author >= (uint)authorCount)
            {
                throw new ArgumentOutOfRangeException(nameof(authorships), author, $"Author ids run from 0 to {authorCount - 1}.");
            }

            paperOffsets[paper + 1]++;
        }

        for (var paper = 0; paper < paperCount; paper++)
        {
            paperOffsets[paper + 1] += paperOffsets[paper];
        }

        var paperAuthors = new int[authorships.Length];
        var cursor = paperOffsets.AsSpan(0, paperCount).ToArray();
        foreach (var (paper, author) in authorships)
        {
            paperAuthors[cursor[paper]++] = author;
        }

        // Sources repeat pairs (an author listed twice on a byline); a repeat must not count as a second shared paper.
        var write = 0;
        var rowStart = 0;
        for (var paper = 0; paper < paperCount; paper++)
        {
            var rowEnd = paperOffsets[paper + 1];
            Array.Sort(paperAuthors, rowStart, rowEnd - rowStart);
            paperOffsets[paper] = write;
            for (var i = rowStart; i < rowEnd; i++)
            {
                if (i == rowStart || paperAuthors[i] != paperAuthors[i - 1])
                {
                    paperAuthors[write++] = paperAuthors[i];
                }
            }

            rowStart = rowEnd;
        }

        paperOffsets[paperCount] = write;
        Array.Resize(ref paperAuthors, write);

        var authorOffsets = new int[authorCount + 1];
        foreach (var author in paperAuthors)
        {
            authorOffsets[author + 1]++;
        }

        for (var author = 0; author < authorCount; author++)
        {
            authorOffsets[author + 1] += authorOffsets[author];
        }

        // Walking papers in ascending order leaves every author's paper list sorted.
        var authorPapers = new int[paperAuthors.Length];
        cursor = authorOffsets.AsSpan(0, authorCount).ToArray();
        for (var paper = 0; paper < paperCount; paper++)
        {
            for (var i = paperOffsets[paper]; i < paperOffsets[paper + 1]; i++)
            {
                authorPapers[cursor[paperAuthors[i]]++] = paper;
            }
        }

        return new AuthorshipIndex(paperOffsets, paperAuthors, authorOffsets, authorPapers);
    }

    /// <summary>Authors of <paramref name="paper"/>, ascending.</summary>
    /// <param name="paper">A paper id in <c>0..PaperCount-1</c>.</param>
    public ReadOnlySpan<int> AuthorsOf(int paper)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(paper);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(paper, PaperCount);
        if (_paperRows is not null && _paperRows.TryGetValue(paper, out var row))
        {
            return row;
        }

        if (paper >= _paperOffsets.Length - 1)
        {
            return [];
        }

        return _paperAuthors.AsSpan(_paperOffsets[paper], _paperOffsets[paper + 1] - _paperOffsets[paper]);
    }

    /// <summary>Papers of <paramref name="author"/>, ascending.</summary>
    /// <param name="author">An author id in <c>0..AuthorCount-1</c>.</param>
    public ReadOnlySpan<int> PapersOf(int author)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(author);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(author, AuthorCount);
        if (_authorRows is not null && _authorRows.TryGetValue(author, out var row))
        {
            return row;
        }

        if (author >= _authorOffsets.Length - 1)
        {
            return [];
        }

        return _authorPapers.AsSpan(_authorOffsets[author], _authorOffsets[author + 1] - _authorOffsets[author]);
    }

    /// <summary>
    /// Papers that both authors are on, ascending, by intersecting their sorted paper lists:
    /// O(s + l), or O(s log l) when one list is much longer than the other.
    /// </summary>
    /// <param name="first">An author id.</param>
    /// <param name="second">Another author id (the same id returns all of that author's papers).</param>
    /// <param name="includePaper">Keeps only papers for which it returns <c>true</c>; default <c>null</c> keeps all.</param>
    public int[] SharedPapers(int first, int second, Func<int, bool>? includePaper = null)
    {
        var firstPapers = PapersOf(first);
        var secondPapers = PapersOf(second);
        var buffer = new int[Math.Min(firstPapers.Length, secondPapers.Length)];
        var count = KeepIncluded(buffer.AsSpan(0, SortedSpans.Intersect(firstPapers, secondPapers, buffer)), includePaper);
        return count == buffer.Length ? buffer : buffer.AsSpan(0, count).ToArray();
    }

    /// <summary>Number of papers both authors are on; the same as <c>SharedPapers(...).Length</c> without allocating the result.</summary>
    /// <param name="first">An author id.</param>
    /// <param name="second">Another author id.</param>
    /// <param name="includePaper">Counts only papers for which it returns <c>true</c>; default <c>null</c> counts all.</param>
    public int CountSharedPapers(int first, int second, Func<int, bool>? includePaper = null)
    {
        var firstPapers = PapersOf(first);
        var secondPapers = PapersOf(second);
        var buffer = ArrayPool<int>.Shared.Rent(Math.Min(firstPapers.Length, secondPapers.Length));
        try
        {
            return KeepIncluded(buffer.AsSpan(0, SortedSpans.Intersect(firstPapers, secondPapers, buffer)), includePaper);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Builds the coauthor graph: authors are joined when they share a paper, with weight equal to the number of
    /// shared papers that pass the filter. Authors with no coauthor stay as isolated nodes.
    /// </summary>
    /// <param name="includePaper">Counts only papers for which it returns <c>true</c>; default <c>null</c> counts all. Called once per paper.</param>
    /// <param name="maxAuthorsPerPaper">
    /// Papers with more authors than this are skipped, because a paper with k authors adds k·(k−1)/2 edges
    /// (a physics collaboration of 3,000 adds 4.5 million); default <see cref="int.MaxValue"/>, no paper skipped.
    /// </param>
    /// <remarks>Costs O(Σ k²) over papers of k authors, plus a sort of every author's coauthor list.</remarks>
    /// <exception cref="InvalidOperationException">The index has rows replaced by <see cref="WithPapers"/> (this bulk build reads the full build's arrays).</exception>
    public CsrGraph BuildCoauthorGraph(Func<int, bool>? includePaper = null, int maxAuthorsPerPaper = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAuthorsPerPaper, 1);
        if (ReplacedRowCount > 0)
        {
            throw new InvalidOperationException("The coauthor graph is built in bulk from a freshly built index only.");
        }

        var paperCounts = new bool[PaperCount];
        for (var paper = 0; paper < PaperCount; paper++)
        {
            paperCounts[paper] = _paperOffsets[paper + 1] - _paperOffsets[paper] <= maxAuthorsPerPaper
                && (includePaper is null || includePaper(paper));
        }

        var sharedCount = new int[AuthorCount];
        var touched = new int[AuthorCount];
        var offsets = new int[AuthorCount + 1];
        var targets = new int[Math.Max(16, _paperAuthors.Length)];
        var weights = new float[targets.Length];
        var written = 0;
        for (var author = 0; author < AuthorCount; author++)
        {
            var touchedCount = 0;
            for (var i = _authorOffsets[author]; i < _authorOffsets[author + 1]; i++)
            {
                var paper = _authorPapers[i];
                if (!paperCounts[paper])
                {
                    continue;
                }

                for (var j = _paperOffsets[paper]; j < _paperOffsets[paper + 1]; j++)
                {
                    var coauthor = _paperAuthors[j];
                    if (coauthor == author)
                    {
                        continue;
                    }

                    if (sharedCount[coauthor]++ == 0)
                    {
                        touched[touchedCount++] = coauthor;
                    }
                }
            }

            Array.Sort(touched, 0, touchedCount);
            if (written + touchedCount > targets.Length)
            {
                var capacity = (int)Math.Min(Array.MaxLength, Math.Max(2L * targets.Length, (long)written + touchedCount));
                Array.Resize(ref targets, capacity);
                Array.Resize(ref weights, capacity);
            }

            for (var k = 0; k < touchedCount; k++)
            {
                var coauthor = touched[k];
                targets[written] = coauthor;
                weights[written] = sharedCount[coauthor];
                written++;
                sharedCount[coauthor] = 0;
            }

            offsets[author + 1] = written;
        }

        Array.Resize(ref targets, written);
        Array.Resize(ref weights, written);
        return new CsrGraph(offsets, targets, weights, isDirected: false);
    }

    /// <summary>
    /// A view of the coauthor graph that traversals can walk without building it: each call to
    /// <see cref="CoauthorView.OutNeighbors"/> counts the shared papers that pass the filter on the fly.
    /// Use it for one-off questions under a filter (a year range, a topic); build the graph with
    /// <see cref="BuildCoauthorGraph"/> when the same filter serves many questions.
    /// </summary>
    /// <param name="includePaper">Counts only papers for which it returns <c>true</c>; default <c>null</c> counts all.</param>
    /// <param name="maxAuthorsPerPaper">Papers with more authors than this are skipped; default <see cref="int.MaxValue"/>, none skipped.</param>
    public CoauthorView CreateCoauthorView(Func<int, bool>? includePaper = null, int maxAuthorsPerPaper = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAuthorsPerPaper, 1);
        return new CoauthorView(this, includePaper, maxAuthorsPerPaper);
    }

    private static int KeepIncluded(Span<int> papers, Func<int, bool>? includePaper)
    {
        if (includePaper is null)
        {
            return papers.Length;
        }

        var kept = 0;
        foreach (var paper in papers)
        {
            if (includePaper(paper))
            {
                papers[kept++] = paper;
            }
        }

        return kept;
    }

    /// <summary>
    /// An index that shares this one's arrays but gives each of <paramref name="papers"/> the authors listed (none for a removed
    /// paper), with the paper lists of their old and new authors replaced to match. Ids beyond the current counts are new papers or
    /// authors. Costs the papers of the touched authors, not the size of the index; this index is unchanged.
    /// </summary>
    /// <param name="paperCount">The new number of papers, at least <see cref="PaperCount"/>.</param>
    /// <param name="authorCount">The new number of authors, at least <see cref="AuthorCount"/>.</param>
    /// <param name="papers">Each changed paper with its authors now, in any order (repeats count once).</param>
    /// <param name="touchedAuthors">Receives every author who was or now is on a changed paper: the authors whose coauthors may differ.</param>
    public AuthorshipIndex WithPapers(int paperCount, int authorCount, IEnumerable<(int Paper, IReadOnlyCollection<int> Authors)> papers,
        ISet<int> touchedAuthors)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(touchedAuthors);
        ArgumentOutOfRangeException.ThrowIfLessThan(paperCount, PaperCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(authorCount, AuthorCount);
        var paperRows = _paperRows is null ? [] : new Dictionary<int, int[]>(_paperRows);
        var authorRows = _authorRows is null ? [] : new Dictionary<int, int[]>(_authorRows);
        var authorshipCount = AuthorshipCount;
        var changes = new Dictionary<int, (HashSet<int> Gained, HashSet<int> Lost)>();
        foreach (var (paper, authors) in papers)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(paper, paperCount);
            var before = paper < PaperCount ? AuthorsOf(paper).ToArray() : [];
            var after = authors.Distinct().Order().ToArray();
            foreach (var author in after)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(author, authorCount);
            }

            paperRows[paper] = after;
            authorshipCount += after.Length - before.Length;
            foreach (var author in before.Except(after))
            {
                Change(author).Lost.Add(paper);
            }

            foreach (var author in after.Except(before))
            {
                Change(author).Gained.Add(paper);
            }

            touchedAuthors.UnionWith(before);
            touchedAuthors.UnionWith(after);
        }

        var patched = new AuthorshipIndex(_paperOffsets, _paperAuthors, _authorOffsets, _authorPapers, paperCount, authorCount,
            authorshipCount, paperRows, authorRows);
        foreach (var (author, (gained, lost)) in changes)
        {
            var current = author < AuthorCount ? PapersOf(author) : [];
            var row = new List<int>(current.Length + gained.Count);
            foreach (var paper in current)
            {
                if (!lost.Contains(paper) && !gained.Contains(paper))
                {
                    row.Add(paper);
                }
            }

            row.AddRange(gained);
            row.Sort();
            authorRows[author] = [.. row];
        }

        return patched;

        (HashSet<int> Gained, HashSet<int> Lost) Change(int author)
        {
            if (!changes.TryGetValue(author, out var change))
            {
                changes[author] = change = ([], []);
            }

            return change;
        }
    }
}
