using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Scholarly;

/// <summary>
/// The unfiltered coauthor graph precomputed at build time, in CSR rows: each author's coauthors ascending, the number of shared
/// papers (the weight) and the first and last year of the tie at the same positions. An unfiltered <see cref="CoauthorNetwork"/>
/// is then a walk over stored rows (no paper is read to find neighbours, ties or years), which keeps its cost flat as the graph
/// grows. A write replaces the rows of the authors it touches (<see cref="WithRows"/>) and shares the rest.
/// </summary>
/// <remarks>
/// Memory: <c>4·(A+1)</c> for the offsets plus 12 bytes per stored row entry (target, weight, two years; each tie is stored in
/// the rows of both its authors), see <see cref="MemoryBytes"/>. Building costs O(Σ p·k·log(p·k)) over authors of p papers of
/// k authors. Immutable and safe to read from many threads at once.
/// </remarks>
public sealed class CoauthorGraph : IAdjacency
{
    /// <summary>The value of a year slot when no shared paper of the tie is dated.</summary>
    internal const short NoYear = short.MinValue;

    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly float[] _weights;
    private readonly short[] _firstYear;
    private readonly short[] _lastYear;
    private readonly Dictionary<int, Row>? _replaced;

    private CoauthorGraph(int nodeCount, int[] offsets, int[] targets, float[] weights, short[] firstYear, short[] lastYear,
        Dictionary<int, Row>? replaced)
    {
        NodeCount = nodeCount;
        _offsets = offsets;
        _targets = targets;
        _weights = weights;
        _firstYear = firstYear;
        _lastYear = lastYear;
        _replaced = replaced;
    }

    /// <summary>Number of authors; ids run from 0 to <c>NodeCount - 1</c>.</summary>
    public int NodeCount { get; }

    /// <summary>Number of authors whose rows were replaced by writes since the last full build.</summary>
    public int ReplacedRowCount => _replaced?.Count ?? 0;

    /// <summary>Bytes held by the arrays of the last full build (replaced rows not counted).</summary>
    public long MemoryBytes => 4L * (_offsets.Length + _targets.Length + _weights.Length) + 2L * (_firstYear.Length + _lastYear.Length);

    /// <summary>Coauthors of <paramref name="node"/>, ascending, weighted by shared papers.</summary>
    /// <param name="node">An author id.</param>
    public NeighborList OutNeighbors(int node)
    {
        var row = RowOf(node);
        return new NeighborList(row.Targets, row.Weights);
    }

    /// <summary>The same as <see cref="OutNeighbors"/>: coauthorship has no direction.</summary>
    /// <param name="node">An author id.</param>
    public NeighborList InNeighbors(int node) => OutNeighbors(node);

    /// <summary>The author's ties: coauthors ascending with weights and years at the same positions.</summary>
    internal TieRow RowOf(int author)
    {
        if (_replaced is not null && _replaced.TryGetValue(author, out var row))
        {
            return new TieRow(row.Targets, row.Weights, row.FirstYear, row.LastYear);
        }

        if (author >= _offsets.Length - 1)
        {
            return default;
        }

        var start = _offsets[author];
        var length = _offsets[author + 1] - start;
        return new TieRow(_targets.AsSpan(start, length), _weights.AsSpan(start, length), _firstYear.AsSpan(start, length),
            _lastYear.AsSpan(start, length));
    }

    /// <summary>Converts a stored year slot to a year, <c>null</c> for <see cref="NoYear"/>.</summary>
    internal static int? Year(short slot) => slot == NoYear ? null : slot;

    /// <summary>Builds every author's row from the authorship index.</summary>
    /// <param name="authorship">Papers and their authors.</param>
    /// <param name="paperYear">A paper's year, or <see cref="NoYear"/> when it has no date.</param>
    internal static CoauthorGraph Build(AuthorshipIndex authorship, Func<int, short> paperYear)
    {
        var authorCount = authorship.AuthorCount;
        var offsets = new int[authorCount + 1];
        var capacity = Math.Max(16, authorship.AuthorshipCount * 2);
        var targets = new int[capacity];
        var weights = new float[capacity];
        var firstYear = new short[capacity];
        var lastYear = new short[capacity];
        var scratch = new RowScratch();
        var written = 0;
        for (var author = 0; author < authorCount; author++)
        {
            var count = scratch.Collect(authorship, paperYear, author);
            if (written + count > targets.Length)
            {
                var grown = (int)Math.Min(Array.MaxLength, Math.Max(2L * targets.Length, (long)written + count));
                Array.Resize(ref targets, grown);
                Array.Resize(ref weights, grown);
                Array.Resize(ref firstYear, grown);
                Array.Resize(ref lastYear, grown);
            }

            scratch.CopyTo(count, targets.AsSpan(written), weights.AsSpan(written), firstYear.AsSpan(written), lastYear.AsSpan(written));
            written += count;
            offsets[author + 1] = written;
        }

        Array.Resize(ref targets, written);
        Array.Resize(ref weights, written);
        Array.Resize(ref firstYear, written);
        Array.Resize(ref lastYear, written);
        return new CoauthorGraph(authorCount, offsets, targets, weights, firstYear, lastYear, null);
    }

    /// <summary>
    /// A graph that shares this one's rows except those of <paramref name="authors"/>, which are recomputed from
    /// <paramref name="authorship"/> (already holding the write). Every tie a write changes has both ends among the authors of the
    /// papers it touched, so passing those authors keeps every row right. Costs the papers of those authors, not the graph.
    /// </summary>
    internal CoauthorGraph WithRows(AuthorshipIndex authorship, Func<int, short> paperYear, IEnumerable<int> authors)
    {
        var replaced = _replaced is null ? [] : new Dictionary<int, Row>(_replaced);
        var scratch = new RowScratch();
        foreach (var author in authors)
        {
            var count = scratch.Collect(authorship, paperYear, author);
            var row = new Row(new int[count], new float[count], new short[count], new short[count]);
            scratch.CopyTo(count, row.Targets, row.Weights, row.FirstYear, row.LastYear);
            replaced[author] = row;
        }

        return new CoauthorGraph(authorship.AuthorCount, _offsets, _targets, _weights, _firstYear, _lastYear, replaced);
    }

    private sealed record Row(int[] Targets, float[] Weights, short[] FirstYear, short[] LastYear);

    /// <summary>Gathers one author's ties: every (coauthor, year) occurrence sorted, then runs counted.</summary>
    private sealed class RowScratch
    {
        private long[] _occurrences = new long[64];
        private int[] _targets = new int[64];
        private float[] _weights = new float[64];
        private short[] _first = new short[64];
        private short[] _last = new short[64];

        public int Collect(AuthorshipIndex authorship, Func<int, short> paperYear, int author)
        {
            var count = 0;
            foreach (var paper in authorship.PapersOf(author))
            {
                var authors = authorship.AuthorsOf(paper);
                if (count + authors.Length > _occurrences.Length)
                {
                    Array.Resize(ref _occurrences, Math.Max(2 * _occurrences.Length, count + authors.Length));
                }

                // The year is biased so that NoYear sorts first within a coauthor's run and dated years follow ascending.
                var year = (long)(ushort)(paperYear(paper) - short.MinValue);
                foreach (var coauthor in authors)
                {
                    if (coauthor != author)
                    {
                        _occurrences[count++] = ((long)coauthor << 16) | year;
                    }
                }
            }

            Array.Sort(_occurrences, 0, count);
            if (_targets.Length < count)
            {
                _targets = new int[_occurrences.Length];
                _weights = new float[_occurrences.Length];
                _first = new short[_occurrences.Length];
                _last = new short[_occurrences.Length];
            }

            var distinct = 0;
            for (var i = 0; i < count;)
            {
                var coauthor = (int)(_occurrences[i] >> 16);
                var first = NoYear;
                var last = NoYear;
                var runStart = i;
                for (; i < count && (int)(_occurrences[i] >> 16) == coauthor; i++)
                {
                    var year = (short)((int)(_occurrences[i] & 0xFFFF) + short.MinValue);
                    if (year != NoYear)
                    {
                        first = first == NoYear ? year : first;
                        last = year;
                    }
                }

                _targets[distinct] = coauthor;
                _weights[distinct] = i - runStart;
                _first[distinct] = first;
                _last[distinct] = last;
                distinct++;
            }

            return distinct;
        }

        public void CopyTo(int count, Span<int> targets, Span<float> weights, Span<short> first, Span<short> last)
        {
            _targets.AsSpan(0, count).CopyTo(targets);
            _weights.AsSpan(0, count).CopyTo(weights);
            _first.AsSpan(0, count).CopyTo(first);
            _last.AsSpan(0, count).CopyTo(last);
        }
    }
}

/// <summary>One author's ties in a <see cref="CoauthorGraph"/>: parallel spans, coauthors ascending.</summary>
internal readonly ref struct TieRow(ReadOnlySpan<int> targets, ReadOnlySpan<float> weights, ReadOnlySpan<short> firstYear, ReadOnlySpan<short> lastYear)
{
    public ReadOnlySpan<int> Targets { get; } = targets;

    public ReadOnlySpan<float> Weights { get; } = weights;

    public ReadOnlySpan<short> FirstYear { get; } = firstYear;

    public ReadOnlySpan<short> LastYear { get; } = lastYear;
}
