using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;
using ScholarGraph.Tests.Shared;

using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.Storage.Tests.Import;

/// <summary>
/// The importer on SQLite and PostgreSQL with the dozen-work OpenAlex sample: what the store holds after it, that a rerun changes nothing, bad
/// lines skipped or stopping the import, an import broken off midway and rerun, gzipped input, references that wait for their
/// work, and works merged with a stored paper by DOI.
/// </summary>
public abstract class StoreImporterTests(TestStore store) : IDisposable
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Import", "openalex-sample.jsonl");
    private readonly ImportTestStore _import = new(store);

    public void Dispose() => _import.Dispose();

    private ScholarGraphDbContext Context() => _import.Context();

    private Task<ImportSummary> ImportAsync(IReadOnlyList<string> files, ImportOptions? options = null, IImportObserver? observer = null,
        CancellationToken cancellationToken = default) => _import.ImportAsync(files, options, observer, cancellationToken);

    // The sample's works as the file has them, read without the importer: OpenAlex id → authors' OpenAlex ids in printed order.
    private static Dictionary<string, List<string>> SampleAuthors() => File.ReadLines(SamplePath).Select(line =>
    {
        using var work = JsonDocument.Parse(line);
        var id = work.RootElement.GetProperty("id").GetString()!.Split('/')[^1];
        var authors = work.RootElement.GetProperty("authorships").EnumerateArray()
            .Select(a => a.GetProperty("author").GetProperty("id").GetString()!.Split('/')[^1]).ToList();
        return (id, authors);
    }).ToDictionary(w => w.id, w => w.authors);

    private string WriteFile(string name, IEnumerable<string> lines) => _import.WriteFile(name, lines);

    [Fact]
    public async Task The_sample_imports_its_works_with_deduplicated_authors_institutions_topic_hierarchy_and_citations()
    {
        var summary = await ImportAsync([SamplePath]);

        Assert.Equal((12, 12, 12, 0), (summary.WorksRead, summary.WorksWritten, summary.WorksCreated, summary.WorksSkipped));
        // Eight people and three institutions recur across the works; three topics sit under two subfields, one field, one domain.
        Assert.Equal((8, 3, 7), (summary.AuthorsCreated, summary.InstitutionsCreated, summary.TopicsCreated));
        Assert.Equal((13, 1), (summary.CitationsResolved, summary.ReferencesPending));
        Assert.Empty(summary.Problems);

        await using var db = Context();
        var sample = SampleAuthors();
        Assert.Equal(sample.Keys.Order(), await db.Papers.Select(p => p.OpenAlexId!).OrderBy(id => id).ToListAsync());
        Assert.Equal(sample.Values.SelectMany(a => a).Distinct().Order(), await db.Authors.Select(a => a.Id).OrderBy(id => id).ToListAsync());
        foreach (var (work, authors) in sample)
        {
            var stored = await db.Authorships.Where(a => a.PaperId == work).OrderBy(a => a.Position).Select(a => a.AuthorId).ToListAsync();
            Assert.Equal(authors, stored);
        }

        var second = await db.Papers.SingleAsync(p => p.Id == "W9100002");
        Assert.Equal(("10.5555/fixture.2", 30, "openalex"), (second.Doi, second.ReportedCitationCount, second.ReportedCitationCountSource));
        Assert.Equal("10.5555/fixture.4", (await db.Papers.SingleAsync(p => p.Id == "W9100004")).Doi);
        Assert.Equal("We study message passing on sparse graphs with fixture data", (await db.Papers.SingleAsync(p => p.Id == "W9100001")).Abstract);
        // Dana Mock is listed with two institutions: the first is her authorship's, both are the paper's, in printed order.
        var dana = await db.Authorships.SingleAsync(a => a.PaperId == "W9100002" && a.AuthorId == "A9000004");
        Assert.Equal("I9000002", dana.InstitutionId);
        Assert.Equal(["I9000001", "I9000002"],
            await db.PaperInstitutions.Where(l => l.PaperId == "W9100002").OrderBy(l => l.Position).Select(l => l.InstitutionId).ToListAsync());
        Assert.Equal(["I9000001", "I9000002"],
            await db.Affiliations.Where(a => a.AuthorId == "A9000004").OrderBy(a => a.InstitutionId).Select(a => a.InstitutionId).ToListAsync());
        var labs = await db.Institutions.SingleAsync(i => i.Id == "I9000003");
        Assert.Equal(("Fixture Labs", "company", "GB"), (labs.Name, labs.Type, labs.CountryCode));

        var chain = new List<(string Id, TopicLevel? Level)>();
        for (var topic = await db.Topics.SingleAsync(t => t.Id == "T9001"); topic is not null;
             topic = topic.ParentId is null ? null : await db.Topics.SingleAsync(t => t.Id == topic.ParentId))
            chain.Add((topic.Id, topic.Level));
        Assert.Equal([("T9001", TopicLevel.Topic), ("subfields-1702", TopicLevel.Subfield), ("fields-17", TopicLevel.Field), ("domains-3", TopicLevel.Domain)], chain);
        Assert.Equal(["T9001", "T9002"], await db.Topics.Where(t => t.ParentId == "subfields-1702").Select(t => t.Id).OrderBy(id => id).ToListAsync());

        Assert.Equal(["W9100002", "W9100005", "W9100009"],
            await db.Citations.Where(c => c.CitingPaperId == "W9100012").Select(c => c.CitedPaperId).OrderBy(id => id).ToListAsync());
        var pending = await db.PendingCitations.SingleAsync();
        Assert.Equal(("W9100006", "W9999999"), (pending.CitingPaperId, pending.CitedOpenAlexId));
    }

    [Fact]
    public async Task The_store_holds_the_coauthor_network_the_sample_implies()
    {
        await ImportAsync([SamplePath]);

        // Every pair of authors on one work, with how many works they share, from the file itself.
        var expected = SampleAuthors().Values
            .SelectMany(authors => authors.SelectMany(a => authors.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b))))
            .GroupBy(pair => pair).Select(g => (g.Key.a, g.Key.b, Shared: g.Count())).Order().ToList();
        await using var db = Context();
        var stored = (await (from x in db.Authorships
                             join y in db.Authorships on x.PaperId equals y.PaperId
                             where string.Compare(x.AuthorId, y.AuthorId) < 0
                             group x by new { A = x.AuthorId, B = y.AuthorId } into g
                             select new { g.Key.A, g.Key.B, Shared = g.Count() }).ToListAsync())
            .Select(p => (p.A, p.B, p.Shared)).Order().ToList();

        Assert.Equal(expected, stored);
        // Alice Fixture wrote with all seven others, and with Bruno, Chen and Dana on two works each.
        Assert.Equal(7, stored.Count(p => p.A == "A9000001" || p.B == "A9000001"));
        Assert.Equal(["A9000002", "A9000003", "A9000004"],
            stored.Where(p => p.A == "A9000001" && p.Shared == 2).Select(p => p.B).Order().ToList());
    }

    [Fact]
    public async Task Importing_the_sample_twice_changes_nothing()
    {
        await ImportAsync([SamplePath]);
        var before = await DumpAsync();

        var again = await ImportAsync([SamplePath]);

        Assert.Equal((12, 12, 0), (again.WorksRead, again.WorksWritten, again.WorksCreated));
        Assert.Equal((0, 0, 0), (again.AuthorsCreated, again.InstitutionsCreated, again.TopicsCreated));
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task A_bad_line_is_reported_with_file_and_line_and_skipped()
    {
        var lines = File.ReadAllLines(SamplePath).ToList();
        lines.Insert(3, "{\"id\": \"https://openalex.org/W1\", \"display_name\": \"Broken\", \"topics\": [{\"id\": \"T1\", \"display_name\": \"x\", \"score\": 0}]}");
        var path = WriteFile("works.jsonl", lines);
        var reported = new Observer();

        var summary = await ImportAsync([path], observer: reported);

        var problem = Assert.Single(summary.Problems);
        Assert.Equal("works.jsonl:4", problem.Location);
        Assert.StartsWith("$.topics[0].score must be greater than 0", problem.Reason);
        Assert.Equal([problem], reported.Problems);
        Assert.Equal((13, 12, 1, false), (summary.WorksRead, summary.WorksWritten, summary.WorksSkipped, summary.Stopped));
        await using var db = Context();
        Assert.Equal(12, await db.Papers.CountAsync());
        Assert.False(await db.Papers.AnyAsync(p => p.OpenAlexId == "W1"));
    }

    [Fact]
    public async Task A_work_whose_institution_has_a_bad_country_code_is_refused_by_the_rule_seeds_and_mutations_apply()
    {
        var work = "{\"id\": \"https://openalex.org/W2\", \"display_name\": \"Somewhere\", \"authorships\": [{\"author\": "
            + "{\"id\": \"https://openalex.org/A2\", \"display_name\": \"Ada\"}, \"institutions\": [{\"id\": \"https://openalex.org/I2\", "
            + "\"display_name\": \"Institute\", \"country_code\": \"Germany\"}]}]}";
        var path = WriteFile("works.jsonl", [work]);

        var summary = await ImportAsync([path]);

        var problem = Assert.Single(summary.Problems);
        Assert.Equal("works.jsonl:1", problem.Location);
        Assert.Equal("$.authorships[0].institutions[0].country_code must be two letters (ISO 3166-1 alpha-2), not 'Germany'", problem.Reason);
        await using var db = Context();
        Assert.False(await db.Papers.AnyAsync());
    }

    [Fact]
    public async Task A_works_file_whose_first_line_is_broken_is_still_read_as_works_and_reports_that_line()
    {
        var path = WriteFile("broken-start.jsonl", ["{\"id\": \"https://openalex.org/W1\", \"display_name\": ", .. File.ReadAllLines(SamplePath)]);

        Assert.Equal(ImportFormat.OpenAlexWorks, ImportFormats.Detect(path));
        var summary = await ImportAsync([path]);

        Assert.Equal("broken-start.jsonl:1", Assert.Single(summary.Problems).Location);
        Assert.StartsWith("not a JSON work", summary.Problems[0].Reason);
        Assert.Equal(12, summary.WorksWritten);
    }

    [Fact]
    public async Task A_bad_line_with_stop_ends_the_import_keeping_the_works_before_it_and_nothing_of_it()
    {
        var lines = File.ReadAllLines(SamplePath).ToList();
        // Valid JSON whose second author has no name: the work's first author would be writable, so "nothing of it" is tested.
        lines.Insert(3, lines[0].Replace("W9100001", "W1").Replace("\"display_name\": \"Bruno Sample\"", "\"display_name\": \" \""));
        var path = WriteFile("works.jsonl", lines);

        var summary = await ImportAsync([path], new ImportOptions { OnError = ImportErrorMode.Stop });

        Assert.True(summary.Stopped);
        Assert.Equal("works.jsonl:4", Assert.Single(summary.Problems).Location);
        Assert.Contains("$.authorships[1].author.display_name must not be empty", summary.Problems[0].Reason);
        await using var db = Context();
        Assert.Equal(["W9100001", "W9100002", "W9100003"], await db.Papers.Select(p => p.Id).OrderBy(id => id).ToListAsync());
        Assert.False(await db.Authorships.AnyAsync(a => a.PaperId == "W1"));
    }

    [Fact]
    public async Task An_import_that_fails_in_the_middle_of_a_batch_leaves_whole_works_and_a_rerun_writes_each_work_once()
    {
        await using (var db = Context())
            await StoreSchema.EnsureAsync(db);
        // A fault in the middle of a batch and of a work: the seventh work's second author cannot be written.
        await _import.Store.InjectFaultAsync("Authorships", "NEW.\"PaperId\" = 'W9100007' AND NEW.\"AuthorId\" = 'A9000008'", "injected fault");
        var options = new ImportOptions { BatchSize = 5 };

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync([SamplePath], options));
        Assert.True(TestStore.IsStoreError(failure, "injected fault"), $"Not the injected fault: {failure}");

        // The first batch (works 1-5) is written, each work whole; nothing of the second (6-7 were under way) is.
        var sample = SampleAuthors();
        await AssertWholeWorksAsync(sample, ["W9100001", "W9100002", "W9100003", "W9100004", "W9100005"]);

        await _import.Store.RemoveFaultAsync("Authorships");
        var rerun = await ImportAsync([SamplePath], options);

        Assert.Equal((12, 7), (rerun.WorksWritten, rerun.WorksCreated));
        await AssertWholeWorksAsync(sample, sample.Keys);
    }

    [Fact]
    public async Task An_import_cancelled_after_a_batch_keeps_that_batch_and_a_rerun_completes_it()
    {
        using var cancel = new CancellationTokenSource();
        var observer = new Observer(onProgress: _ => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ImportAsync([SamplePath], new ImportOptions { BatchSize = 4 }, observer, cancel.Token));

        var sample = SampleAuthors();
        await AssertWholeWorksAsync(sample, ["W9100001", "W9100002", "W9100003", "W9100004"]);
        await ImportAsync([SamplePath]);
        await AssertWholeWorksAsync(sample, sample.Keys);
    }

    [Fact]
    public async Task A_gzipped_file_of_any_name_imports_like_the_plain_one()
    {
        var path = Path.Combine(_import.FilesPath, "works.data");
        await using (var zip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        await using (var plain = File.OpenRead(SamplePath))
            await plain.CopyToAsync(zip);

        var summary = await ImportAsync([path]);

        Assert.Equal((12, 12, 8), (summary.WorksWritten, summary.WorksCreated, summary.AuthorsCreated));
        await AssertWholeWorksAsync(SampleAuthors(), SampleAuthors().Keys);
    }

    [Fact]
    public async Task A_file_that_breaks_while_being_read_fails_the_import_with_the_reading_error_and_writes_nothing_of_the_batch()
    {
        // Lines are read and parsed on another thread than the one writing: a failure there (here a gzip stream cut short and
        // damaged after its first works) must reach the caller as itself, after works of the batch were handed to the writer,
        // and roll the batch back.
        var whole = new MemoryStream();
        await using (var zip = new GZipStream(whole, CompressionLevel.Fastest, leaveOpen: true))
        await using (var plain = File.OpenRead(SamplePath))
            await plain.CopyToAsync(zip);
        var bytes = whole.ToArray();
        var broken = bytes[..(bytes.Length * 3 / 4)];
        for (var i = broken.Length / 2; i < broken.Length; i++)
            broken[i] ^= 0x5a;
        var path = Path.Combine(_import.FilesPath, "broken.jsonl.gz");
        await File.WriteAllBytesAsync(path, broken);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync([path], new ImportOptions { BatchSize = 100 }));

        Assert.True(failure is InvalidDataException or IOException, $"Not the reading error: {failure}");
        await using var db = Context();
        Assert.Equal(0, await db.Papers.CountAsync());
        Assert.Equal(0, await db.Authorships.CountAsync());
    }

    [Fact]
    public async Task A_reference_to_a_work_not_yet_stored_becomes_a_citation_when_the_work_arrives_in_a_later_import()
    {
        await ImportAsync([SamplePath]);
        var later = WriteFile("later.jsonl",
            ["{\"id\": \"https://openalex.org/W9999999\", \"display_name\": \"Cited before it arrived\", \"referenced_works\": [\"https://openalex.org/W9100001\"]}"]);

        var summary = await ImportAsync([later]);

        Assert.Equal((2, 0), (summary.CitationsResolved, summary.ReferencesPending));
        await using var db = Context();
        Assert.True(await db.Citations.AnyAsync(c => c.CitingPaperId == "W9100006" && c.CitedPaperId == "W9999999"));
        Assert.True(await db.Citations.AnyAsync(c => c.CitingPaperId == "W9999999" && c.CitedPaperId == "W9100001"));
        Assert.Empty(await db.PendingCitations.ToListAsync());
    }

    [Fact]
    public async Task A_work_with_the_DOI_of_a_stored_paper_updates_that_paper_and_keeps_what_only_the_store_knew()
    {
        await using (var db = Context())
        {
            await StoreSchema.EnsureAsync(db);
            db.Papers.Add(new Paper { Id = "message-passing", Title = "Message passing (preprint)", Doi = "10.5555/FIXTURE.1", Category = "LG", CodeUrl = "https://example.org/code" });
            await db.SaveChangesAsync();
        }

        var summary = await ImportAsync([SamplePath]);

        Assert.Equal(11, summary.WorksCreated);
        await using var check = Context();
        Assert.Equal(12, await check.Papers.CountAsync());
        var merged = await check.Papers.SingleAsync(p => p.OpenAlexId == "W9100001");
        Assert.Equal(("message-passing", "Message passing on sparse graphs", "LG", "https://example.org/code"),
            (merged.Id, merged.Title, merged.Category, merged.CodeUrl));
        Assert.True(await check.Citations.AnyAsync(c => c.CitingPaperId == "W9100002" && c.CitedPaperId == "message-passing"));
    }

    [Fact]
    public async Task Seed_files_and_works_import_together_each_told_apart_by_content()
    {
        var seed = Directory.GetFiles(RepositoryPaths.SeedData, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).ToList();
        Assert.All(seed, f => Assert.Equal(ImportFormat.Seed, ImportFormats.Detect(f)));
        Assert.Equal(ImportFormat.OpenAlexWorks, ImportFormats.Detect(SamplePath));

        var summary = await ImportAsync([SamplePath, .. seed]);

        Assert.True(summary.SeedRows > 0);
        await using var db = Context();
        Assert.Equal(12, await db.Papers.CountAsync(p => p.OpenAlexId != null && p.OpenAlexId.StartsWith("W91")));
        Assert.True(await db.Authors.AnyAsync(a => a.Id == "devvrit-khatri"));
    }

    private async Task AssertWholeWorksAsync(Dictionary<string, List<string>> sample, IEnumerable<string> works)
    {
        await using var db = Context();
        var stored = await db.Papers.Select(p => p.Id).ToListAsync();
        Assert.Equal(works.Order(), stored.Order());
        foreach (var work in stored)
        {
            var authors = await db.Authorships.Where(a => a.PaperId == work).OrderBy(a => a.Position).Select(a => a.AuthorId).ToListAsync();
            Assert.Equal(sample[work], authors);
        }
    }

    private Task<List<string>> DumpAsync() => StoreDump.AllRowsAsync(Context);

    private sealed class Observer(Action<ImportProgress>? onProgress = null) : IImportObserver
    {
        public List<ImportProblem> Problems { get; } = [];

        public void Problem(ImportProblem problem) => Problems.Add(problem);

        public void Progress(ImportProgress progress) => onProgress?.Invoke(progress);
    }
}

public sealed class SqliteStoreImporterTests(SqliteTestStore store) : StoreImporterTests(store), IClassFixture<SqliteTestStore>
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Import", "openalex-sample.jsonl");

    // The store's indexes as their statements say, by name: the importer builds those of empty tables after the rows, and
    // must leave every one as the migrations made it.
    private static async Task<List<string>> IndexesAsync(ScholarGraphDbContext db) =>
        await db.Database.SqlQueryRaw<string>(
            "SELECT name || ': ' || sql AS Value FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").ToListAsync();

    [Fact]
    public async Task A_first_import_into_an_empty_store_leaves_every_index_as_the_migrations_made_it_and_usable()
    {
        var import = new ImportTestStore(store);
        List<string> before;
        await using (var db = import.Context())
        {
            await StoreSchema.EnsureAsync(db);
            before = await IndexesAsync(db);
        }

        var summary = await import.ImportAsync([Sample]);

        await using var after = import.Context();
        Assert.Equal(12, summary.WorksWritten);
        Assert.Equal(before, await IndexesAsync(after));
        Assert.Contains(before, i => i.StartsWith("IX_PendingCitations_CitedOpenAlexId:", StringComparison.Ordinal));
        Assert.Equal(["ok"], await after.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
        // A secondary index built after the rows holds them: a lookup through it finds the works.
        var byIndex = await after.Database.SqlQueryRaw<long>(
            "SELECT COUNT(*) AS Value FROM \"Papers\" INDEXED BY \"IX_Papers_OpenAlexId\" WHERE \"OpenAlexId\" >= ''").SingleAsync();
        Assert.Equal(12, byIndex);
    }

    [Fact]
    public async Task A_first_import_that_fails_leaves_the_empty_store_with_all_its_indexes()
    {
        var import = new ImportTestStore(store);
        List<string> before;
        await using (var db = import.Context())
        {
            await StoreSchema.EnsureAsync(db);
            before = await IndexesAsync(db);
        }
        await import.Store.InjectFaultAsync("Authorships", "NEW.\"PaperId\" = 'W9100007'", "injected fault");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => import.ImportAsync([Sample]));
        Assert.True(TestStore.IsStoreError(failure, "injected fault"), $"Not the injected fault: {failure}");

        await import.Store.RemoveFaultAsync("Authorships");
        await using var after = import.Context();
        Assert.Equal(0, await after.Papers.CountAsync());
        Assert.Equal(before, await IndexesAsync(after));
    }
}

[RequiresPostgres]
public sealed class PostgresStoreImporterTests(PostgresTestStore store) : StoreImporterTests(store), IClassFixture<PostgresTestStore>;
