using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;

namespace ScholarGraph.Bench.Import;

/// <summary>
/// The PostgreSQL row (issue 12): the real file imported by this build into a fresh database on the server that
/// <c>SCHOLARGRAPH_POSTGRES</c> names, <c>--real-runs</c> times in this process (the first including JIT), each database
/// created before and dropped after; then a rerun on the last one.
/// </summary>
internal static class PostgresImport
{
    public const string Variable = "SCHOLARGRAPH_POSTGRES";

    public static async Task RunAsync(string server, string file, int runs, int batchSize)
    {
        Console.WriteLine($"PostgreSQL ({Variable}): the real file imported {runs} times in this process, each into a fresh database (binary COPY into staging tables, then upserts)");
        var rates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var name = $"sgbench_import_{Guid.NewGuid():N}";
            var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'");
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            try
            {
                await using var db = new ScholarGraphDbContext((DbContextOptions<ScholarGraphDbContext>)StorageServiceCollectionExtensions.Configure(
                    new DbContextOptionsBuilder<ScholarGraphDbContext>(), new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }).Options);
                await StoreSchema.EnsureAsync(db);
                var clock = Stopwatch.StartNew();
                var summary = await StoreImporter.ImportAsync(db, [file], new ImportOptions { BatchSize = batchSize });
                var wall = clock.Elapsed.TotalSeconds;
                rates.Add(summary.WorksWritten / wall);
                var counts = await db.Database.SqlQueryRaw<string>(
                    "SELECT (SELECT COUNT(*) FROM \"Papers\") || ' papers, ' || (SELECT COUNT(*) FROM \"Authors\") || ' authors, ' || (SELECT COUNT(*) FROM \"Authorships\") || ' authorships, ' "
                    + "|| (SELECT COUNT(*) FROM \"Citations\") || ' citations' AS \"Value\"").SingleAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run}: {summary.WorksWritten:N0} works  {wall:F2} s wall  {rates[^1],6:N0} works/s  ({counts})"));
                if (run == runs)
                {
                    clock.Restart();
                    var again = await StoreImporter.ImportAsync(db, [file], new ImportOptions { BatchSize = batchSize });
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  rerun on the same database: {again.WorksWritten:N0} works  {clock.Elapsed.TotalSeconds:F2} s wall  {again.WorksWritten / clock.Elapsed.TotalSeconds,6:N0} works/s"));
                }
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
        var warm = rates.Skip(1).Order().ToList();
        if (warm.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  PostgreSQL: first import {rates[0]:N0} works/s, warm best {warm[^1]:N0}, warm median {warm[warm.Count / 2]:N0} works/s"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
