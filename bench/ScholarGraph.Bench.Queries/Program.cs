using ScholarGraph.Bench.Queries;

// Issue 3's query benchmark; bench/README.md says how to run it. Options: --papers N (100000) --seed S (1) --iterations N (200)
// --warmup N (20) --cache DIR (bench/.cache) --plans (print each query's SQL with SQLite's query plan)
// --compare-loaders N (also load N generated papers through SeedLoader and through BulkSeedLoader, and compare).
// --search measures search and autocomplete instead (on PostgreSQL too when SCHOLARGRAPH_POSTGRES is set), and
// --autocomplete-papers N then also autocomplete alone on a store of N papers; --prepare-only builds the stores and stops.
var options = BenchOptions.Parse(args);
var (database, info, cached) = await BenchDatabase.PrepareAsync(options.CacheFolder, options.Papers, options.Seed);
if (options.Search)
{
    await SearchBenchProgram.RunAsync(options, database, info, cached);
    return;
}
await using var harness = QueryHarness.Create(database);
BenchReport.PrintSetup(database, info, cached, harness.Services);
var inputs = await BenchReport.PickInputsAsync(harness.Services);

var measurements = new List<Measurement>();
foreach (var query in BenchQueries.All.Concat(BenchQueries.WithoutFilters))
{
    Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} measuring {query.Name} ...");
    var measurement = await harness.MeasureAsync(query, inputs, options.Warmup, options.Iterations);
    measurements.Add(measurement);
    // Query 3 pages on from query 1's end cursor (and 3' from 1').
    if (query.Name.StartsWith("1 ", StringComparison.Ordinal))
        inputs.FirstPageEndCursor = BenchReport.EndCursor(measurement.Data, "papers");
    if (query.Name.StartsWith("1'", StringComparison.Ordinal))
        inputs.PlainPageEndCursor = BenchReport.EndCursor(measurement.Data, "papers");
}
BenchReport.PrintTable(measurements, options.Iterations);

if (options.Plans)
{
    foreach (var query in BenchQueries.All.Concat(BenchQueries.WithoutFilters).Where(q => measurements.Single(m => m.Name == q.Name).Error is null))
        BenchReport.PrintPlans(database, query.Name, await harness.SqlOfAsync(query, inputs));
}

if (options.CompareLoaders > 0)
    await LoaderComparison.RunAsync(options.CacheFolder, options.CompareLoaders, options.Seed);
