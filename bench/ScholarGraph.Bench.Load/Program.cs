using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScholarGraph.Bench.Load;
using ScholarGraph.Bench.Queries;

// Issue 11's load benchmark; bench/README.md says how to run it. Options: --papers N (100000) --seed S (1)
// --connections 16,64 --seconds N (10) --warmup N (3) --only TEXT --cache DIR (bench/.cache).
var options = LoadOptions.Parse(args);
Wrk.EnsureInstalled();
var (database, info, cached) = await BenchDatabase.PrepareAsync(options.CacheFolder, options.Papers, options.Seed);
Console.WriteLine($"Store: {info.Papers:N0} generated papers (seed {info.Seed}), SQLite {database}{(cached ? " (cached)" : "")}");
var inputs = Scenarios.PickInputs(database);
Console.WriteLine($"Typical authors: {inputs.TypicalAuthorIds.Count} with the median {inputs.TypicalCoauthors} distinct coauthors");

await using var server = await LoadServer.StartAsync(database);
using var http = new HttpClient();
var scenarios = Scenarios.All(inputs).Where(s => options.Only is null || s.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).ToList();
var rows = new List<(Scenario Scenario, int Connections, WrkResult Query, WrkResult Floor, int Bytes, double SingleMedianMs)>();
foreach (var scenario in scenarios)
{
    // Every body must answer without errors, or the figures would measure error handling.
    var answers = new List<byte[]>();
    foreach (var body in scenario.Bodies.Distinct())
        answers.Add(await PostAsync(http, server.GraphQLUrl, body, scenario.Name));
    var floorBody = answers.OrderBy(a => a.Length).ElementAt(answers.Count / 2);
    var floorUrl = server.AddFloor(scenario.Name, floorBody);
    var single = await SingleClientMedianAsync(http, server.GraphQLUrl, scenario.Bodies);
    foreach (var connections in options.Connections)
    {
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {scenario.Name}, {connections} connections ...");
        var query = await Wrk.RunAsync(server.GraphQLUrl, scenario.Bodies, connections, options.Seconds, options.WarmupSeconds);
        var floor = await Wrk.RunAsync(floorUrl, scenario.Bodies, connections, options.Seconds, options.WarmupSeconds);
        rows.Add((scenario, connections, query, floor, floorBody.Length, single));
    }
}

Console.WriteLine();
Console.WriteLine($"wrk, {options.Seconds} s per run after {options.WarmupSeconds} s of warm-up, on loopback; the floor is POST /floor in the same process");
Console.WriteLine("answering a precomputed body of the query's median response size. 1-client ms: median of 50 requests one after another.");
Console.WriteLine("cpu us: the server process's CPU time per request during the run (steadier than req/s on a shared machine).");
Console.WriteLine();
Console.WriteLine("| query | conns | bytes | req/s | p50 ms | p99 ms | floor req/s | floor p99 ms | ratio | cpu us | floor cpu us | failures | 1-client ms |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (scenario, connections, query, floor, bytes, single) in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {scenario.Name} | {connections} | {bytes:N0} | {query.RequestsPerSecond:N0} | {query.P50Ms:F2} | {query.P99Ms:F2} | {floor.RequestsPerSecond:N0} | {floor.P99Ms:F2} | {query.RequestsPerSecond / floor.RequestsPerSecond:F2} | {query.ServerCpuUsPerRequest:F0} | {floor.ServerCpuUsPerRequest:F0} | {query.Failures} | {single:F2} |"));
}
return rows.Any(r => r.Query.Failures > 0) ? 1 : 0;

static async Task<byte[]> PostAsync(HttpClient http, string url, string body, string name)
{
    using var content = new StringContent(body, Encoding.UTF8, "application/json");
    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    request.Headers.Accept.ParseAdd("application/graphql-response+json");
    using var response = await http.SendAsync(request);
    var bytes = await response.Content.ReadAsByteArrayAsync();
    using var json = JsonDocument.Parse(bytes);
    if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("errors", out _))
        throw new InvalidOperationException($"{name}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)[..Math.Min(400, bytes.Length)]}");
    return bytes;
}

static async Task<double> SingleClientMedianAsync(HttpClient http, string url, IReadOnlyList<string> bodies)
{
    var times = new List<double>();
    for (var i = 0; i < 60; i++)
    {
        var clock = Stopwatch.StartNew();
        await PostAsync(http, url, bodies[i % bodies.Count], "1-client");
        if (i >= 10)
            times.Add(clock.Elapsed.TotalMilliseconds);
    }
    return times.Order().ElementAt(times.Count / 2);
}
