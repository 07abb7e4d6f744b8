using System.Runtime.InteropServices;
using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Scholarly;

/// <summary>
/// Collects the rows of a scholarly graph by their string keys, in any order, and builds a <see cref="ScholarlyIndex"/>.
/// Rows may arrive before the paper, author or topic they name. The built index numbers each kind's keys in their ordinal order,
/// whatever order the rows came in, so that the same rows give the same ids, and the same answers where ties are broken by id.
/// </summary>
/// <remarks>
/// Pending rows cost 8 bytes per authorship, 12 per paper–topic link and 12 per citation, plus the key maps; <see cref="Build"/> then
/// sorts them into the index's arrays in O(rows + P + A + T) time, plus a sort of each row. A builder is single-threaded and
/// builds once.
/// </remarks>
public sealed class ScholarlyIndexBuilder
{
    private KeyMap _papers = new();
    private KeyMap _authors = new();
    private KeyMap _topics = new();
    private KeyMap _venues = new();
    private readonly List<int> _paperDay = [];
    private readonly List<int> _paperVenue = [];
    private readonly Dictionary<int, int> _topicParents = [];
    private readonly HashSet<int> _fields = [];
    private readonly List<(int Paper, int Author)> _authorships = [];
    private readonly List<(int Paper, int Topic, float Score)> _paperTopics = [];
    private readonly List<(int Citing, int Cited)> _citations = [];
    private bool _built;

    /// <summary>Adds a paper with its publication date and venue; a second call for the same key replaces both.</summary>
    /// <param name="paperKey">The paper's key.</param>
    /// <param name="publicationDate">Its date, or <c>null</c> when it has none (then it matches no date range).</param>
    /// <param name="venueKey">The key of the venue it was published in, or <c>null</c> (the default) when it has none.</param>
    public ScholarlyIndexBuilder AddPaper(string paperKey, DateOnly? publicationDate, string? venueKey = null)
    {
        var paper = Paper(paperKey);
        _paperDay[paper] = publicationDate?.DayNumber ?? ScholarlyIndex.NoDay;
        _paperVenue[paper] = venueKey is null ? ScholarlyIndex.None : _venues.GetOrAdd(venueKey);
        return this;
    }

    /// <summary>Adds an author, so that an author without papers is known too.</summary>
    /// <param name="authorKey">The author's key.</param>
    public ScholarlyIndexBuilder AddAuthor(string authorKey)
    {
        _ = Author(authorKey);
        return this;
    }

    /// <summary>
    /// Adds a topic with its place in a topic hierarchy, so that a topic on no paper is known too; a second call for the same key
    /// replaces its parent and mark.
    /// </summary>
    /// <param name="topicKey">The topic's key.</param>
    /// <param name="parentKey">The broader topic it belongs to (a topic's subfield, a subfield's field), or <c>null</c> (the default).</param>
    /// <param name="isField">
    /// Whether the topic is a field, the level within which field-normalised indicators compare papers (see
    /// <see cref="ScholarlyIndex.FieldOf"/>); default <c>false</c>.
    /// </param>
    public ScholarlyIndexBuilder AddTopic(string topicKey, string? parentKey = null, bool isField = false)
    {
        var topic = _topics.GetOrAdd(topicKey);
        if (parentKey is null)
        {
            _topicParents.Remove(topic);
        }
        else
        {
            _topicParents[topic] = _topics.GetOrAdd(parentKey);
        }

        if (isField)
        {
            _fields.Add(topic);
        }
        else
        {
            _fields.Remove(topic);
        }

        return this;
    }

    /// <summary>Records that the author is on the paper; a pair given twice counts once.</summary>
    /// <param name="paperKey">The paper's key.</param>
    /// <param name="authorKey">The author's key.</param>
    public ScholarlyIndexBuilder AddAuthorship(string paperKey, string authorKey)
    {
        _authorships.Add((Paper(paperKey), Author(authorKey)));
        return this;
    }

    /// <summary>Records that the paper covers the topic with a relevance score; a pair given twice keeps the higher score.</summary>
    /// <param name="paperKey">The paper's key.</param>
    /// <param name="topicKey">The topic's key.</param>
    /// <param name="score">Relevance, 0 to 1 as the store keeps it; used to weigh the paper's share in a topic cluster.</param>
    public ScholarlyIndexBuilder AddPaperTopic(string paperKey, string topicKey, double score)
    {
        _paperTopics.Add((Paper(paperKey), _topics.GetOrAdd(topicKey), (float)score));
        return this;
    }

    /// <summary>Records that one paper cites another; a pair given twice is one citation (its in-degree counts it once), a paper citing itself is ignored.</summary>
    /// <param name="citingPaperKey">The citing paper's key.</param>
    /// <param name="citedPaperKey">The cited paper's key.</param>
    public ScholarlyIndexBuilder AddCitation(string citingPaperKey, string citedPaperKey)
    {
        _citations.Add((Paper(citingPaperKey), Paper(citedPaperKey)));
        return this;
    }

    /// <summary>Builds the index; the builder cannot be used afterwards.</summary>
    public ScholarlyIndex Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("A builder builds once.");
        }

        _built = true;
        RenumberByKey();
        var paperCount = _papers.Count;
        var topicCount = _topics.Count;
        var authorship = AuthorshipIndex.Build(paperCount, _authors.Count, CollectionsMarshal.AsSpan(_authorships));
        _authorships.Clear();
        _authorships.TrimExcess();

        var (paperTopicOffsets, paperTopics, paperTopicScores) = PaperTopicRows(paperCount);
        _paperTopics.Clear();
        _paperTopics.TrimExcess();
        var (topicPaperOffsets, topicPapers) = Transpose(paperTopicOffsets, paperTopics, topicCount);

        var cooccurrence = new CsrGraphBuilder(topicCount);
        for (var paper = 0; paper < paperCount; paper++)
        {
            for (var i = paperTopicOffsets[paper]; i < paperTopicOffsets[paper + 1]; i++)
            {
                for (var j = i + 1; j < paperTopicOffsets[paper + 1]; j++)
                {
                    cooccurrence.AddEdge(paperTopics[i], paperTopics[j]);
                }
            }
        }

        var citations = new CsrGraphBuilder(paperCount, directed: true);
        foreach (var (citing, cited) in _citations)
        {
            citations.AddEdge(citing, cited);
        }

        _citations.Clear();
        _citations.TrimExcess();
        int[] paperDay = [.. _paperDay];
        var topicParent = new int[topicCount];
        var topicIsField = new bool[topicCount];
        for (var topic = 0; topic < topicCount; topic++)
        {
            topicParent[topic] = _topicParents.GetValueOrDefault(topic, ScholarlyIndex.None);
            topicIsField[topic] = _fields.Contains(topic);
        }

        var coauthors = CoauthorGraph.Build(authorship, paper => ScholarlyIndex.YearSlot(paperDay[paper]));
        return new ScholarlyIndex(_papers, _authors, _topics, _venues, authorship, paperDay, [.. _paperVenue],
            paperTopicOffsets, paperTopics, paperTopicScores, topicPaperOffsets, topicPapers, topicParent, topicIsField,
            citations.Build(), cooccurrence.Build(), coauthors);
    }

    // Gives every paper, author, topic and venue the id of its key's ordinal rank, in the maps and in every pending row.
    private void RenumberByKey()
    {
        int[] paperOf, authorOf, topicOf, venueOf;
        (_papers, paperOf) = _papers.SortedByKey();
        (_authors, authorOf) = _authors.SortedByKey();
        (_topics, topicOf) = _topics.SortedByKey();
        (_venues, venueOf) = _venues.SortedByKey();
        var days = new int[_paperDay.Count];
        var venues = new int[_paperVenue.Count];
        for (var paper = 0; paper < days.Length; paper++)
        {
            days[paperOf[paper]] = _paperDay[paper];
            venues[paperOf[paper]] = _paperVenue[paper] == ScholarlyIndex.None ? ScholarlyIndex.None : venueOf[_paperVenue[paper]];
        }

        _paperDay.Clear();
        _paperDay.AddRange(days);
        _paperVenue.Clear();
        _paperVenue.AddRange(venues);
        var rows = CollectionsMarshal.AsSpan(_authorships);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (paperOf[rows[i].Paper], authorOf[rows[i].Author]);
        }

        var links = CollectionsMarshal.AsSpan(_paperTopics);
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = (paperOf[links[i].Paper], topicOf[links[i].Topic], links[i].Score);
        }

        var citations = CollectionsMarshal.AsSpan(_citations);
        for (var i = 0; i < citations.Length; i++)
        {
            citations[i] = (paperOf[citations[i].Citing], paperOf[citations[i].Cited]);
        }

        var parents = _topicParents.ToList();
        _topicParents.Clear();
        foreach (var (topic, parent) in parents)
        {
            _topicParents[topicOf[topic]] = topicOf[parent];
        }

        var fields = _fields.ToList();
        _fields.Clear();
        foreach (var topic in fields)
        {
            _fields.Add(topicOf[topic]);
        }
    }

    private int Paper(string key)
    {
        var id = _papers.GetOrAdd(key);
        if (id == _paperDay.Count)
        {
            _paperDay.Add(ScholarlyIndex.NoDay);
            _paperVenue.Add(ScholarlyIndex.None);
        }

        return id;
    }

    private int Author(string key) => _authors.GetOrAdd(key);

    /// <summary>Paper → topics in CSR form, each row sorted by topic, a repeated topic kept once with its highest score.</summary>
    private (int[] Offsets, int[] Topics, float[] Scores) PaperTopicRows(int paperCount)
    {
        var offsets = new int[paperCount + 1];
        foreach (var link in _paperTopics)
        {
            offsets[link.Paper + 1]++;
        }

        for (var paper = 0; paper < paperCount; paper++)
        {
            offsets[paper + 1] += offsets[paper];
        }

        var rows = new (int Topic, float Score)[_paperTopics.Count];
        var cursor = offsets.AsSpan(0, paperCount).ToArray();
        foreach (var link in _paperTopics)
        {
            rows[cursor[link.Paper]++] = (link.Topic, link.Score);
        }

        var topics = new int[rows.Length];
        var scores = new float[rows.Length];
        var write = 0;
        var rowStart = 0;
        for (var paper = 0; paper < paperCount; paper++)
        {
            var rowEnd = offsets[paper + 1];
            Array.Sort(rows, rowStart, rowEnd - rowStart, Comparer<(int Topic, float Score)>.Create((x, y) => x.Topic.CompareTo(y.Topic)));
            offsets[paper] = write;
            for (var i = rowStart; i < rowEnd; i++)
            {
                if (write > offsets[paper] && topics[write - 1] == rows[i].Topic)
                {
                    scores[write - 1] = Math.Max(scores[write - 1], rows[i].Score);
                    continue;
                }

                topics[write] = rows[i].Topic;
                scores[write++] = rows[i].Score;
            }

            rowStart = rowEnd;
        }

        offsets[paperCount] = write;
        Array.Resize(ref topics, write);
        Array.Resize(ref scores, write);
        return (offsets, topics, scores);
    }

    /// <summary>Turns rows → columns into columns → rows; walking rows in ascending order leaves every column sorted.</summary>
    private static (int[] Offsets, int[] Rows) Transpose(int[] rowOffsets, int[] columns, int columnCount)
    {
        var offsets = new int[columnCount + 1];
        foreach (var column in columns)
        {
            offsets[column + 1]++;
        }

        for (var column = 0; column < columnCount; column++)
        {
            offsets[column + 1] += offsets[column];
        }

        var rows = new int[columns.Length];
        var cursor = offsets.AsSpan(0, columnCount).ToArray();
        for (var row = 0; row < rowOffsets.Length - 1; row++)
        {
            for (var i = rowOffsets[row]; i < rowOffsets[row + 1]; i++)
            {
                rows[cursor[columns[i]]++] = row;
            }
        }

        return (offsets, rows);
    }
}
