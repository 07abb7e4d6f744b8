using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

    public static async Task<(string Path, BenchDatabaseInfo Info, bool Cached)> PrepareAsync(string cacheFolder, int papers, int seed)
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

        var json = Path.Combine(cacheFolder, key + "-json");
        var building = database + ".building";
        foreach (var stale in new[] { building, building + "-journal", building + "-wal", building + "-shm" })
            File.Delete(stale);

        Console.Error.WriteLine($"Generating {papers:N0} papers (seed {seed}) into {json} ...");
        var clock = Stopwatch.StartNew();
        var summary = await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = papers, Seed = seed }, json);
        var generateSeconds = clock.Elapsed.TotalSeconds;

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
        Directory.Delete(json, recursive: true);

        var info = new BenchDatabaseInfo(papers, seed, generateSeconds, load.Elapsed.TotalSeconds, load.Rows, load.RowsPerSecond, summary.Bytes);
        await File.WriteAllTextAsync(infoFile, JsonSerializer.Serialize(info));
        return (database, info, false);
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
