using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScholarGraph.Storage.Import.OpenAlex;

namespace ScholarGraph.Generation;

/// <summary>
/// Writes a generated graph (<see cref="SeedGenerator"/>) as OpenAlex works in JSON Lines, one work a line, with the same papers,
/// authors in printed order, institutions, scored topics, venues (<c>primary_location.source</c>) and references as the seed files the generator writes: realistic input
/// for the importer and its benchmark. Ids are OpenAlex-shaped (<c>W1</c>, <c>A1</c>, <c>I1</c>, <c>T1</c>); a topic's subfield
/// and field are the generator's, and its field's domain one of OpenAlex's four; abstracts are written as inverted indexes.
/// </summary>
public static class OpenAlexWorksWriter
{
    private const string OpenAlex = "https://openalex.org/";
    private static readonly (int Id, string Name)[] Domains = [(1, "Life Sciences"), (2, "Social Sciences"), (3, "Physical Sciences"), (4, "Health Sciences")];

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Writes every paper of <paramref name="generator"/>'s graph to <paramref name="path"/>, gzipped when <paramref name="gzip"/>.</summary>
    /// <returns>The number of works written.</returns>
    public static async Task<int> WriteAsync(SeedGenerator generator, string path, bool gzip = false, CancellationToken cancellationToken = default)
    {
        var graph = generator.Graph(cancellationToken);
        var renderer = new SeedRenderer(graph);
        var authors = new OpenAlexAuthor[graph.AuthorCount];
        for (var a = 0; a < authors.Length; a++)
            authors[a] = new OpenAlexAuthor { Id = OpenAlex + Number("A", a), DisplayName = renderer.Author(a).Name };
        var institutions = new OpenAlexInstitution[graph.Institutions.Length];
        for (var i = 0; i < institutions.Length; i++)
        {
            var row = graph.Institutions[i];
            institutions[i] = new OpenAlexInstitution
            {
                Id = OpenAlex + Number("I", i), DisplayName = row.Name, CountryCode = row.CountryCode, Type = i % 5 == 4 ? "company" : "education",
            };
        }

        await using var file = File.Create(path);
        await using var compressed = gzip ? new GZipStream(file, CompressionLevel.Fastest) : null;
        await using var writer = new StreamWriter((Stream?)compressed ?? file, new UTF8Encoding(false), 1 << 16);
        for (var p = 0; p < graph.PaperCount; p++)
        {
            if (p % 1_000 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var paper = renderer.Paper(p);
            var work = new OpenAlexWork
            {
                Id = OpenAlex + Number("W", p),
                Doi = paper.Doi is null ? null : "https://doi.org/" + paper.Doi,
                DisplayName = paper.Title,
                PublicationDate = paper.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PublicationYear = paper.Date?.Year,
                Type = "article",
                Authorships = paper.Authors.Select((a, position) => new OpenAlexAuthorship
                {
                    AuthorPosition = position == 0 ? "first" : position == paper.Authors.Count - 1 ? "last" : "middle",
                    Author = authors[SeedRenderer.IndexOf(a.Author, "author")],
                    Institutions = a.Institution is null ? [] : [institutions[SeedRenderer.IndexOf(a.Institution, "institution")]],
                }).ToList(),
                Topics = Enumerable.Range(graph.TopicLinkStart[p], graph.TopicLinkStart[p + 1] - graph.TopicLinkStart[p])
                    .Select(link => Topic(graph, graph.TopicLinkTopic[link], graph.TopicLinkScore[link])).ToList(),
                ReferencedWorks = Enumerable.Range(graph.CitationStart[p], graph.CitationStart[p + 1] - graph.CitationStart[p])
                    .Select(link => OpenAlex + Number("W", graph.CitationTarget[link])).ToList(),
                AbstractInvertedIndex = InvertedIndex(paper.Abstract),
                PrimaryLocation = graph.PaperVenue[p] is var venue and >= 0
                    ? new OpenAlexLocation { Source = new OpenAlexSource { Id = OpenAlex + Number("S", venue), DisplayName = graph.Venues[venue].Name, Type = graph.Venues[venue].Type } }
                    : null,
                CitedByCount = 0,
            };
            await writer.WriteLineAsync(JsonSerializer.Serialize(work, Json));
        }
        return graph.PaperCount;
    }

    private static OpenAlexTopic Topic(SyntheticGraph graph, int topic, double score)
    {
        var row = graph.Topics[topic];
        // The generator names a topic "Field / Subfield / Topic".
        var names = row.Name.Split(" / ");
        var domain = Domains[row.Field % Domains.Length];
        return new OpenAlexTopic
        {
            Id = OpenAlex + Number("T", topic),
            DisplayName = names[^1],
            Score = score,
            Subfield = new OpenAlexTopicLevel { Id = OpenAlex + Number("subfields/", row.Subfield), DisplayName = names.Length > 1 ? names[^2] : row.Name },
            Field = new OpenAlexTopicLevel { Id = OpenAlex + Number("fields/", row.Field), DisplayName = names[0] },
            Domain = new OpenAlexTopicLevel { Id = OpenAlex + "domains/" + domain.Id.ToString(CultureInfo.InvariantCulture), DisplayName = domain.Name },
        };
    }

    private static Dictionary<string, int[]>? InvertedIndex(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (!positions.TryGetValue(words[i], out var list))
                positions[words[i]] = list = [];
            list.Add(i);
        }
        return positions.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string Number(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index + 1}");
}
