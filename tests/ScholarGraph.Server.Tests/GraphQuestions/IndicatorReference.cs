
namespace ScholarGraph.Server.Tests.GraphQuestions;

/// <summary>
/// The indicators' definitions read literally over the rows the seed reader gives (sets and loops, no index), as the independent
/// source of what the server must answer on a generated graph. The seed format has no topic hierarchy, so a paper's field is its
/// primary topic.
/// </summary>
internal sealed class IndicatorReference
{
    private readonly Storage.Seeding.SeedGraph _graph;
    private readonly Dictionary<string, int?> _year;
    private readonly ILookup<string, string> _references;
    private readonly ILookup<string, string> _citing;
    private readonly Dictionary<string, string?> _primaryTopic;

    public IndicatorReference(Storage.Seeding.SeedGraph graph)
    {
        _graph = graph;
        _year = graph.Papers.ToDictionary(p => p.Id, p => p.PublicationDate?.Year);
        _references = graph.Citations.ToLookup(c => c.CitingPaperId, c => c.CitedPaperId);
        _citing = graph.Citations.ToLookup(c => c.CitedPaperId, c => c.CitingPaperId);
        var topics = graph.PaperTopics.ToLookup(t => t.PaperId);
        _primaryTopic = graph.Papers.ToDictionary(p => p.Id, p => topics[p.Id].OrderByDescending(t => t.Score).Select(t => t.TopicId).FirstOrDefault());
        Venue = graph.Papers.ToDictionary(p => p.Id, p => p.VenueId);
    }

    public Dictionary<string, string?> Venue { get; }

    public IEnumerable<string> Papers => _graph.Papers.Select(p => p.Id);

    public int? Year(string paper) => _year[paper];

    public IReadOnlyCollection<string> References(string paper) => _references[paper].ToHashSet();

    public IReadOnlyCollection<string> Citing(string paper) => _citing[paper].ToHashSet();

    public Dictionary<int, int> CitationsByYear(string paper) =>
        Citing(paper).Where(c => Year(c) is not null).GroupBy(c => Year(c)!.Value).ToDictionary(g => g.Key, g => g.Count());

    public int CitationsWithin(string paper, int years) =>
        Citing(paper).Count(c => Year(c) is { } y && y >= Year(paper) && y <= Year(paper) + years);

    public (int NI, int NJ, int NK) Disruption(string focal, int years)
    {
        var references = References(focal);
        int ni = 0, nj = 0, nk = 0;
        foreach (var paper in Papers)
        {
            if (paper == focal || Year(paper) is not { } y || y < Year(focal) || y > Year(focal) + years)
                continue;
            var cites = References(paper);
            var citesFocal = cites.Contains(focal);
            var citesReference = cites.Any(references.Contains);
            if (citesFocal && !citesReference) ni++;
            else if (citesFocal) nj++;
            else if (citesReference) nk++;
        }
        return (ni, nj, nk);
    }

    public (int CoCitations, int Couplings) Relatedness(string paper, string other) =>
        (Citing(paper).Count(Citing(other).Contains), References(paper).Count(References(other).Contains));

    public double? FieldNormalizedImpact(string paper)
    {
        var field = _primaryTopic[paper];
        var set = Papers.Where(p => Year(p) == Year(paper) && _primaryTopic[p] == field).ToList();
        var mean = set.Average(p => CitationsWithin(p, 3));
        return mean == 0 ? null : CitationsWithin(paper, 3) / mean;
    }

    /// <summary>commonness of two venue-or-topic labels over the papers of <paramref name="year"/>, as Lee, Walsh and Wang define it.</summary>
    public double Commonness(int year, string first, string second)
    {
        long nij = 0, n = 0, ni = 0, nj = 0;
        foreach (var paper in Papers.Where(p => Year(p) == year))
        {
            var labels = References(paper).Select(Label).OfType<string>().ToList();
            for (var a = 0; a < labels.Count; a++)
            {
                for (var b = a + 1; b < labels.Count; b++)
                {
                    n++;
                    var (x, y) = (labels[a], labels[b]);
                    if ((x == first && y == second) || (x == second && y == first))
                        nij++;
                    if (x == first || y == first)
                        ni++;
                    if (x == second || y == second)
                        nj++;
                }
            }
        }
        return (double)nij * n / ((double)ni * nj);
    }

    /// <summary>The venue of a paper, or its primary topic (prefixed, so the two never collide) where it has none.</summary>
    public string? Label(string paper) => Venue[paper] ?? (_primaryTopic[paper] is { } topic ? "topic " + topic : null);
}
