using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Scholarly;

/// <summary>
/// The unfiltered coauthor graph precomputed at build time: a <see cref="CsrGraph"/> whose weights are shared papers, plus the
/// first and last year of every tie at the same row positions. An unfiltered <see cref="CoauthorNetwork"/> is then a walk over
/// stored rows (no paper is read to find neighbours, ties or years), which keeps its cost flat as the graph grows.
/// </summary>
/// <remarks>
/// Memory: the CSR (<c>4·(A+1) + 8·E</c> for E stored row entries, each tie twice) plus 4 bytes per entry for the two years,
/// so 12 bytes per row entry (<see cref="MemoryBytes"/>). Building costs O(Σ k²) over papers of k authors plus a sort per author.
/// </remarks>
public sealed class CoauthorGraph
{
    /// <summary>The value of a year slot when no shared paper of the tie is dated.</summary>
    private const short NoYear = short.MinValue;

    private readonly short[] _firstYear;
    private readonly short[] _lastYear;

    private CoauthorGraph(CsrGraph graph, short[] firstYear, short[] lastYear)
    {
        Graph = graph;
        _firstYear = firstYear;
        _lastYear = lastYear;
    }

    /// <summary>Authors joined by their shared papers; weight = number of shared papers.</summary>
    public CsrGraph Graph { get; }

    /// <summary>Bytes held by the arrays.</summary>
    public long MemoryBytes => Graph.MemoryBytes + 2L * (_firstYear.Length + _lastYear.Length);

    /// <summary>Builds the graph and the years of each tie from the authorship index and each paper's year.</summary>
    /// <param name="authorship">Papers and their authors.</param>
    /// <param name="paperYear">A paper's year, or <c>null</c> when it has no date.</param>
    internal static CoauthorGraph Build(AuthorshipIndex authorship, Func<int, int?> paperYear)
    {
        var graph = authorship.BuildCoauthorGraph();
        var offsets = graph.RowOffsets;
        var targets = graph.RowTargets;
        var firstYear = new short[targets.Length];
        var lastYear = new short[targets.Length];
        var years = new int?[authorship.PaperCount];
        for (var paper = 0; paper < years.Length; paper++)
        {
            years[paper] = paperYear(paper);
        }

        // Per author, the row position of each coauthor (found by binary search of the sorted row) takes the min and max year.
        for (var author = 0; author < authorship.AuthorCount; author++)
        {
            var rowStart = offsets[author];
            var row = targets.AsSpan(rowStart, offsets[author + 1] - rowStart);
            firstYear.AsSpan(rowStart, row.Length).Fill(NoYear);
            lastYear.AsSpan(rowStart, row.Length).Fill(NoYear);
            foreach (var paper in authorship.PapersOf(author))
            {
                if (years[paper] is not { } year)
                {
                    continue;
                }

                foreach (var coauthor in authorship.AuthorsOf(paper))
                {
                    if (coauthor == author)
                    {
                        continue;
                    }

                    var at = rowStart + row.BinarySearch(coauthor);
                    if (firstYear[at] == NoYear || year < firstYear[at])
                    {
                        firstYear[at] = (short)year;
                    }

                    if (lastYear[at] == NoYear || year > lastYear[at])
                    {
                        lastYear[at] = (short)year;
                    }
                }
            }
        }

        return new CoauthorGraph(graph, firstYear, lastYear);
    }

    /// <summary>Row positions of <paramref name="author"/>'s ties: <c>Graph.RowTargets[start..end]</c>.</summary>
    internal (int Start, int End) Row(int author) => (Graph.RowOffsets[author], Graph.RowOffsets[author + 1]);

    /// <summary>The first year of the tie stored at row position <paramref name="position"/>, or <c>null</c> when none of its papers is dated.</summary>
    internal int? FirstYearAt(int position) => _firstYear[position] == NoYear ? null : _firstYear[position];

    /// <summary>The last year of the tie stored at row position <paramref name="position"/>, or <c>null</c> when none of its papers is dated.</summary>
    internal int? LastYearAt(int position) => _lastYear[position] == NoYear ? null : _lastYear[position];
}
