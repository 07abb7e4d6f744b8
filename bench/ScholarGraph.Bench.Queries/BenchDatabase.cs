using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ScholarGraph.Generation;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Bench.Queries;

/// <summary>How the benchmark's database was made (kept beside the cached file, so a cached run still reports it).</summary>
internal sealed record BenchDatabaseInfo(
    int Papers, int Seed, double GenerateSeconds, double LoadSeconds, long Rows, double RowsPerSecond, long JsonBytes);

/// <summary>
/// A generated graph bulk-loaded into SQLite once and cached under <c>bench/.cache/</c> (git-ignored), keyed by size and seed, so
/// later runs start at once. The file appears only when complete: it is built under a temporary name and renamed.
/// </summary>
internal static class BenchDatabase
{
    /// <summary><c>bench/.cache</c> of the checkout the benchmark runs in, found from the working directory upwards (git-ignored).</summary>
    public static string DefaultCacheFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScholarGraph.sln")))
                return Path.Combine(dir.FullName, "bench", ".cache");
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "bench-cache");
    }

    /// <param name="keepJson">Keeps the generated seed JSON for a second store (<see cref="PreparePostgresAsync"/>) rather than delete it.</param>
    public static async Task<(string Path, BenchDatabaseInfo Info, bool Cached)> PrepareAsync(string cacheFolder, int papers, int seed, bool keepJson = false)
    {
        Directory.CreateDirectory(cacheFolder);
        var key = $"papers-{papers}-seed-{seed}";
        var database = Path.Combine(cacheFolder, key + ".db");
        var infoFile = Path.Combine(cacheFolder, key + ".json");
        if (File.Exists(database) && File.Exists(infoFile))
        {
            // A file cached before a later migration (such as the search tables) is brought up to date, as a server start would.
            await using (var db = new ScholarGraphDbContext(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite($"Data Source={database}").Options))
                await StoreSchema.EnsureAsync(db);
            return (database, JsonSerializer.Deserialize<BenchDatabaseInfo>(await File.ReadAllTextAsync(infoFile))!, true);
        }

        var building = database + ".building";
        foreach (var stale in new[] { building, building + "-journal", building + "-wal", building + "-shm" })
            File.Delete(stale);
        var (json, summary, generateSeconds) = await GenerateAsync(cacheFolder, papers, seed);

        Console.Error.WriteLine($"Bulk-loading {summary.Bytes / 1e6:F0} MB of seed JSON into {building} ...");
        BulkLoadResult load;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = building, Pooling = false }.ToString();
        await using (var db = new ScholarGraphDbContext(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite(connectionString).Options))
        {
            load = await BulkSeedLoader.LoadDirectoryAsync(db, json);
            // As the server's StoreInitializer leaves it: WAL mode, and no ANALYZE statistics (the server does not gather them).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        File.Move(building, database, overwrite: true);
        if (!keepJson)
            Directory.Delete(json, recursive: true);

        var info = new BenchDatabaseInfo(papers, seed, generateSeconds, load.Elapsed.TotalSeconds, load.Rows, load.RowsPerSecond, summary.Bytes);
        await File.WriteAllTextAsync(infoFile, JsonSerializer.Serialize(info));
        return (database, info, false);
    }
    // The generated seed JSON of the size and seed, reused while a complete one is cached (a marker file says it is complete).
    private static async Task<(string Folder, GenerationSummary Summary, double Seconds)> GenerateAsync(string cacheFolder, int papers, int seed)
    {
        var json = Path.Combine(cacheFolder, $"papers-{papers}-seed-{seed}-json");
        var complete = json + ".complete.json";
        if (Directory.Exists(json) && File.Exists(complete))
        {
            var cached = JsonSerializer.Deserialize<GeneratedJson>(await File.ReadAllTextAsync(complete))!;
            return (json, cached.Summary, cached.Seconds);
        }
        if (Directory.Exists(json))
            Directory.Delete(json, recursive: true);
        Console.Error.WriteLine($"Generating {papers:N0} papers (seed {seed}) into {json} ...");
        var clock = Stopwatch.StartNew();
        var summary = await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = papers, Seed = seed }, json);
        var seconds = clock.Elapsed.TotalSeconds;
        await File.WriteAllTextAsync(complete, JsonSerializer.Serialize(new GeneratedJson(summary, seconds)));
        return (json, summary, seconds);
    }

    private sealed record GeneratedJson(GenerationSummary Summary, double Seconds);

    /// <summary>
    /// The whole generated graph bulk-loaded into the PostgreSQL database <paramref name="name"/> on <paramref name="server"/>
    /// (created, migrated), through the same <see cref="BulkSeedLoader"/> as SQLite, from the same seed JSON; then <c>ANALYZE</c>d
    /// (autovacuum would gather the statistics soon after a load of this size anyway). Reused while it holds the papers and its
    /// load figures are cached beside the SQLite file; the seed JSON is deleted once both stores are loaded.
    /// </summary>
    public static async Task<(string ConnectionString, BenchDatabaseInfo Info, bool Cached)> PreparePostgresAsync(
        string cacheFolder, string server, string name, int papers, int seed)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var infoFile = Path.Combine(cacheFolder, $"papers-{papers}-seed-{seed}-postgres-{name}.json");
        var builder = new DbContextOptionsBuilder<ScholarGraphDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        await using var db = new ScholarGraphDbContext(builder.Options);
        await StoreSchema.EnsureAsync(db);
        var stored = await db.Papers.CountAsync();
        if (stored == papers && File.Exists(infoFile))
            return (connectionString, JsonSerializer.Deserialize<BenchDatabaseInfo>(await File.ReadAllTextAsync(infoFile))!, true);
        if (stored != 0)
            throw new InvalidOperationException($"PostgreSQL database {name} holds {stored:N0} papers, not {papers:N0}: drop it or name another (--postgres-database).");

        var (json, summary, generateSeconds) = await GenerateAsync(cacheFolder, papers, seed);
        Console.Error.WriteLine($"Bulk-loading {summary.Bytes / 1e6:F0} MB of seed JSON into PostgreSQL {name} ...");
        var load = await BulkSeedLoader.LoadDirectoryAsync(db, json);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Directory.Delete(json, recursive: true);
        File.Delete(json + ".complete.json");
        var info = new BenchDatabaseInfo(papers, seed, generateSeconds, load.Elapsed.TotalSeconds, load.Rows, load.RowsPerSecond, summary.Bytes);
        await File.WriteAllTextAsync(infoFile, JsonSerializer.Serialize(info));
        return (connectionString, info, false);
    }

    /// <summary>
    /// The settings a benchmark's in-process server starts with over <paramref name="database"/>: Production, the SQLite file
    /// without seeding, warnings only, and no rate limiter (a benchmark is one client sending as fast as it can: exactly what
    /// the rate limiter exists to stop).
    /// </summary>
    public static string[] ServerArguments(string database) =>
    [
        "--environment", "Production",
        "--Database:Provider", "Sqlite",
        "--Database:ConnectionString", $"Data Source={database}",
        "--Database:SeedOnStart", "false",
        "--Logging:LogLevel:Default", "Warning",
        "--RateLimiting:Enabled", "false",
    ];
}
