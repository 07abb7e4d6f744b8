using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;
using Xunit.Abstractions;

namespace ScholarGraph.Storage.Tests.Database;

/// <summary>
/// Migrations killed midway: a child process upgrades a copy of a store at the initial migration and is killed with SIGKILL
/// right after its Nth SQL command, for N at every table rebuild's drop, at each migration's last command before its commit and
/// the first after it, and at two random points (the seed is printed). The next start then opens the store, completes the
/// migrations, and every row is there, in the schema a new store has.
/// </summary>
public sealed class MigrationInterruptionTests(ITestOutputHelper output) : IDisposable
{
    private const int RandomPoints = 2;
    private static readonly TimeSpan ChildPatience = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("scholargraph-interrupted-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_migration_killed_at_any_of_its_statements_is_completed_by_the_next_start_with_every_row_intact()
    {
        var source = Path.Combine(_folder, "initial.db");
        await InitialStore.CreateAsync(source);
        var rows = await InitialStore.ReadRowsAsync(source);

        // The statements of an uninterrupted upgrade, in the order the child will run them, and the schema it ends at.
        var reference = Copy(source, "reference");
        var statements = new List<string>();
        await using (var db = InitialStore.Context(reference, configure: b => b.AddInterceptors(
            new MigrationChildProcess.CommandObserver((_, sql) => statements.Add(sql.Trim())))))
            await StoreSchema.EnsureAsync(db);
        var schema = await InitialStore.ReadSchemaAsync(reference);
        var migrations = await InitialStore.AppliedMigrationsAsync(reference);

        var initialApplied = (await InitialStore.AppliedMigrationsAsync(source)).Count;
        var seed = Environment.TickCount;
        var points = KillPoints(statements, new Random(seed));
        output.WriteLine($"{statements.Count} statements; killing after statements {string.Join(", ", points)} (random ones from seed {seed})");

        // Two children at a time, each on its own copy: the machine has two cores.
        var started = Stopwatch.StartNew();
        var results = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(points, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (point, _) =>
        {
            var copy = Copy(source, $"killed-at-{point}");
            var exitCode = await RunChildAsync(copy, point);
            Assert.True(exitCode == 137, $"The child killed after statement {point} exited with {exitCode}, not by SIGKILL (137).");
            var appliedBefore = (await InitialStore.AppliedMigrationsAsync(copy)).Count;

            await using (var db = InitialStore.Context(copy))
                await StoreSchema.EnsureAsync(db).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(migrations, await InitialStore.AppliedMigrationsAsync(copy));
            Assert.Equal(schema, await InitialStore.ReadSchemaAsync(copy));
            Assert.Equal(rows, await InitialStore.ReadRowsAsync(copy));
            Assert.Equal(["ok"], await InitialStore.QueryAsync(copy, "PRAGMA integrity_check"));
            Assert.Empty(await InitialStore.QueryAsync(copy, "SELECT \"table\" FROM pragma_foreign_key_check"));
            results[point] = appliedBefore;
        });

        foreach (var (point, appliedBefore) in results.OrderBy(r => r.Key))
            output.WriteLine($"killed after {point} ({Describe(statements[point - 1])}): {appliedBefore} of {migrations.Count} migrations "
                + $"recorded; after the restart all applied, {rows.Sum(t => t.Value.Count)} rows intact");
        var partial = results.Values.Count(applied => applied < migrations.Count && applied > initialApplied);
        Assert.True(partial > 0, "No kill point fell between two migrations' commits.");
        output.WriteLine($"{points.Count} kills ({partial} between migrations) in {started.Elapsed.TotalSeconds:F1} s; failures = 0");
    }

    // Where a half-applied migration would do harm, one of each, and a few anywhere.
    private static List<int> KillPoints(List<string> statements, Random random)
    {
        var points = new SortedSet<int>();
        for (var i = 0; i < statements.Count; i++)
        {
            var sql = statements[i];
            // A rebuild's old table dropped, its new one not yet renamed into place: what EF Core ran outside a transaction.
            if (sql.StartsWith("DROP TABLE", StringComparison.Ordinal))
                points.Add(i + 1);
            // A history row is the last command before its migration's commit; the command after it runs after the commit.
            if (sql.StartsWith("INSERT INTO \"__EFMigrationsHistory\"", StringComparison.Ordinal))
            {
                points.Add(i + 1);
                if (i + 2 <= statements.Count)
                    points.Add(i + 2);
            }
        }
        var wanted = Math.Min(points.Count + RandomPoints, statements.Count);
        while (points.Count < wanted)
            points.Add(random.Next(1, statements.Count + 1));
        return [.. points];
    }

    private static string Describe(string sql) => sql.Split('\n')[0] is var line && line.Length > 60 ? line[..60] + "..." : sql.Split('\n')[0];

    private string Copy(string source, string name)
    {
        var path = Path.Combine(_folder, name + ".db");
        File.Copy(source, path);
        return path;
    }

    private static async Task<int> RunChildAsync(string file, int killAfter)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(MigrationChildProcess).Assembly.Location, "migrate", file, killAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        var errors = child.StandardError.ReadToEndAsync();
        _ = child.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ChildPatience);
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException($"The child migrating {file} ran past {ChildPatience}: {await errors}");
        }
        return child.ExitCode;
    }
}
