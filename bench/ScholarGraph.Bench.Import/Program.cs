using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Bench.Import;
using ScholarGraph.Generation;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;

// Issue 5's import benchmark: works per second into SQLite for a generated OpenAlex-format file, through the importer and
// through EF Core's SaveChanges, each into a fresh file (bench/README.md); and (issue 15) through the importer for the real
// OpenAlex file where it is at hand (--real PATH, else shared/openalex-real/openalex-real.jsonl beside or above the repository),
// against an older build's importer measured in the same run (--baseline, built by baseline.sh), and into PostgreSQL where
// SCHOLARGRAPH_POSTGRES names a server (issue 12).
if (args.Length > 1 && args[0] == RealFileMeasurement.Verb)
{
    await RealFileMeasurement.RunAsync(args);
    return;
}
var options = Arguments(args);
var works = int.Parse(options.GetValueOrDefault("works", "100000"), CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
var batchSize = int.Parse(options.GetValueOrDefault("batch-size", "2000"), CultureInfo.InvariantCulture);
var cache = Path.GetFullPath(options.GetValueOrDefault("cache", Path.Combine("bench", ".cache")));
Directory.CreateDirectory(cache);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}"));

var real = options.GetValueOrDefault("real") ?? FindRealFile();
if (real is not null && File.Exists(real))
{
    var rounds = int.Parse(options.GetValueOrDefault("rounds", "3"), CultureInfo.InvariantCulture);
    var realRuns = int.Parse(options.GetValueOrDefault("real-runs", "3"), CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Input: the real OpenAlex file {real}, {File.ReadLines(real).Count(l => l.Length > 0):N0} records, {new FileInfo(real).Length / 1048576.0:F1} MiB"));
    await RealFileComparison.RunAsync(real, options.GetValueOrDefault("baseline"), rounds, realRuns, batchSize, cache);
    if (Environment.GetEnvironmentVariable(PostgresImport.Variable) is { Length: > 0 } server)
        await PostgresImport.RunAsync(server, real, realRuns, batchSize);
    else
        Console.WriteLine($"PostgreSQL: {PostgresImport.Variable} is not set, its row is skipped");
}
else
{
    Console.WriteLine("Real OpenAlex file: not at hand (pass --real PATH), its row is skipped");
}
if (works == 0)
    return;
var file = Path.Combine(cache, $"openalex-works-{works}-seed-{seed}.jsonl");
if (!File.Exists(file))
{
    var clock = Stopwatch.StartNew();
    var generator = new SeedGenerator(new GeneratorOptions { Papers = works, Seed = seed });
    await OpenAlexWorksWriter.WriteAsync(generator, file + ".tmp");
    File.Move(file + ".tmp", file);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated {file} in {clock.Elapsed.TotalSeconds:F1} s"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Input: {works:N0} generated OpenAlex works (seed {seed}), {new FileInfo(file).Length / 1048576.0:F1} MiB of JSON Lines; batches of {batchSize:N0} works, each one transaction"));

var importer = await MeasureAsync("StoreImporter (prepared upserts)", cache, async db =>
{
    var summary = await StoreImporter.ImportAsync(db, [file], new ImportOptions { BatchSize = batchSize });
    return summary.WorksWritten;
}, rerun: true);
var saveChanges = await MeasureAsync("EF Core AddRange + SaveChanges", cache, db => SaveChangesImport.RunAsync(db, file, batchSize), rerun: false);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Importer / SaveChanges: {importer / saveChanges:F1}x the works per second"));

static async Task<double> MeasureAsync(string name, string folder, Func<ScholarGraphDbContext, Task<long>> import, bool rerun)
{
    var path = Path.Combine(folder, $"import-{Guid.NewGuid():N}.db");
    var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    try
    {
        double rate;
        await using (var db = new ScholarGraphDbContext(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite(connectionString).Options))
        {
            await StoreSchema.EnsureAsync(db);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var written = await import(db);
            var wall = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            rate = written / wall;
            var counts = await db.Database.SqlQueryRaw<string>(
                "SELECT (SELECT COUNT(*) FROM Papers) || ' papers, ' || (SELECT COUNT(*) FROM Authors) || ' authors, ' || (SELECT COUNT(*) FROM Authorships) || ' authorships, ' "
                + "|| (SELECT COUNT(*) FROM Topics) || ' topics, ' || (SELECT COUNT(*) FROM Citations) || ' citations' AS Value").SingleAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-36} {written,9:N0} works  {wall,7:F1} s wall  {rate,8:N0} works/s  {cpuSeconds,7:F1} s cpu  {new FileInfo(path).Length / 1048576.0,7:F1} MiB database  ({counts})"));
            if (rerun)
            {
                clock.Restart();
                var again = await import(db);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name + ", rerun on the same file",-36} {again,9:N0} works  {clock.Elapsed.TotalSeconds,7:F1} s wall  {again / clock.Elapsed.TotalSeconds,8:N0} works/s  (nothing new written)"));
            }
        }
        return rate;
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal", path + "-migrations.lock" })
            File.Delete(file);
    }
}

static string? FindRealFile()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "openalex-real", "openalex-real.jsonl");
        if (File.Exists(candidate))
            return candidate;
    }
    return null;
}

static Dictionary<string, string> Arguments(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
        options[args[i][2..]] = args[i + 1];
    }
    return options;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
