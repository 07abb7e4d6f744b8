using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;

using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.Storage.Tests.Import;

/// <summary>
/// The importer on the real OpenAlex file (<see cref="RealOpenAlexFile"/>), with every expectation computed here from the file
/// itself: every work with a title is stored once (records sharing a DOI are one work, the newest record winning), every author
/// of those works, every citation between them, and a second import changes nothing. Skipped, with the reason, where the file
/// is not at hand.
/// </summary>
public abstract class RealOpenAlexImportTests(TestStore store) : IDisposable
{
    private const string NoTitle = "$.display_name is missing: every work needs a title";
    private readonly ImportTestStore _import = new(store);

    public void Dispose() => _import.Dispose();

    private ScholarGraphDbContext Context() => _import.Context();

    private Task<ImportSummary> ImportAsync() => _import.ImportAsync([RealOpenAlexFile.FullPath!]);

    [RealOpenAlexFact]
    public async Task Every_work_with_a_title_is_imported_once_and_only_untitled_records_are_skipped()
    {
        var file = FileWorks.Read(RealOpenAlexFile.FullPath!);

        var summary = await ImportAsync();

        Assert.Equal(file.Records, summary.WorksRead);
        Assert.All(summary.Problems, p => Assert.Equal(NoTitle, p.Kind));
        Assert.Equal(file.Untitled, summary.WorksSkipped);
        Assert.Equal(file.Works.Count, summary.WorksWritten);
        Assert.Equal(file.Titled - file.Works.Count, summary.WorksKeptNewer);
        await using var db = Context();
        Assert.Equal(file.Works.Count, await db.Papers.CountAsync());
        Assert.Equal(file.Works.Values.Count(w => w.Newest.HasAbstract), await db.Papers.CountAsync(p => p.Abstract != null));
        Assert.Equal(file.Works.Values.Count(w => w.Newest.HasVenue), await db.Papers.CountAsync(p => p.VenueId != null));
        // Each stored work carries its newest record's OpenAlex figures.
        var citedByCount = await db.Papers.ToDictionaryAsync(p => p.Id, p => p.ReportedCitationCount);
        Assert.All(file.Works, w => Assert.Equal(w.Value.Newest.CitedByCount, citedByCount[w.Key]));
    }

    [RealOpenAlexFact]
    public async Task Every_author_of_the_stored_works_is_imported_once()
    {
        var file = FileWorks.Read(RealOpenAlexFile.FullPath!);

        await ImportAsync();

        var authorIds = file.Works.Values.SelectMany(w => w.Newest.AuthorIds).ToHashSet(StringComparer.Ordinal);
        var nameOnly = file.Works.Values.Sum(w => w.Newest.NameOnlyAuthors);
        await using var db = Context();
        var stored = await db.Authors.Where(a => a.OpenAlexId != null).Select(a => new { a.OpenAlexId, a.OtherOpenAlexIds }).ToListAsync();
        var storedIds = stored.SelectMany(a => a.OtherOpenAlexIds.Prepend(a.OpenAlexId!)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(authorIds.Order(StringComparer.Ordinal), storedIds.Order(StringComparer.Ordinal));
        Assert.Equal(stored.Count + nameOnly, await db.Authors.CountAsync());
        Assert.Equal(file.Works.Values.Sum(w => w.Newest.AuthorIds.Distinct().Count() + w.Newest.NameOnlyAuthors), await db.Authorships.CountAsync());
    }

    [RealOpenAlexFact]
    public async Task Citations_between_works_of_the_file_are_linked()
    {
        var file = FileWorks.Read(RealOpenAlexFile.FullPath!);

        await ImportAsync();

        var expected = file.Works
            .SelectMany(w => w.Value.Newest.References
                .Where(r => file.KeyOf.ContainsKey(r) && file.KeyOf[r] != w.Key)
                .Select(r => $"{w.Key} -> {file.KeyOf[r]}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        await using var db = Context();
        var stored = (await db.Citations.Select(c => c.CitingPaperId + " -> " + c.CitedPaperId).ToListAsync()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, stored);
    }

    [RealOpenAlexFact]
    public async Task A_second_import_of_the_file_changes_nothing()
    {
        await ImportAsync();
        var before = await StoreDump.AllRowsAsync(Context);

        var again = await ImportAsync();

        Assert.Equal((0, 0, 0), (again.WorksCreated, again.AuthorsCreated, again.CitationsResolved));
        Assert.Equal(before, await StoreDump.AllRowsAsync(Context));
    }

    /// <summary>The file as the tests expect it to be stored, read without the importer.</summary>
    private sealed class FileWorks
    {
        public long Records { get; private set; }
        public long Untitled { get; private set; }
        public long Titled { get; private set; }

        /// <summary>The works by their store key (the first record's OpenAlex id), each with its newest record.</summary>
        public Dictionary<string, (Record Newest, int Records)> Works { get; } = new(StringComparer.Ordinal);

        /// <summary>Every titled record's OpenAlex id, to the key of its work.</summary>
        public Dictionary<string, string> KeyOf { get; } = new(StringComparer.Ordinal);

        public static FileWorks Read(string path)
        {
            var file = new FileWorks();
            var keyOfDoi = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                file.Records++;
                var record = Record.Parse(line);
                if (!record.HasTitle)
                {
                    file.Untitled++;
                    continue;
                }
                file.Titled++;
                var key = record.Doi is { } doi && keyOfDoi.TryGetValue(doi, out var byDoi) ? byDoi : record.OpenAlexId;
                if (record.Doi is not null)
                    keyOfDoi.TryAdd(record.Doi, key);
                file.KeyOf[record.OpenAlexId] = key;
                if (!file.Works.TryGetValue(key, out var work))
                    file.Works[key] = (record, 1);
                else
                    file.Works[key] = (string.CompareOrdinal(record.UpdatedAt, work.Newest.UpdatedAt) < 0 ? work.Newest : record, work.Records + 1);
            }
            return file;
        }
    }

    private sealed record Record(
        string OpenAlexId, string? Doi, bool HasTitle, string UpdatedAt, List<string> AuthorIds, int NameOnlyAuthors, List<string> References,
        bool HasAbstract, bool HasVenue, int? CitedByCount)
    {
        public static Record Parse(string line)
        {
            using var json = JsonDocument.Parse(line);
            var w = json.RootElement;
            string? Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            JsonElement Member(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;
            static string Short(string id) => id[(id.LastIndexOf('/') + 1)..];
            var authorIds = new List<string>();
            var nameOnly = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (Member(w, "authorships") is { ValueKind: JsonValueKind.Array } authorships)
            {
                foreach (var a in authorships.EnumerateArray())
                {
                    if (Text(Member(a, "author"), "id") is { } id)
                    {
                        if (seen.Add(Short(id)))
                            authorIds.Add(Short(id));
                    }
                    else
                    {
                        nameOnly++;
                    }
                }
            }
            var references = Member(w, "referenced_works") is { ValueKind: JsonValueKind.Array } refs
                ? refs.EnumerateArray().Select(r => Short(r.GetString()!)).ToList()
                : [];
            var abstractIndex = Member(w, "abstract_inverted_index");
            if (abstractIndex.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                abstractIndex = Member(w, "abstract_inverted_index_v3");
            static bool HasWords(JsonElement index)
            {
                if (index.ValueKind == JsonValueKind.String)
                {
                    using var inner = JsonDocument.Parse(index.GetString()!);
                    return HasWords(inner.RootElement);
                }
                if (index.ValueKind != JsonValueKind.Object)
                    return false;
                if (index.TryGetProperty("IndexLength", out var length) && length.ValueKind == JsonValueKind.Number && index.TryGetProperty("InvertedIndex", out var wrapped))
                    return HasWords(wrapped);
                return index.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() > 0);
            }
            bool IsVenue(JsonElement v) => Text(v, "display_name") is not null && (Text(v, "id") is not null || Text(v, "issn_l") is not null);
            return new Record(
                Short(Text(w, "id")!),
                Text(w, "doi")?.Replace("https://doi.org/", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant(),
                !string.IsNullOrWhiteSpace(Text(w, "display_name") ?? Text(w, "title")),
                Text(w, "updated_date") ?? "",
                authorIds, nameOnly, references,
                HasWords(abstractIndex),
                IsVenue(Member(Member(w, "primary_location"), "source")) || IsVenue(Member(w, "host_venue")),
                Member(w, "cited_by_count") is { ValueKind: JsonValueKind.Number } count ? count.GetInt32() : null);
        }
    }
}

public sealed class SqliteRealOpenAlexImportTests(SqliteTestStore store) : RealOpenAlexImportTests(store), IClassFixture<SqliteTestStore>;

[RequiresPostgres]
public sealed class PostgresRealOpenAlexImportTests(PostgresTestStore store) : RealOpenAlexImportTests(store), IClassFixture<PostgresTestStore>;
