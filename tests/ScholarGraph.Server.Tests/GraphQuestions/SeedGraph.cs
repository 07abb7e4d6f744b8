using System.Text;
using System.Text.Json;

using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.GraphQuestions;

/// <summary>The seed profile's papers as the test reads them from the seed file, to compute what the graph queries must answer.</summary>
internal static class SeedGraph
{
    public const string ProfileAuthor = "devvrit-khatri";

    private static readonly Lazy<IReadOnlyList<SeedPaperRow>> LazyPapers = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.SeedData, "devvrit-khatri.json")));
        return document.RootElement.GetProperty("papers").EnumerateArray()
            .Select(p => new SeedPaperRow(
                p.GetProperty("id").GetString()!,
                p.TryGetProperty("date", out var date) ? DateOnly.Parse(date.GetString()!) : null,
                p.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("author").GetString()!).ToArray(),
                p.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("topic").GetString()!).ToArray()))
            .ToArray();
    });

    public static IReadOnlyList<SeedPaperRow> Papers => LazyPapers.Value;

    public static string AuthorId(string key) => GlobalId("Author", key);

    public static string TopicId(string key) => GlobalId("Topic", key);

    public static string GlobalId(string type, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}"));

    /// <summary>Every coauthor of <paramref name="author"/> with the number of papers they share.</summary>
    public static Dictionary<string, int> Coauthors(string author) =>
        Papers.Where(p => p.Authors.Contains(author))
            .SelectMany(p => p.Authors.Distinct().Where(a => a != author))
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Distances from <paramref name="start"/> by breadth-first search over shared papers, up to <paramref name="depth"/>.</summary>
    public static Dictionary<string, int> Distances(string start, int depth)
    {
        var distances = new Dictionary<string, int> { [start] = 0 };
        var frontier = new List<string> { start };
        for (var d = 1; d <= depth; d++)
        {
            frontier = frontier.SelectMany(a => Coauthors(a).Keys).Where(a => !distances.ContainsKey(a)).Distinct().ToList();
            foreach (var a in frontier)
                distances[a] = d;
        }
        return distances;
    }
}

/// <summary>A seed paper: key, date, author keys, topic keys.</summary>
internal sealed record SeedPaperRow(string Id, DateOnly? Date, string[] Authors, string[] Topics);
