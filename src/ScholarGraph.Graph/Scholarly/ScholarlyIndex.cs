using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Metrics;
using ScholarGraph.Graph.Normalization;

namespace ScholarGraph.Graph.Scholarly;

/// <summary>
/// Everything the graph questions need about a scholarly graph, in compact arrays over dense ids: who wrote which paper
/// (<see cref="Authorship"/>), when each paper appeared, which topics each paper covers with what score, the topic co-occurrence
/// graph, and the citation graph. Build one with <see cref="ScholarlyIndexBuilder"/>.
/// </summary>
/// <remarks>
/// <para>
/// Memory (<see cref="MemoryBytes"/>, the arrays; the key maps are counted apart in <see cref="KeyMemoryBytes"/>):
/// the authorship index (<c>4·(P+1) + 4·(A+1) + 8·K</c> for K authorships), 4·P for publication days and 4·P for venues,
/// 8·T for the topic hierarchy (parents and fields), paper–topic links in both
/// directions (<c>4·(P+1) + 4·(T+1) + 12·L</c> for L links), the precomputed coauthor graph (<see cref="CoauthorGraph"/>, 12 bytes per
/// stored tie end), the citation graph in both directions (<c>8·(P+1) + 16·C</c> for C
/// citations), and the topic co-occurrence graph with its association strengths (small: topics are few).
/// Measured on generated graphs (bench/ScholarGraph.Bench.Graph, 5 authorships and 10 citations per paper): 530-554 bytes per paper
/// for the arrays (about half of it the precomputed coauthor graph) and about 135 more for the key maps, 528 MiB and 129 MiB at a
/// million papers. Rows replaced by <see cref="WithPapers"/> are held beside the arrays and not counted.
/// </para>
/// <para>Immutable and safe to read from many threads at once. Per-author metrics are computed on demand from the author's papers.</para>
/// </remarks>
public sealed class ScholarlyIndex
{
    /// <summary>The value of <see cref="PublicationDay"/> for a paper without a date.</summary>
    public const int NoDay = int.MinValue;

    /// <summary>The id that stands for "none": a paper without a venue or a primary topic, a topic without a parent.</summary>
    public const int None = -1;

    private readonly int[] _paperDay;
    private readonly int[] _paperTopicOffsets;
    private readonly int[] _paperTopics;
    private readonly float[] _paperTopicScores;
    private readonly int[] _topicPaperOffsets;
    private readonly int[] _topicPapers;
    private readonly int[] _paperVenue;
    private readonly int[] _topicParent;
    private readonly int[] _topicField;
    private readonly IndexOverlay? _overlay;

    internal ScholarlyIndex(
        KeyMap papers, KeyMap authors, KeyMap topics, KeyMap venues, AuthorshipIndex authorship, int[] paperDay, int[] paperVenue,
        int[] paperTopicOffsets, int[] paperTopics, float[] paperTopicScores, int[] topicPaperOffsets, int[] topicPapers,
        int[] topicParent, bool[] topicIsField, CsrGraph citations, CsrGraph topicCooccurrence, CoauthorGraph coauthors)
    {
        Coauthors = coauthors;
        Papers = papers;
        Authors = authors;
        Topics = topics;
        Venues = venues;
        Authorship = authorship;
        _paperDay = paperDay;
        _paperVenue = paperVenue;
        _topicParent = topicParent;
        _topicField = FieldsOf(topicParent, topicIsField);
        _paperTopicOffsets = paperTopicOffsets;
        _paperTopics = paperTopics;
        _paperTopicScores = paperTopicScores;
        _topicPaperOffsets = topicPaperOffsets;
        _topicPapers = topicPapers;
        Citations = citations;
        TopicCooccurrence = topicCooccurrence;
        TopicAssociation = AssociationStrength.Normalize(topicCooccurrence, scaleByTotalWeight: true);
    }

    private ScholarlyIndex(ScholarlyIndex basis, KeyMap papers, KeyMap authors, KeyMap venues, AuthorshipIndex authorship,
        CoauthorGraph coauthors, IndexOverlay overlay)
    {
        Papers = papers;
        Authors = authors;
        Topics = basis.Topics;
        Venues = venues;
        Authorship = authorship;
        Coauthors = coauthors;
        _paperDay = basis._paperDay;
        _paperVenue = basis._paperVenue;
        _topicParent = basis._topicParent;
        _topicField = basis._topicField;
        _paperTopicOffsets = basis._paperTopicOffsets;
        _paperTopics = basis._paperTopics;
        _paperTopicScores = basis._paperTopicScores;
        _topicPaperOffsets = basis._topicPaperOffsets;
        _topicPapers = basis._topicPapers;
        Citations = basis.Citations;
        TopicCooccurrence = basis.TopicCooccurrence;
        TopicAssociation = basis.TopicAssociation;
        _overlay = overlay;
    }

    /// <summary>Papers changed by <see cref="WithPapers"/> since the full build (0 for a freshly built index).</summary>
    public int ChangedPaperCount => _overlay?.Days.Count ?? 0;

    /// <summary>Paper keys and their dense ids.</summary>
    public KeyMap Papers { get; }

    /// <summary>Author keys and their dense ids.</summary>
    public KeyMap Authors { get; }

    /// <summary>Topic keys and their dense ids.</summary>
    public KeyMap Topics { get; }

    /// <summary>Venue keys (journals, conferences, repositories) and their dense ids.</summary>
    public KeyMap Venues { get; }

    /// <summary>Papers and their authors in both directions; the coauthor graph comes from it.</summary>
    public AuthorshipIndex Authorship { get; }

    /// <summary>The unfiltered coauthor graph with the years of every tie, precomputed so that unfiltered networks read no paper.</summary>
    public CoauthorGraph Coauthors { get; }

    /// <summary>Directed: an edge from the citing paper to the cited one; in-rows give "cited by".</summary>
    public CsrGraph Citations { get; }

    /// <summary>Undirected: two topics are joined by the number of papers that cover both.</summary>
    public CsrGraph TopicCooccurrence { get; }

    /// <summary>
    /// <see cref="TopicCooccurrence"/> normalised by association strength, scaled so that 1 means "as often as chance predicts"
    /// (<see cref="AssociationStrength.Normalize"/> with <c>scaleByTotalWeight: true</c>).
    /// </summary>
    public CsrGraph TopicAssociation { get; }

    /// <summary>Bytes held by the index's arrays (the key maps excluded; see <see cref="KeyMemoryBytes"/>).</summary>
    public long MemoryBytes =>
        Authorship.MemoryBytes + Coauthors.MemoryBytes + Citations.MemoryBytes + TopicCooccurrence.MemoryBytes + 4L * TopicCooccurrence.EdgeCount * 2
        + 4L * (_paperDay.Length + _paperVenue.Length + _paperTopicOffsets.Length + _paperTopics.Length + _paperTopicScores.Length
            + _topicPaperOffsets.Length + _topicPapers.Length + _topicParent.Length + _topicField.Length);

    /// <summary>Estimated bytes held by the four key maps (<see cref="KeyMap.EstimatedMemoryBytes"/>).</summary>
    public long KeyMemoryBytes =>
        Papers.EstimatedMemoryBytes + Authors.EstimatedMemoryBytes + Topics.EstimatedMemoryBytes + Venues.EstimatedMemoryBytes;

    /// <summary>The paper's publication date as <see cref="DateOnly.DayNumber"/>, or <see cref="NoDay"/> when it has none.</summary>
    /// <param name="paper">A paper id.</param>
    public int PublicationDay(int paper) =>
        _overlay is not null && _overlay.Days.TryGetValue(paper, out var day) ? day : paper < _paperDay.Length ? _paperDay[paper] : NoDay;

    /// <summary>The year of a publication day as <see cref="CoauthorGraph"/> stores it (<see cref="CoauthorGraph.NoYear"/> for <see cref="NoDay"/>).</summary>
    internal static short YearSlot(int day) => day == NoDay ? CoauthorGraph.NoYear : (short)DateOnly.FromDayNumber(day).Year;

    /// <summary>The paper's publication year, or <c>null</c> when it has no date.</summary>
    /// <param name="paper">A paper id.</param>
    public int? PublicationYear(int paper) => PublicationDay(paper) is var day && day == NoDay ? null : DateOnly.FromDayNumber(day).Year;

    /// <summary>The venue the paper was published in, or <see cref="None"/> when it has none.</summary>
    /// <param name="paper">A paper id.</param>
    public int VenueOf(int paper) =>
        _overlay is not null && _overlay.Venues.TryGetValue(paper, out var venue) ? venue : paper < _paperVenue.Length ? _paperVenue[paper] : None;

    /// <summary>
    /// The paper's primary topic: the one with the highest score (ties to the lower id), as OpenAlex's <c>primary_topic</c> is its
    /// highest-scored topic; <see cref="None"/> for a paper without topics.
    /// </summary>
    /// <param name="paper">A paper id.</param>
    public int PrimaryTopicOf(int paper)
    {
        var topics = TopicsOf(paper);
        var scores = TopicScoresOf(paper);
        var best = None;
        var bestScore = float.NegativeInfinity;
        for (var i = 0; i < topics.Length; i++)
        {
            // Topics are ascending, so a strictly higher score is needed to replace an earlier (lower) id.
            if (scores[i] > bestScore)
            {
                best = topics[i];
                bestScore = scores[i];
            }
        }

        return best;
    }

    /// <summary>The broader topic this one belongs to in the imported hierarchy, or <see cref="None"/> at the top or outside any hierarchy.</summary>
    /// <param name="topic">A topic id.</param>
    public int ParentOf(int topic) => _topicParent[topic];

    /// <summary>
    /// The field the topic belongs to: the nearest of itself and its ancestors that was added as a field
    /// (<see cref="ScholarlyIndexBuilder.AddTopic"/> with <c>isField</c>), or the topic itself when none is (a topic outside any
    /// hierarchy is its own field). Field-normalised indicators compare papers within it.
    /// </summary>
    /// <param name="topic">A topic id.</param>
    public int FieldOf(int topic) => _topicField[topic];

    /// <summary>Topics of the paper, ascending.</summary>
    /// <param name="paper">A paper id.</param>
    public ReadOnlySpan<int> TopicsOf(int paper) =>
        _overlay is not null && _overlay.Topics.TryGetValue(paper, out var row) ? row.Topics
        : paper >= _paperDay.Length ? []
        : _paperTopics.AsSpan(_paperTopicOffsets[paper], _paperTopicOffsets[paper + 1] - _paperTopicOffsets[paper]);

    /// <summary>Scores of the paper's topics, at the same positions as <see cref="TopicsOf"/>.</summary>
    /// <param name="paper">A paper id.</param>
    public ReadOnlySpan<float> TopicScoresOf(int paper) =>
        _overlay is not null && _overlay.Topics.TryGetValue(paper, out var row) ? row.Scores
        : paper >= _paperDay.Length ? []
        : _paperTopicScores.AsSpan(_paperTopicOffsets[paper], _paperTopicOffsets[paper + 1] - _paperTopicOffsets[paper]);

    /// <summary>Citations the paper receives from papers in the index (each citing paper once).</summary>
    /// <param name="paper">A paper id.</param>
    public int CitationCount(int paper) => CitedByOf(paper).Length;

    /// <summary>Papers that cite the paper, ascending; kept current by <see cref="WithPapers"/> like <see cref="ReferencesOf"/>.</summary>
    /// <param name="paper">A paper id.</param>
    public ReadOnlySpan<int> CitedByOf(int paper) =>
        _overlay is not null && _overlay.CitedBy.TryGetValue(paper, out var row) ? row
        : paper < Citations.NodeCount ? Citations.InNeighbors(paper).Nodes : [];

    /// <summary>Papers the paper cites, ascending.</summary>
    /// <param name="paper">A paper id.</param>
    public ReadOnlySpan<int> ReferencesOf(int paper) =>
        _overlay is not null && _overlay.References.TryGetValue(paper, out var row) ? row
        : paper < Citations.NodeCount ? Citations.Neighbors(paper) : [];

    /// <summary>Papers that cover the topic, ascending, as of the last full build (papers changed since are not in it).</summary>
    /// <param name="topic">A topic id.</param>
    public ReadOnlySpan<int> PapersWithTopic(int topic) =>
        _topicPapers.AsSpan(_topicPaperOffsets[topic], _topicPaperOffsets[topic + 1] - _topicPaperOffsets[topic]);

    /// <summary>
    /// Papers that cover the topic now: <see cref="PapersWithTopic"/> with the papers changed since the full build counted by their
    /// current topics (a removed paper by none). Ascending where nothing changed; otherwise the built ones ascending, then the
    /// changed ones. A new array each call.
    /// </summary>
    /// <param name="topic">A topic id.</param>
    public int[] CurrentPapersWithTopic(int topic)
    {
        var built = PapersWithTopic(topic);
        if (_overlay is null || _overlay.Topics.Count == 0)
            return built.ToArray();
        var papers = new List<int>(built.Length);
        foreach (var paper in built)
        {
            if (!_overlay.Topics.ContainsKey(paper))
                papers.Add(paper);
        }
        foreach (var (paper, row) in _overlay.Topics)
        {
            if (row.Topics.AsSpan().BinarySearch(topic) >= 0)
                papers.Add(paper);
        }
        return [.. papers];
    }

    /// <summary>Whether the paper covers the topic, by binary search of its sorted topics.</summary>
    /// <param name="paper">A paper id.</param>
    /// <param name="topic">A topic id.</param>
    public bool HasTopic(int paper, int topic) => TopicsOf(paper).BinarySearch(topic) >= 0;

    /// <summary>
    /// A paper filter for <see cref="AuthorshipIndex.CreateCoauthorView"/> and <see cref="AuthorshipIndex.SharedPapers"/>: papers
    /// published within the dates (a paper without a date passes only when neither bound is given) and covering the topic.
    /// </summary>
    /// <param name="from">Earliest publication date, inclusive; <c>null</c> for no lower bound.</param>
    /// <param name="to">Latest publication date, inclusive; <c>null</c> for no upper bound.</param>
    /// <param name="topic">A topic id the paper must cover; <c>null</c> for any topic.</param>
    /// <returns>The filter, or <c>null</c> when no condition is given (every paper passes).</returns>
    public Func<int, bool>? PaperFilter(DateOnly? from, DateOnly? to, int? topic)
    {
        if (from is null && to is null && topic is null)
        {
            return null;
        }

        var first = from?.DayNumber ?? int.MinValue;
        var last = to?.DayNumber ?? int.MaxValue;
        var dated = from is not null || to is not null;
        return paper =>
        {
            var day = PublicationDay(paper);
            if (dated && (day == NoDay || day < first || day > last))
            {
                return false;
            }

            return topic is not { } t || HasTopic(paper, t);
        };
    }

    /// <summary>
    /// The topics that co-occur with <paramref name="topic"/> on papers, strongest association first (then more shared papers,
    /// then lower id).
    /// </summary>
    /// <param name="topic">A topic id.</param>
    /// <param name="limit">Largest number of topics to return; at least 0.</param>
    public IReadOnlyList<RelatedTopic> RelatedTopics(int topic, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var neighbors = TopicAssociation.Neighbors(topic);
        var strengths = TopicAssociation.NeighborWeights(topic);
        var counts = TopicCooccurrence.NeighborWeights(topic);
        var related = new RelatedTopic[neighbors.Length];
        for (var i = 0; i < neighbors.Length; i++)
        {
            related[i] = new RelatedTopic(neighbors[i], strengths[i], (int)counts[i]);
        }

        Array.Sort(related, (x, y) =>
        {
            var byStrength = y.Strength.CompareTo(x.Strength);
            if (byStrength != 0)
            {
                return byStrength;
            }

            var byCount = y.SharedPapers.CompareTo(x.SharedPapers);
            return byCount != 0 ? byCount : x.Topic.CompareTo(y.Topic);
        });
        return related.Length <= limit ? related : related[..limit];
    }

    /// <summary>
    /// An index that holds <paramref name="papers"/> as given (added, changed or removed) and shares everything else with this one,
    /// which is unchanged. Each paper replaces the rows it touches: its own date, authors, topics and references, the paper lists
    /// and coauthor rows of its old and new authors, and the citing rows (<see cref="CitedByOf"/>) of the papers it cited or now cites. The cost is those
    /// rows (plus a copy of the small overlay of earlier changes), not the size of the index. New authors are added from
    /// <paramref name="authorKeys"/> and from the papers' bylines.
    /// </summary>
    /// <param name="papers">The papers as they now are; a paper absent from the store is given with <see cref="PaperRows.Removed"/>.</param>
    /// <param name="authorKeys">Authors to know even without papers (just created).</param>
    /// <exception cref="ArgumentException">A paper names a topic the index does not know (a new topic needs a full build).</exception>
    /// <remarks>
    /// What stays as of the last full build until the next one: the topic co-occurrence graph and its association strengths (and so
    /// the topic clusters and related topics), and <see cref="PapersWithTopic"/>. Papers and authors are never removed from the key
    /// maps; a removed paper keeps its id with no authors, topics nor references, and the papers that cited it no longer do.
    /// </remarks>
    public ScholarlyIndex WithPapers(IReadOnlyList<PaperRows> papers, IReadOnlyList<string> authorKeys)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(authorKeys);
        foreach (var paper in papers)
        {
            foreach (var topic in paper.Topics)
            {
                if (!Topics.TryGetId(topic.TopicKey, out _))
                {
                    throw new ArgumentException($"Topic '{topic.TopicKey}' is not in the index; a new topic needs a full build.", nameof(papers));
                }
            }
        }

        var paperKeys = Papers.Extend(papers.Select(p => p.PaperKey).Concat(papers.SelectMany(p => p.CitedPaperKeys)));
        var authors = Authors.Extend(authorKeys.Concat(papers.SelectMany(p => p.AuthorKeys)));
        var venues = Venues.Extend(papers.Select(p => p.VenueKey).OfType<string>());
        var overlay = _overlay is null ? new IndexOverlay() : _overlay.Copy();
        var touchedAuthors = new HashSet<int>();
        var bylines = new List<(int Paper, IReadOnlyCollection<int> Authors)>(papers.Count);
        foreach (var rows in papers)
        {
            paperKeys.TryGetId(rows.PaperKey, out var paper);
            if (rows.IsRemoved)
            {
                // The store drops a removed paper's citations both ways, so its citers no longer list it.
                foreach (var citing in CitedByIn(overlay, paper))
                {
                    overlay.References[citing] = [.. ReferencesOfIn(overlay, citing).Where(cited => cited != paper)];
                }

                overlay.CitedBy[paper] = [];
            }

            overlay.Days[paper] = rows.PublicationDate?.DayNumber ?? NoDay;
            overlay.Venues[paper] = rows.VenueKey is { } venueKey && venues.TryGetId(venueKey, out var venue) ? venue : None;
            bylines.Add((paper, rows.AuthorKeys.Select(key => authors.TryGetId(key, out var id) ? id : -1).ToArray()));

            var topics = rows.Topics.GroupBy(t => Topics.TryGetId(t.TopicKey, out var id) ? id : -1)
                .Select(g => (Topic: g.Key, Score: (float)g.Max(t => t.Score))).OrderBy(t => t.Topic).ToArray();
            overlay.Topics[paper] = (topics.Select(t => t.Topic).ToArray(), topics.Select(t => t.Score).ToArray());

            var before = paper < Papers.Count ? ReferencesOfIn(overlay, paper) : [];
            var after = rows.CitedPaperKeys.Select(key => paperKeys.TryGetId(key, out var id) ? id : -1)
                .Where(cited => cited != paper).Distinct().Order().ToArray();
            foreach (var cited in before.Except(after))
            {
                var citing = CitedByIn(overlay, cited);
                overlay.CitedBy[cited] = [.. citing.Where(p => p != paper)];
            }

            foreach (var cited in after.Except(before))
            {
                var citing = CitedByIn(overlay, cited);
                var at = ~Array.BinarySearch(citing, paper);
                overlay.CitedBy[cited] = [.. citing.AsSpan(0, at), paper, .. citing.AsSpan(at)];
            }

            overlay.References[paper] = after;
        }

        var authorship = Authorship.WithPapers(paperKeys.Count, authors.Count, bylines, touchedAuthors);
        var patched = new ScholarlyIndex(this, paperKeys, authors, venues, authorship, Coauthors, overlay);
        var coauthors = Coauthors.WithRows(authorship, paper => YearSlot(patched.PublicationDay(paper)), touchedAuthors);
        return new ScholarlyIndex(this, paperKeys, authors, venues, authorship, coauthors, overlay);
    }

    // References as this index holds them, read before the overlay being filled replaces them.
    private int[] ReferencesOfIn(IndexOverlay overlay, int paper) =>
        overlay.References.TryGetValue(paper, out var row) ? row : ReferencesOf(paper).ToArray();

    // Citing papers likewise; a paper first cited by this write has none yet.
    private int[] CitedByIn(IndexOverlay overlay, int paper) =>
        overlay.CitedBy.TryGetValue(paper, out var row) ? row : CitedByOf(paper).ToArray();

    // The field of every topic: the nearest of itself and its ancestors marked as a field, else itself. A parent chain longer than
    // the number of topics has a cycle (the store forbids one, the builder does not check), so the walk stops there.
    private static int[] FieldsOf(int[] parents, bool[] isField)
    {
        var fields = new int[parents.Length];
        for (var topic = 0; topic < parents.Length; topic++)
        {
            fields[topic] = topic;
            for (int at = topic, steps = 0; at != None && steps <= parents.Length; at = parents[at], steps++)
            {
                if (isField[at])
                {
                    fields[topic] = at;
                    break;
                }
            }
        }

        return fields;
    }

    /// <summary>
    /// Metrics of the author computed from the index: papers, citations received (citations from papers in the index), h-index,
    /// i10-index and papers per year. Costs O(papers of the author), nothing is precomputed.
    /// </summary>
    /// <param name="author">An author id.</param>
    public AuthorMetrics ComputeAuthorMetrics(int author)
    {
        var papers = Authorship.PapersOf(author);
        var citationCounts = new int[papers.Length];
        var years = new List<int>(papers.Length);
        long citations = 0;
        for (var i = 0; i < papers.Length; i++)
        {
            citationCounts[i] = CitationCount(papers[i]);
            citations += citationCounts[i];
            if (PublicationYear(papers[i]) is { } year)
            {
                years.Add(year);
            }
        }

        return new AuthorMetrics(papers.Length, citations, CitationMetrics.HIndex(citationCounts), CitationMetrics.I10Index(citationCounts),
            CitationMetrics.PapersPerYear(years.ToArray()));
    }
}

/// <summary>Metrics of one author computed from the index.</summary>
/// <param name="PaperCount">Papers the author is on.</param>
/// <param name="CitationCount">Citations those papers receive from papers in the index.</param>
/// <param name="HIndex">The largest h such that h of the papers have at least h citations each.</param>
/// <param name="I10Index">Papers with at least 10 citations.</param>
/// <param name="PapersPerYear">Papers per publication year, ascending by year; papers without a date are left out.</param>
public sealed record AuthorMetrics(int PaperCount, long CitationCount, int HIndex, int I10Index, IReadOnlyList<YearCount> PapersPerYear);

/// <summary>A topic that co-occurs with another.</summary>
/// <param name="Topic">The related topic's id.</param>
/// <param name="Strength">Association strength: observed co-occurrence over what chance predicts from both topics' totals (1 = as expected).</param>
/// <param name="SharedPapers">Papers that cover both topics.</param>
public readonly record struct RelatedTopic(int Topic, float Strength, int SharedPapers);

/// <summary>A paper as the store holds it now, for <see cref="ScholarlyIndex.WithPapers"/>.</summary>
/// <param name="PaperKey">The paper's key.</param>
/// <param name="PublicationDate">Its date, or <c>null</c> when it has none.</param>
/// <param name="AuthorKeys">Keys of its authors.</param>
/// <param name="Topics">Its topics with their scores.</param>
/// <param name="CitedPaperKeys">Keys of the papers it cites.</param>
/// <param name="VenueKey">Key of the venue it was published in, or <c>null</c> (the default) when it has none.</param>
public sealed record PaperRows(string PaperKey, DateOnly? PublicationDate, IReadOnlyList<string> AuthorKeys,
    IReadOnlyList<PaperTopicRow> Topics, IReadOnlyList<string> CitedPaperKeys, string? VenueKey = null)
{
    /// <summary>A paper that is no longer in the store: no date, authors, topics nor references, and no longer cited.</summary>
    /// <param name="paperKey">The paper's key.</param>
    public static PaperRows Removed(string paperKey) => new(paperKey, null, [], [], []) { IsRemoved = true };

    /// <summary>Whether the paper left the store (made by <see cref="Removed"/>); its citations by other papers go with it.</summary>
    public bool IsRemoved { get; init; }
}

/// <summary>A topic of a <see cref="PaperRows"/>.</summary>
/// <param name="TopicKey">The topic's key.</param>
/// <param name="Score">Relevance, 0 to 1.</param>
public readonly record struct PaperTopicRow(string TopicKey, double Score);

/// <summary>The rows of a <see cref="ScholarlyIndex"/> replaced since its full build; copied (small) on each change, never shared mutably.</summary>
internal sealed class IndexOverlay
{
    public Dictionary<int, int> Days { get; private init; } = [];

    public Dictionary<int, int> Venues { get; private init; } = [];

    public Dictionary<int, (int[] Topics, float[] Scores)> Topics { get; private init; } = [];

    public Dictionary<int, int[]> References { get; private init; } = [];

    public Dictionary<int, int[]> CitedBy { get; private init; } = [];

    public IndexOverlay Copy() => new()
    {
        Days = new(Days),
        Venues = new(Venues),
        Topics = new(Topics),
        References = new(References),
        CitedBy = new(CitedBy),
    };
}
