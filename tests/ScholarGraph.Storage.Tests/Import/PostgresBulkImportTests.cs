using System.Text.Json.Nodes;
using ScholarGraph.Generation;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Import;
using ScholarGraph.Storage.Seeding;
using ScholarGraph.Tests.Shared;
using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.Storage.Tests.Import;

/// <summary>
/// Issue 12 item 6: the importer writes PostgreSQL in sets (binary COPY into staging tables, then upserts), SQLite row by row;
/// a few thousand generated works imported into both, in several batches, must leave the same rows, table by table. The file's
/// lines are reversed so that works cite works of later batches (references wait in the store and are resolved by a later
/// batch), and a second file replaces every fifth work with a record that lost its last author and its last reference.
/// The bulk seed loader (issue 12 item 8) the same way: a seed folder loaded into both, its files in reverse order so that rows
/// come before the rows they refer to, leaves the same rows, and a rerun changes nothing.
/// </summary>
[RequiresPostgres]
public sealed class PostgresBulkImportTests(PostgresTestStore postgres) : IClassFixture<PostgresTestStore>, IDisposable
{
    private const int Works = 2500;
    private readonly TemporaryDirectory _files = new();
    private readonly SqliteTestStore _sqlite = new();

    [Fact]
    public async Task A_generated_import_leaves_the_same_rows_on_PostgreSQL_as_on_SQLite()
    {
        postgres.Reset();
        Directory.CreateDirectory(_files.Path);
        var generated = Path.Combine(_files.Path, "generated.jsonl");
        await OpenAlexWorksWriter.WriteAsync(new SeedGenerator(new GeneratorOptions { Papers = Works, Seed = 7 }), generated);
        var lines = File.ReadAllLines(generated).Where(l => l.Length > 0).Reverse().ToList();
        var reversed = Path.Combine(_files.Path, "reversed.jsonl");
        File.WriteAllLines(reversed, lines);
        var replaced = Path.Combine(_files.Path, "replaced.jsonl");
        File.WriteAllLines(replaced, lines.Where((_, i) => i % 5 == 0).Select(LoseLastAuthorAndReference));
        var options = new ImportOptions { BatchSize = 600 };

        var onSqlite = await ImportAsync(_sqlite, reversed, options);
        var onPostgres = await ImportAsync(postgres, reversed, options);
        Assert.Equal(Works, onPostgres.WorksWritten);
        Assert.True(onPostgres.CitationsResolved > 0 && onSqlite.CitationsResolved == onPostgres.CitationsResolved,
            $"citations resolved: SQLite {onSqlite.CitationsResolved}, PostgreSQL {onPostgres.CitationsResolved}");
        var first = await SameRowsAsync(atLeast: Works * 5);

        await ImportAsync(_sqlite, replaced, options);
        await ImportAsync(postgres, replaced, options);
        var second = await SameRowsAsync(atLeast: Works * 5);
        Assert.True(second.Count < first.Count, $"the replacing records took rows away: {first.Count} rows before, {second.Count} after");
    }

    public static TheoryData<string> SeedFolders => ["generated", "seed-data"];

    [Theory]
    [MemberData(nameof(SeedFolders))]
    public async Task A_seed_folder_loaded_in_bulk_leaves_the_same_rows_on_PostgreSQL_as_on_SQLite_and_a_rerun_changes_nothing(string folder)
    {
        postgres.Reset();
        var directory = RepositoryPaths.SeedData;
        if (folder == "generated")
        {
            // Three files of 400 papers; every author is in the first file, which comes last here.
            directory = _files.Path;
            await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = 1200, Seed = 11, PapersPerFile = 400 }, directory);
        }
        var files = SeedReader.SeedFiles(directory).Reverse().ToList();
        Assert.True(files.Count >= (folder == "generated" ? 3 : 1), $"{files.Count} seed files in {directory}");

        var loaded = new List<BulkLoadResult>();
        foreach (var store in new TestStore[] { _sqlite, postgres })
        {
            await using var db = store.Context();
            loaded.Add(await BulkSeedLoader.LoadFilesAsync(db, files));
        }
        var rows = await SameRowsAsync(atLeast: folder == "generated" ? 1200 * 5 : 50);
        Assert.All(loaded, r => Assert.Equal((r.Rows, 0L), (r.Inserted, r.Updated)));
        Assert.Equal(loaded[0].Rows, loaded[1].Rows);

        foreach (var store in new TestStore[] { _sqlite, postgres })
        {
            await using var db = store.Context();
            var rerun = await BulkSeedLoader.LoadFilesAsync(db, files);
            Assert.True(rerun is { Inserted: 0, Updated: 0 } && rerun.Unchanged == rerun.Rows,
                $"{store.Provider} rerun: {rerun.Inserted} inserted, {rerun.Updated} updated, {rerun.Unchanged} unchanged of {rerun.Rows}");
        }
        Assert.Equal(rows, await SameRowsAsync(atLeast: rows.Count));
    }

    private static async Task<ImportSummary> ImportAsync(TestStore store, string file, ImportOptions options)
    {
        await using var db = store.Context();
        return await StoreImporter.ImportAsync(db, [file], options);
    }

    // The rows of both stores, compared table by table (a row's JSON starts with its first property, so sorting groups them).
    private async Task<List<string>> SameRowsAsync(int atLeast)
    {
        var sqliteRows = await StoreDump.AllRowsAsync(_sqlite.Context);
        var postgresRows = await StoreDump.AllRowsAsync(postgres.Context);
        Assert.True(sqliteRows.Count >= atLeast, $"only {sqliteRows.Count} rows on SQLite");
        var missing = sqliteRows.Except(postgresRows).Take(3).ToList();
        var extra = postgresRows.Except(sqliteRows).Take(3).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && sqliteRows.Count == postgresRows.Count,
            $"SQLite {sqliteRows.Count} rows, PostgreSQL {postgresRows.Count}; only on SQLite: {string.Join(" | ", missing)}; only on PostgreSQL: {string.Join(" | ", extra)}");
        return sqliteRows;
    }

    private static string LoseLastAuthorAndReference(string line)
    {
        var work = JsonNode.Parse(line)!.AsObject();
        foreach (var list in new[] { "authorships", "referenced_works" })
        {
            if (work[list] is JsonArray { Count: > 0 } items)
                items.RemoveAt(items.Count - 1);
        }
        return work.ToJsonString();
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        _files.Dispose();
    }
}
