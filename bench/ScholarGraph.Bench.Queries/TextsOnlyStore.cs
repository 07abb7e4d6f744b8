using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Generation;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Bench.Queries;

/// <summary>
/// A store of the generated graph's papers (id, title, abstract, date) and authors (id, name) only, with the full schema and every
/// index and trigger of the migrations: what autocomplete reads (one index on the folded name or title) at a size whose full
/// bulk load does not fit a benchmark run on a shared machine (1,000,000 papers: about 3 GB and most of an hour here). Papers are
/// inserted one by one, so the FTS5 triggers index them as any write would. Cached as <c>papers-N-seed-S-texts.db</c>.
/// </summary>
internal static class TextsOnlyStore
{
    public static async Task<(string Path, BenchDatabaseInfo Info, bool Cached)> PrepareAsync(string cacheFolder, int papers, int seed)
    {
        var key = $"papers-{papers}-seed-{seed}";
        var database = Path.Combine(cacheFolder, key + "-texts.db");
        var infoFile = Path.Combine(cacheFolder, key + "-texts.json");
        if (File.Exists(database) && File.Exists(infoFile))
            return (database, JsonSerializer.Deserialize<BenchDatabaseInfo>(await File.ReadAllTextAsync(infoFile))!, true);

        var json = Path.Combine(cacheFolder, key + "-json");
        var clock = Stopwatch.StartNew();
        long jsonBytes;
        if (Directory.Exists(json) && Directory.GetFiles(json, "*.json").Length > 0)
            jsonBytes = Directory.GetFiles(json, "*.json").Sum(f => new FileInfo(f).Length);
        else
            jsonBytes = (await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = papers, Seed = seed }, json)).Bytes;
        var generateSeconds = clock.Elapsed.TotalSeconds;

        var building = database + ".building";
        File.Delete(building);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = building, Pooling = false }.ToString();
        await using (var db = new ScholarGraphDbContext(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite(connectionString).Options))
            await StoreSchema.EnsureAsync(db);

        Console.Error.WriteLine($"Inserting the papers' and authors' texts of {json} into {building} ...");
        clock.Restart();
        long rows = 0;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var paper = Command(connection, transaction,
                "INSERT INTO \"Papers\" (\"Id\", \"Title\", \"Abstract\", \"PublicationDate\", \"DateYearInferred\", \"AuthorListTruncated\") VALUES ($1, $2, $3, $4, 0, 0)", 4);
            var author = Command(connection, transaction, "INSERT INTO \"Authors\" (\"Id\", \"Name\") VALUES ($1, $2)", 2);
            foreach (var file in Directory.GetFiles(json, "*.json").Order(StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
                foreach (var (array, command, fields) in new[] { ("authors", author, new[] { "id", "name" }), ("papers", paper, new[] { "id", "title", "abstract", "publicationDate" }) })
                {
                    if (!document.RootElement.TryGetProperty(array, out var items))
                        continue;
                    foreach (var item in items.EnumerateArray())
                    {
                        for (var i = 0; i < fields.Length; i++)
                            command.Parameters[i].Value = item.TryGetProperty(fields[i], out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : DBNull.Value;
                        await command.ExecuteNonQueryAsync();
                        rows++;
                    }
                }
            }
            await transaction.CommitAsync();
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, database, overwrite: true);
        var info = new BenchDatabaseInfo(papers, seed, generateSeconds, clock.Elapsed.TotalSeconds, rows, rows / clock.Elapsed.TotalSeconds, jsonBytes);
        await File.WriteAllTextAsync(infoFile, JsonSerializer.Serialize(info));
        return (database, info, false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
            command.Parameters.Add(new SqliteParameter("$" + i, DBNull.Value));
        command.Prepare();
        return command;
    }
}
