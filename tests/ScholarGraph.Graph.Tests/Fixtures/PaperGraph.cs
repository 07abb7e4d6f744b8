using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Tests.Fixtures;

/// <summary>Small citation graphs written paper by paper, for answers worked out by hand.</summary>
internal sealed class PaperGraph
{
    private readonly ScholarlyIndexBuilder _builder = new();

    /// <summary>Adds a paper published on 1 July of <paramref name="year"/> (or undated), citing <paramref name="cites"/>.</summary>
    public PaperGraph Paper(string key, int? year, string[]? cites = null, string? venue = null, (string Topic, double Score)[]? topics = null,
        string[]? authors = null)
    {
        _builder.AddPaper(key, year is { } y ? new DateOnly(y, 7, 1) : null, venue);
        foreach (var cited in cites ?? [])
            _builder.AddCitation(key, cited);
        foreach (var (topic, score) in topics ?? [])
            _builder.AddPaperTopic(key, topic, score);
        foreach (var author in authors ?? [])
            _builder.AddAuthorship(key, author);
        return this;
    }

    /// <summary>Adds a topic with its parent and field mark.</summary>
    public PaperGraph Topic(string key, string? parent = null, bool isField = false)
    {
        _builder.AddTopic(key, parent, isField);
        return this;
    }

    private ScholarlyIndex? _built;

    /// <summary>The index; built on the first call, the same one afterwards.</summary>
    public ScholarlyIndex Build() => _built ??= _builder.Build();
}

internal static class IndexKeys
{
    public static int Paper(this ScholarlyIndex index, string key) =>
        index.Papers.TryGetId(key, out var id) ? id : throw new KeyNotFoundException(key);

    public static int Author(this ScholarlyIndex index, string key) =>
        index.Authors.TryGetId(key, out var id) ? id : throw new KeyNotFoundException(key);

    public static int Topic(this ScholarlyIndex index, string key) =>
        index.Topics.TryGetId(key, out var id) ? id : throw new KeyNotFoundException(key);

    public static int Venue(this ScholarlyIndex index, string key) =>
        index.Venues.TryGetId(key, out var id) ? id : throw new KeyNotFoundException(key);
}

/// <summary>Random citation graphs for invariants: papers in date order citing older ones, with venues, topics and authors.</summary>
internal static class RandomCitationGraphs
{
    public static List<PaperRows> Papers(int count, int seed, int venues = 6, int topics = 8)
    {
        var random = new Random(seed);
        var papers = new List<PaperRows>();
        for (var paper = 0; paper < count; paper++)
        {
            var authors = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => $"a{random.Next(count / 4 + 1)}").Distinct().ToArray();
            var paperTopics = Enumerable.Range(0, random.Next(3)).Select(_ => new PaperTopicRow($"t{random.Next(topics)}", Math.Round(random.NextDouble(), 2) + 0.01))
                .DistinctBy(t => t.TopicKey).ToArray();
            // Mostly recent, sometimes anything older: hubs and a spread of windows.
            var cited = paper == 0 ? [] : Enumerable.Range(0, random.Next(7))
                .Select(_ => $"p{(random.Next(3) == 0 ? random.Next(paper) : Math.Max(0, paper - 1 - random.Next(40)))}").Distinct().ToArray();
            var year = 1990 + paper * 30 / count;
            papers.Add(new PaperRows($"p{paper}", paper % 17 == 5 ? null : new DateOnly(year, 1 + random.Next(12), 1), authors, paperTopics, cited,
                random.Next(5) == 0 ? null : $"v{random.Next(venues)}"));
        }

        return papers;
    }

    public static ScholarlyIndex Build(IEnumerable<PaperRows> papers, int topics = 8)
    {
        var builder = new ScholarlyIndexBuilder();
        // Topics t0..t3 belong to field f0 through subfield s0; the others stand alone.
        builder.AddTopic("f0", isField: true).AddTopic("s0", "f0");
        for (var topic = 0; topic < topics; topic++)
            builder.AddTopic($"t{topic}", topic < 4 ? "s0" : null);
        foreach (var paper in papers)
        {
            builder.AddPaper(paper.PaperKey, paper.PublicationDate, paper.VenueKey);
            foreach (var author in paper.AuthorKeys)
                builder.AddAuthorship(paper.PaperKey, author);
            foreach (var topic in paper.Topics)
                builder.AddPaperTopic(paper.PaperKey, topic.TopicKey, topic.Score);
            foreach (var cited in paper.CitedPaperKeys)
                builder.AddCitation(paper.PaperKey, cited);
        }

        return builder.Build();
    }
}
