using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Generation;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Bench.Queries;

/// <summary>
/// Loads the same generated seed files into two fresh SQLite files, once through <see cref="SeedReader"/> and
/// <see cref="SeedLoader"/> (whole files in memory, EF Core's change tracker) and once through <see cref="BulkSeedLoader"/>, and
/// prints rows per second, CPU time and bytes allocated for each, measured in the same run.
/// </summary>
internal static class LoaderComparison
{
    public static async Task RunAsync(string cacheFolder, int papers, int seed)
    {
        var json = Path.Combine(cacheFolder, $"compare-papers-{papers}-seed-{seed}-json");
        if (!Directory.Exists(json))
            await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = papers, Seed = seed }, json);
        Console.WriteLine();
        Console.WriteLine($"Loaders on {papers:N0} generated papers (seed {seed}), each into a fresh SQLite file:");
        await MeasureAsync("SeedReader + SeedLoader (in memory, change tracker)", cacheFolder, async db =>
            (await SeedLoader.LoadDirectoryAsync(db, json)).Inserted);
        await MeasureAsync("BulkSeedLoader (streamed, prepared upserts)", cacheFolder, async db =>
            (await BulkSeedLoader.LoadDirectoryAsync(db, json)).Inserted);
    }

    private static async Task MeasureAsync(string name, string folder, Func<ScholarGraphDbContext, Task<long>> load)
    {
        var file = Path.Combine(folder, $"compare-{Guid.NewGuid():N}.db");
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
            await using var db = new ScholarGraphDbContext(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite(connectionString).Options);
            await db.Database.EnsureCreatedAsync();
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var rows = await load(db);
            var wall = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-52} {rows,10:N0} rows  {wall,7:F1} s wall  {rows / wall,9:N0} rows/s  {cpuSeconds,7:F1} s cpu  {rows / cpuSeconds,9:N0} rows/cpu-s  {megabytes,8:N0} MiB allocated"));
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
                File.Delete(path);
        }
    }
}
