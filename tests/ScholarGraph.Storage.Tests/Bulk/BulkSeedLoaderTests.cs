using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ScholarGraph.Generation;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Seeding;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Storage.Tests.Bulk;

/// <summary>
/// The streaming bulk loader writes exactly what the in-memory seed loader writes, adds nothing on a rerun, and on a bad
/// reference reports it and leaves the SQLite store as it was.
/// </summary>
public sealed class BulkSeedLoaderTests : IDisposable
{
    private readonly TemporaryDirectory _generated = new();
    private readonly List<SqliteConnection> _connections = [];

    public void Dispose()
    {
        foreach (var connection in _connections)
            connection.Dispose();
        _generated.Dispose();
    }

    private SqliteConnection NewStore()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        _connections.Add(connection);
        return connection;
    }

    private static ScholarGraphDbContext Context(DbConnection connection) =>
        new(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite(connection).Options);

    // Three files of 100 papers: authors are all in the first, and citations point across files.
    private async Task<string> GenerateAsync(int papers = 300)
    {
        await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = papers, Seed = 11, PapersPerFile = 100 }, _generated.Path);
        return _generated.Path;
    }

    public static TheoryData<string> Folders => ["generated", "seed-data"];

    private async Task<string> FolderAsync(string name) => name == "seed-data" ? RepositoryPaths.SeedData : await GenerateAsync();

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task The_bulk_path_stores_the_same_rows_as_the_seed_loader(string folder)
    {
        var directory = await FolderAsync(folder);
        var bySeedLoader = NewStore();
        await using (var db = Context(bySeedLoader))
            await SeedLoader.LoadDirectoryAsync(db, directory);
        var byBulk = NewStore();
        BulkLoadResult result;
        await using (var db = Context(byBulk))
            result = await BulkSeedLoader.LoadDirectoryAsync(db, directory);

        var expected = Dump(bySeedLoader);
        var actual = Dump(byBulk);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var table in expected.Keys)
            Assert.True(expected[table].SequenceEqual(actual[table]), $"{table} differs: {expected[table].Count} rows by SeedLoader, {actual[table].Count} by the bulk loader");
        var rows = expected.Values.Sum(t => t.Count);
        Assert.Equal((rows, rows, 0L, 0L), (result.Rows, result.Inserted, result.Updated, result.Unchanged));
        if (folder == "generated")
            Assert.Equal(300, expected["Papers"].Count);
    }

    [Fact]
    public async Task A_rerun_inserts_and_changes_nothing_and_a_changed_row_is_updated()
    {
        var directory = await GenerateAsync();
        var store = NewStore();
        BulkLoadResult first;
        await using (var db = Context(store))
            first = await BulkSeedLoader.LoadDirectoryAsync(db, directory);
        var before = Dump(store);

        await using (var db = Context(store))
        {
            var second = await BulkSeedLoader.LoadDirectoryAsync(db, directory);
            Assert.Equal((first.Rows, 0L, 0L, first.Rows), (second.Rows, second.Inserted, second.Updated, second.Unchanged));
        }
        Assert.Equal(before.Values.Select(t => t.Count), Dump(store).Values.Select(t => t.Count));

        await using (var db = Context(store))
        {
            var paper = await db.Papers.OrderBy(p => p.Id).FirstAsync();
            paper.Title = "Edited after loading";
            db.Authors.Add(new Domain.Author { Id = "added-later", Name = "Added Later" });
            await db.SaveChangesAsync();
        }
        await using (var db = Context(store))
        {
            var third = await BulkSeedLoader.LoadDirectoryAsync(db, directory);
            Assert.Equal((0L, 1L), (third.Inserted, third.Updated));
        }
        await using (var db = Context(store))
        {
            Assert.DoesNotContain(await db.Papers.Select(p => p.Title).ToListAsync(), t => t == "Edited after loading");
            Assert.True(await db.Authors.AnyAsync(a => a.Id == "added-later"), "a row the files do not mention is kept");
        }
    }

    [Fact]
    public async Task A_bad_reference_in_the_last_file_is_reported_and_nothing_is_written()
    {
        var directory = await GenerateAsync();
        var last = SeedReader.SeedFiles(directory)[^1];
        // Late in the last file, after thousands of rows of the earlier files have gone to the database.
        var text = await File.ReadAllTextAsync(last);
        var cut = text.LastIndexOf("{\"author\":\"", StringComparison.Ordinal) + "{\"author\":\"".Length;
        Assert.True(cut > 100, "the generated file has the expected compact shape");
        await File.WriteAllTextAsync(last, text[..cut] + "ghost-" + text[cut..]);

        var store = NewStore();
        await using (var db = Context(store))
            await SeedLoader.LoadDirectoryAsync(db, RepositoryPaths.SeedData);
        var before = Dump(store);

        var inMemory = Assert.Throws<SeedValidationException>(() => SeedReader.ReadDirectory(directory));
        await using (var db = Context(store))
        {
            var error = await Assert.ThrowsAsync<SeedValidationException>(() => BulkSeedLoader.LoadDirectoryAsync(db, directory));
            var problem = Assert.Single(error.Problems);
            Assert.Equal(Path.GetFileName(last), problem.File);
            Assert.Matches(@"^\$\.papers\[\d+\]\.authors\[\d+\]\.author$", problem.JsonPath);
            Assert.StartsWith("refers to unknown author id 'ghost-", problem.Reason);
            Assert.Equal(inMemory.Problems, error.Problems);
        }
        var after = Dump(store);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var table in before.Keys)
            Assert.Equal(before[table], after[table]);
    }

    [Fact]
    public async Task Problems_are_the_ones_the_in_memory_reader_reports()
    {
        var directory = _generated.Path;
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "a.json"), """
            {
              "papers": [
                { "id": "p1", "title": "Graphs", "authors": [ { "author": "ada", "position": 1 }, { "author": "ada", "position": 1 } ],
                  "cites": ["p2", "p1"], "codeUrl": "ftp://x" }
              ],
              "source": { "id": "first" },
              "authors": [ { "id": "ada", "name": "Ada", "affiliations": ["nowhere"] } ]
            }
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "b.json"), """
            { "source": { "id": "second" }, "authors": [ { "id": "ada", "name": " " } ], "papers": [ { "id": "p2", "title": "Late", "cites": ["p1"] } ] }
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "c.json"), """
            { "source": { "id": "third" }, "papers": [ { "id": "p3", "title": "Broken" "cites": [] } ] }
            """);

        var expected = Assert.Throws<SeedValidationException>(() => SeedReader.ReadDirectory(directory)).Problems;
        await using var db = Context(NewStore());
        var actual = (await Assert.ThrowsAsync<SeedValidationException>(() => BulkSeedLoader.LoadDirectoryAsync(db, directory))).Problems;

        Assert.True(expected.Count >= 6, string.Join("\n", expected));
        // The same problems; the streamed order follows each file's member order rather than the format's section order.
        Assert.Equal(expected.Order(ProblemOrder.Instance), actual.Order(ProblemOrder.Instance));
        Assert.Contains(actual, p => p is { File: "c.json", JsonPath: "$.papers[0]" } && p.Reason.Contains("line 1", StringComparison.Ordinal));
        Assert.Equal(0, await db.Papers.CountAsync());
    }

    // Every table of the model, every column, every row in key order, as the database stores them.
    private static Dictionary<string, List<string>> Dump(SqliteConnection connection)
    {
        using var db = Context(connection);
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, null);
            var key = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName(store)}\""));
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {key}";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                    $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : reader.GetDataTypeName(i) + ":" + Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")));
            tables[table] = rows;
        }
        return tables;
    }

    private sealed class ProblemOrder : IComparer<SeedProblem>
    {
        public static readonly ProblemOrder Instance = new();

        public int Compare(SeedProblem? x, SeedProblem? y) => string.CompareOrdinal(x?.ToString(), y?.ToString());
    }
}
