using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Bench.Queries;
using ScholarGraph.Server.GraphQuestions.GraphIndex;

// Issue 3's query benchmark; bench/README.md says how to run it. Options: --papers N (100000) --seed S (1) --iterations N (200)
// --warmup N (20) --cache DIR (bench/.cache) --plans (print each query's SQL with SQLite's query plan)
// --compare-loaders N (also load N generated papers through SeedLoader and through BulkSeedLoader, and compare).
// --search measures search and autocomplete instead (on PostgreSQL too when SCHOLARGRAPH_POSTGRES is set), and
// --autocomplete-papers N then also autocomplete alone on a store of N papers; --prepare-only builds the stores and stops.
// The data-API and graph queries run on PostgreSQL too when SCHOLARGRAPH_POSTGRES is set, on the whole graph bulk-loaded into
// --postgres-database NAME (scholargraph_bench_full_papers_N_seed_S), printed beside the SQLite figures.
var options = BenchOptions.Parse(args);
var server = Environment.GetEnvironmentVariable("SCHOLARGRAPH_POSTGRES") is { Length: > 0 } pg && !options.Search ? pg : null;
var (database, info, cached) = await BenchDatabase.PrepareAsync(options.CacheFolder, options.Papers, options.Seed, keepJson: server is not null);
if (options.Search)
{
    await SearchBenchProgram.RunAsync(options, database, info, cached);
    return;
}
(string ConnectionString, BenchDatabaseInfo Info, bool Cached)? postgres = server is null ? null
    : await BenchDatabase.PreparePostgresAsync(options.CacheFolder, server,
        options.PostgresDatabase ?? $"scholargraph_bench_full_papers_{options.Papers}_seed_{options.Seed}", options.Papers, options.Seed);
if (postgres is { } loaded)
    Console.WriteLine($"PostgreSQL: bulk load {loaded.Info.LoadSeconds:F1} s for {loaded.Info.Rows:N0} rows ({loaded.Info.RowsPerSecond:N0} rows/s)"
        + (loaded.Cached ? "; measured when the database was loaded" : ""));
if (options.PrepareOnly)
    return;

var queries = BenchQueries.All.Concat(BenchQueries.WithoutFilters).Concat(BenchQueries.Graph).ToList();
List<Measurement> measurements;
await using (var harness = QueryHarness.Create(database))
{
    BenchReport.PrintSetup(database, info, cached, harness.Services);
    measurements = await MeasureAllAsync(harness, "SQLite");
}
BenchReport.PrintTable(measurements, options.Iterations);
if (postgres is { } store)
{
    await using var harness = QueryHarness.Create("Postgres", store.ConnectionString);
    SearchBench.PrintSideBySide(measurements, await MeasureAllAsync(harness, "PostgreSQL"), options.Iterations);
}
else
{
    Console.WriteLine("PostgreSQL: not measured (SCHOLARGRAPH_POSTGRES is not set).");
}

if (options.Plans)
{
    await using var harness = QueryHarness.Create(database);
    var inputs = await BenchReport.PickInputsAsync(harness.Services);
    foreach (var query in BenchQueries.All.Concat(BenchQueries.WithoutFilters).Where(q => measurements.Single(m => m.Name == q.Name).Error is null))
        BenchReport.PrintPlans(database, query.Name, await harness.SqlOfAsync(query, inputs));
}

if (options.CompareLoaders > 0)
    await LoaderComparison.RunAsync(options.CacheFolder, options.CompareLoaders, options.Seed);

// Times the graph index's build from the store (what a server start or a bulkChange costs), then every query.
async Task<List<Measurement>> MeasureAllAsync(QueryHarness harness, string store)
{
    var inputs = await BenchReport.PickInputsAsync(harness.Services);
    var holder = harness.Services.GetRequiredService<GraphIndexHolder>();
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var clock = System.Diagnostics.Stopwatch.StartNew();
    await holder.RebuildAsync(CancellationToken.None);
    var built = clock.Elapsed;
    var after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"{store}: graph index built from the store in {built.TotalSeconds:F1} s; managed heap grew by {(after - before) / 1048576.0:F0} MiB "
        + $"({(after - before) / (double)options.Papers:F0} B per paper)");
    var results = new List<Measurement>();
    foreach (var query in queries)
    {
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {store}: measuring {query.Name} ...");
        var measurement = await harness.MeasureAsync(query, inputs, options.Warmup, options.Iterations);
        results.Add(measurement);
        // Query 3 pages on from query 1's end cursor (and 3' from 1').
        if (query.Name.StartsWith("1 ", StringComparison.Ordinal))
            inputs.FirstPageEndCursor = BenchReport.EndCursor(measurement.Data, "papers");
        if (query.Name.StartsWith("1'", StringComparison.Ordinal))
            inputs.PlainPageEndCursor = BenchReport.EndCursor(measurement.Data, "papers");
    }
    return results;
}
