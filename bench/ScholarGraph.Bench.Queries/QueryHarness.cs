using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScholarGraph.Server.Hosting;
using ScholarGraph.Server.Schema;

namespace ScholarGraph.Bench.Queries;

/// <summary>What one query measured.</summary>
/// <param name="CpuMs">Process CPU time per run (mean over the timed runs): steadier than wall time on a shared machine.</param>
internal sealed record Measurement(
    string Name, double MedianMs, double P99Ms, double CpuMs, int MinRoundTrips, int MaxRoundTrips, int Rows, string? Error, JsonElement? Data);

/// <summary>
/// The server's services, composed as the server composes them (<see cref="ScholarGraphHostingExtensions.AddScholarGraph"/>) on the
/// benchmark's SQLite file, with an EF interceptor counting SQL round trips. Queries run through GraphQL.NET's document executer
/// with a fresh request scope each, as an HTTP request would, and are serialized to JSON as the endpoint does.
/// </summary>
internal sealed class QueryHarness : IAsyncDisposable
{
    private readonly WebApplication _app;

    private QueryHarness(WebApplication app, SqlRoundTripCounter counter)
    {
        _app = app;
        Counter = counter;
    }

    public SqlRoundTripCounter Counter { get; }

    public IServiceProvider Services => _app.Services;

    public static QueryHarness Create(string databasePath) => Create("Sqlite", $"Data Source={databasePath}");

    /// <summary>The same on any store: <paramref name="provider"/> is <c>Database:Provider</c>.</summary>
    public static QueryHarness Create(string provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Database:SeedOnStart"] = "false",
        });
        builder.Logging.ClearProviders();
        var counter = new SqlRoundTripCounter();
        builder.Services.AddSingleton<IInterceptor>(counter);
        builder.AddScholarGraph();
        return new QueryHarness(builder.Build(), counter);
    }

    /// <summary>Runs <paramref name="query"/> once and returns the serialized response and the SQL round trips it took.</summary>
    public async Task<(string Json, int RoundTrips)> ExecuteAsync(BenchQuery query, BenchInputs inputs)
    {
        using var scope = _app.Services.CreateScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ScholarGraphSchema>>();
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        Counter.Reset();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query.Document,
            Variables = query.Variables(inputs),
            RequestServices = scope.ServiceProvider,
        });
        var json = serializer.Serialize(result);
        return (json, Counter.Count);
    }

    /// <summary>Warms up, then times <paramref name="iterations"/> runs; a query the schema refuses is reported, not timed.</summary>
    public async Task<Measurement> MeasureAsync(BenchQuery query, BenchInputs inputs, int warmup, int iterations)
    {
        var (first, _) = await ExecuteAsync(query, inputs);
        var response = JsonDocument.Parse(first).RootElement.Clone();
        if (response.TryGetProperty("errors", out var errors))
        {
            var error = errors[0];
            var code = error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var c) ? c.GetString() : null;
            return new Measurement(query.Name, double.NaN, double.NaN, double.NaN, 0, 0, 0, $"{code}: {error.GetProperty("message").GetString()}", null);
        }
        var data = response.GetProperty("data");
        for (var i = 1; i < warmup; i++)
            await ExecuteAsync(query, inputs);

        var times = new double[iterations];
        int min = int.MaxValue, max = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            var (_, roundTrips) = await ExecuteAsync(query, inputs);
            times[i] = clock.Elapsed.TotalMilliseconds;
            min = Math.Min(min, roundTrips);
            max = Math.Max(max, roundTrips);
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / iterations;
        Array.Sort(times);
        return new Measurement(query.Name, Percentile(times, 0.5), Percentile(times, 0.99), cpuMs, min, max, CountRows(data), null, data);
    }

    /// <summary>The SQL one run of <paramref name="query"/> sends.</summary>
    public async Task<IReadOnlyList<string>> SqlOfAsync(BenchQuery query, BenchInputs inputs)
    {
        Counter.Recording = true;
        try
        {
            await ExecuteAsync(query, inputs);
            return Counter.Recent;
        }
        finally
        {
            Counter.Recording = false;
        }
    }

    // Nearest-rank percentile of sorted samples.
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    // Rows returned: every object that sits in a list of the answer (nodes, edges, nested lists).
    private static int CountRows(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Sum(p => CountRows(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Sum(e => (e.ValueKind == JsonValueKind.Object ? 1 : 0) + CountRows(e)),
        _ => 0,
    };

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
