using System.Text;
using System.Text.Json;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Pages;

/// <summary>
/// The seed profile (seed-data/devvrit-khatri.json) read as plain JSON, and what the pages must show for it worked out from
/// that file alone, so the browser tests compare the pages with the seed, not with the server's answers.
/// </summary>
internal sealed class SeedProfile
{
    public sealed record Paper(string Key, string Title, string Category, string Date, string DatePrinted, string? CodeUrl, IReadOnlyList<(string Author, int? Position)> Authors, bool Truncated, IReadOnlyList<string> Institutions, string Abstract);

    public required string AuthorKey { get; init; }
    public required string AuthorName { get; init; }
    public required string? AuthorCategory { get; init; }
    public required string MetricsSource { get; init; }
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    public required IReadOnlyDictionary<string, string> Names { get; init; }
    public required IReadOnlyDictionary<string, string> InstitutionNames { get; init; }
    public required IReadOnlyList<Paper> Papers { get; init; }

    public static SeedProfile Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.SeedData, "devvrit-khatri.json")));
        var root = json.RootElement;
        var authors = root.GetProperty("authors").EnumerateArray().ToList();
        var profiled = authors.Single(a => a.TryGetProperty("reportedMetrics", out _));
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new SeedProfile
        {
            AuthorKey = profiled.GetProperty("id").GetString()!,
            AuthorName = profiled.GetProperty("name").GetString()!,
            AuthorCategory = Text(profiled, "category"),
            MetricsSource = root.GetProperty("source").GetProperty("id").GetString()!,
            Metrics = profiled.GetProperty("reportedMetrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            Names = authors.ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("name").GetString()!),
            InstitutionNames = root.GetProperty("institutions").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("name").GetString()!),
            Papers = root.GetProperty("papers").EnumerateArray().Select(p => new Paper(
                p.GetProperty("id").GetString()!,
                p.GetProperty("title").GetString()!,
                p.GetProperty("category").GetString()!,
                p.GetProperty("date").GetString()!,
                p.GetProperty("datePrinted").GetString()!,
                Text(p, "codeUrl"),
                p.GetProperty("authors").EnumerateArray().Select(a => (a.GetProperty("author").GetString()!, a.TryGetProperty("position", out var pos) ? pos.GetInt32() : (int?)null)).ToList(),
                p.TryGetProperty("authorListTruncated", out var t) && t.GetBoolean(),
                p.TryGetProperty("institutions", out var i) ? i.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
                p.GetProperty("abstract").GetString()!)).ToList(),
        };
    }

    /// <summary>An author's global id, as the server encodes it (base64 of <c>Author:key</c>).</summary>
    public static string AuthorId(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("Author:" + key));

    /// <summary>The authors line as the source page prints it: printed authors in order, "et al." where cut, then the institutions.</summary>
    public string PrintedAuthorLine(Paper paper)
    {
        var names = string.Join(", ", paper.Authors.Where(a => a.Position is not null).OrderBy(a => a.Position).Select(a => Names[a.Author]));
        var line = names + (paper.Truncated ? " et al." : "");
        return paper.Institutions.Count == 0 ? line : line + " · " + string.Join(", ", paper.Institutions.Select(i => InstitutionNames[i]));
    }

    /// <summary>Shared papers per pair of authors (keys, ordered), counting only papers dated within the years given.</summary>
    public Dictionary<(string, string), int> Coauthorships(int? fromYear = null, int? toYear = null)
    {
        var pairs = new Dictionary<(string, string), int>();
        foreach (var paper in Papers)
        {
            var year = int.Parse(paper.Date[..4], System.Globalization.CultureInfo.InvariantCulture);
            if ((fromYear is { } from && year < from) || (toYear is { } to && year > to))
                continue;
            var keys = paper.Authors.Select(a => a.Author).Distinct().Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < keys.Count; i++)
                for (var j = i + 1; j < keys.Count; j++)
                    pairs[(keys[i], keys[j])] = pairs.GetValueOrDefault((keys[i], keys[j])) + 1;
        }
        return pairs;
    }

    /// <summary>
    /// The depth-one network around <paramref name="center"/>: the centre and the coauthors with at least <paramref name="minShared"/>
    /// papers with it, and every such coauthorship among them, as global ids (edges as the explorer names them, "a|b" ordered).
    /// </summary>
    public (SortedSet<string> Nodes, SortedSet<string> Edges) Network(string center, int minShared = 1, int? fromYear = null, int? toYear = null)
    {
        var strong = Coauthorships(fromYear, toYear).Where(p => p.Value >= minShared).Select(p => p.Key).ToList();
        var nodes = new HashSet<string> { center };
        foreach (var (a, b) in strong)
        {
            if (a == center) nodes.Add(b);
            if (b == center) nodes.Add(a);
        }
        var edges = strong.Where(p => nodes.Contains(p.Item1) && nodes.Contains(p.Item2)).Select(p => EdgeId(AuthorId(p.Item1), AuthorId(p.Item2)));
        return (new SortedSet<string>(nodes.Select(AuthorId), StringComparer.Ordinal), new SortedSet<string>(edges, StringComparer.Ordinal));
    }

    /// <summary>Hops between two authors on a shortest chain of coauthors (breadth-first over the seed's papers).</summary>
    public int Distance(string from, string to)
    {
        var pairs = Coauthorships().Keys.ToList();
        var seen = new Dictionary<string, int> { [from] = 0 };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var (a, b) in pairs)
            {
                var next = a == current ? b : b == current ? a : null;
                if (next is not null && seen.TryAdd(next, seen[current] + 1))
                    queue.Enqueue(next);
            }
        }
        return seen[to];
    }

    /// <summary>The titles of the papers two authors are both on.</summary>
    public SortedSet<string> SharedTitles(string a, string b) =>
        new(Papers.Where(p => p.Authors.Any(x => x.Author == a) && p.Authors.Any(x => x.Author == b)).Select(p => p.Title), StringComparer.Ordinal);

    public static string EdgeId(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";
}
