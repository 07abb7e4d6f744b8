using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;

namespace ScholarGraph.Bench.Import;

/// <summary>
/// One measuring process of the real-file comparison: imports a works file <c>--runs</c> times (default 3), each into a fresh
/// SQLite file, and prints a <c>RUN</c> line per import (works written, wall and CPU seconds, row counts) for the comparing
/// process to read.
/// </summary>
/// <remarks>
/// This file uses only the importer's API as it was at the baseline commit (<c>StoreImporter.ImportAsync</c>,
/// <c>StoreSchema.EnsureAsync</c>, <c>ImportOptions.BatchSize</c>), so that <c>baseline.sh</c> compiles the very same
/// measurement against the baseline's importer: both builds are timed by the same code, in processes of the same shape.
/// </remarks>
public static class RealFileMeasurement
{
    /// <summary>The argument that makes the benchmark a measuring process.</summary>
    public const string Verb = "measure";

    /// <summary>Runs the measurement: <c>measure FILE [--runs N] [--batch-size N] [--cache DIR]</c>.</summary>
    public static async Task RunAsync(string[] args)
    {
        var file = args[1];
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var batchSize = int.Parse(Option(args, "--batch-size") ?? "2000", CultureInfo.InvariantCulture);
        var folder = Path.GetFullPath(Option(args, "--cache") ?? Path.GetTempPath());
        Directory.CreateDirectory(folder);
        for (var run = 1; run <= runs; run++)
        {
            var path = Path.Combine(folder, $"measure-{Guid.NewGuid():N}.db");
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            try
            {
                await using var db = new ScholarGraphDbContext(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite(connectionString).Options);
                await StoreSchema.EnsureAsync(db);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var summary = await StoreImporter.ImportAsync(db, [file], new ImportOptions { BatchSize = batchSize });
                var wall = clock.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                var counts = await db.Database.SqlQueryRaw<string>(
                    "SELECT (SELECT COUNT(*) FROM Papers) || ' papers, ' || (SELECT COUNT(*) FROM Authors) || ' authors, ' || (SELECT COUNT(*) FROM Authorships) || ' authorships, ' "
                    + "|| (SELECT COUNT(*) FROM Citations) || ' citations' AS Value").SingleAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RUN {run} {summary.WorksWritten} {wall:F4} {cpuSeconds:F4} {summary.WorksSkipped} ({counts})"));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var leftover in new[] { path, path + "-wal", path + "-shm", path + "-journal", path + "-migrations.lock" })
                    File.Delete(leftover);
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
