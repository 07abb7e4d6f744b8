using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Bench.Queries;

/// <summary>Picks the benchmark's inputs from the data and prints what the run measured.</summary>
internal static class BenchReport
{
    public static void PrintSetup(string database, BenchDatabaseInfo info, bool cached, IServiceProvider services)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}{LoadAverage()}");
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; run with -c Release for figures worth quoting.");
#endif
        var bytes = new[] { "", "-wal" }.Select(s => database + s).Where(File.Exists).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"Database: {database} ({bytes / 1048576.0:F1} MiB), SQLite, {info.Papers:N0} generated papers, seed {info.Seed}");
        Console.WriteLine($"Generate: {info.GenerateSeconds:F1} s ({info.JsonBytes / 1e6:F0} MB of seed JSON); bulk load: {info.LoadSeconds:F1} s for {info.Rows:N0} rows ({info.RowsPerSecond:N0} rows/s){(cached ? "; measured when the cached file was built" : "")}");
        using var db = services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContext();
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        var counts = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Order(StringComparer.Ordinal).Select(table =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            return $"{table} {Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture):N0}";
        });
        Console.WriteLine($"Rows: {string.Join(", ", counts)}");
    }

    /// <summary>The most prolific author (the worst case for query 4), the institution on most authorships, and a title word.</summary>
    public static async Task<BenchInputs> PickInputsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync();
        var author = await db.Authorships.GroupBy(a => a.AuthorId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var institutionId = await db.Authorships.Where(a => a.InstitutionId != null).GroupBy(a => a.InstitutionId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var institution = await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.Name).SingleAsync();
        var title = await db.Papers.OrderBy(p => p.Id).Select(p => p.Title).FirstAsync();
        var word = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length)!;
        var lastPaper = await db.Papers.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
        var other = await db.Authorships.Where(a => a.PaperId == lastPaper && a.AuthorId != author).OrderBy(a => a.Position).Select(a => a.AuthorId).FirstOrDefaultAsync() ?? author;
        return new BenchInputs
        {
            AuthorId = GlobalId.Encode("Author", author), InstitutionName = institution, TitleWord = word, OtherAuthorId = GlobalId.Encode("Author", other),
        };
    }

    public static void PrintTable(IReadOnlyList<Measurement> measurements, int iterations)
    {
        Console.WriteLine();
        Console.WriteLine($"{iterations} timed runs per query after warm-up; time = execute + serialize to JSON, in-process (no HTTP);");
        Console.WriteLine("cpu ms = this process's CPU time per run (all threads), steadier than wall time when the machine is shared.");
        var width = Math.Max(40, measurements.Max(m => m.Name.Length));
        Console.WriteLine($"{"query".PadRight(width)} | {"median ms",9} | {"p99 ms",8} | {"cpu ms",7} | {"SQL trips",9} | {"rows",5}");
        Console.WriteLine($"{new string('-', width)}-|-{new string('-', 9)}-|-{new string('-', 8)}-|-{new string('-', 7)}-|-{new string('-', 9)}-|-{new string('-', 5)}");
        foreach (var m in measurements)
        {
            if (m.Error is not null)
            {
                Console.WriteLine($"{m.Name.PadRight(width)} | not run: the schema refuses it ({Shorten(m.Error, 90)})");
                continue;
            }
            var trips = m.MinRoundTrips == m.MaxRoundTrips ? $"{m.MinRoundTrips}" : $"{m.MinRoundTrips}-{m.MaxRoundTrips}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Name.PadRight(width)} | {m.MedianMs,9:F2} | {m.P99Ms,8:F2} | {m.CpuMs,7:F2} | {trips,9} | {m.Rows,5}"));
        }
    }

    public static void PrintPlans(string database, string name, IReadOnlyList<string> statements)
    {
        Console.WriteLine();
        Console.WriteLine($"== {name}");
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        foreach (var sql in statements)
        {
            Console.WriteLine(sql.ReplaceLineEndings(" "));
            using var command = connection.CreateCommand();
            // Unbound parameters are NULL to SQLite, which is enough to see the plan.
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                Console.WriteLine($"   plan: {reader.GetString(3)}");
        }
    }

    public static string? EndCursor(JsonElement? data, string field) =>
        data?.GetProperty(field).GetProperty("pageInfo").GetProperty("endCursor").GetString();

    // On a shared machine the load tells how far wall times can be trusted.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "...";
}
