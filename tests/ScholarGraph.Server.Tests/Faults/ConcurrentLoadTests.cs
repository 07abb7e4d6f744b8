using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.Faults;

/// <summary>
/// Readers and writers at once on the SQLite store, over loopback HTTP to the built server: no request fails, and every
/// acknowledged write is in the store exactly once, whole. Bounded in time and in requests; it prints what it did.
/// </summary>
public sealed class ConcurrentLoadTests(ITestOutputHelper output) : IDisposable
{
    private const int Readers = 8;
    private const int Writers = 4;
    private const int MostRequests = 4000;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    private static readonly string[] Reads =
    [
        "{ papers(first: 10) { totalCount nodes { title authors { author { name } } } } }",
        $"{{ author(id: \"{PaperWrites.HubAuthorId}\") {{ name coauthors(first: 10) {{ totalCount nodes {{ name }} }} }} }}",
        $"{{ coauthorNetwork(authorId: \"{PaperWrites.HubAuthorId}\", depth: 1, maxNodes: 50) {{ truncated nodes {{ distance }} }} }}",
        "{ papers(where: { title: { startsWith: \"Load \" } }) { totalCount } }",
    ];

    private readonly TemporaryDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Eight_readers_and_four_writers_at_once_fail_no_request_and_lose_or_repeat_no_write()
    {
        using var server = ServerProcess.Start(_folder.Path, "--Logging:LogLevel:ScholarGraph.Server.Writes.WriteMutationExtensions", "Debug");
        await server.WaitUntilReadyAsync();
        // Each kind of request once before the clock starts, so that the run measures the server, not its first compilation.
        using (var warmUp = server.Client())
        {
            foreach (var read in Reads)
                await ServerProcess.PostAsync(warmUp, read);
            Assert.Null(await PaperWrites.CreateAsync(warmUp, "Load warm-up", ["Load Author warm-up"]));
        }

        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var requests = 0;
        var reads = 0;
        var clock = Stopwatch.StartNew();
        bool More() => clock.Elapsed < Duration && Interlocked.Increment(ref requests) <= MostRequests;

        async Task ReadAsync(int reader)
        {
            using var client = server.Client(authorized: false);
            for (var n = 0; More(); n++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var (status, body) = await ServerProcess.PostAsync(client, Reads[(reader + n) % Reads.Length]);
                    if (status != HttpStatusCode.OK || body.TryGetProperty("errors", out _))
                        failures.Enqueue($"read: {(int)status} {body}");
                    Interlocked.Increment(ref reads);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"read: {e.Message}");
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        async Task WriteAsync(int writer)
        {
            using var client = server.Client();
            for (var n = 0; More(); n++)
            {
                var title = $"Load {writer}-{n}";
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (await PaperWrites.CreateAsync(client, title, [$"Load Author {writer}-{n}"]) is { } problem)
                        failures.Enqueue($"write {title}: {problem}");
                    else
                        acknowledged.Add(title);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"write {title}: {e.Message}");
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        await Task.WhenAll([.. Enumerable.Range(0, Readers).Select(ReadAsync), .. Enumerable.Range(0, Writers).Select(WriteAsync)]);
        var elapsed = clock.Elapsed;

        // What the store holds, read from the file itself.
        using var store = ServerProcess.OpenStore(_folder.Path);
        var stored = ServerProcess.Rows(store, "SELECT p.Title, COUNT(a.AuthorId) FROM Papers p LEFT JOIN Authorships a ON a.PaperId = p.Id "
            + "WHERE p.Title LIKE 'Load %' GROUP BY p.Id, p.Title");
        var titles = stored.Select(r => r.Key).ToList();
        var retries = server.Output.Count(line => line.Contains("found the store busy", StringComparison.Ordinal));
        var sorted = latencies.OrderBy(l => l).ToList();
        output.WriteLine($"{Readers} readers + {Writers} writers for {elapsed.TotalSeconds:F1} s: {reads + acknowledged.Count + failures.Count} requests "
            + $"({reads} reads, {acknowledged.Count} writes acknowledged), failures = {failures.Count}; {stored.Count - 1} papers stored (and the warm-up's), "
            + $"{titles.Count - titles.Distinct().Count()} duplicated, {acknowledged.Except(titles).Count()} lost; writes retried after SQLITE_BUSY: {retries}; "
            + $"latency p50 {Percentile(sorted, 0.5):F0} ms, p99 {Percentile(sorted, 0.99):F0} ms, max {sorted.LastOrDefault():F0} ms");
        foreach (var failure in failures.Take(5))
            output.WriteLine(failure);

        Assert.Empty(failures);
        Assert.True(acknowledged.Count >= Writers, $"Only {acknowledged.Count} writes were made.");
        Assert.True(reads >= Readers, $"Only {reads} reads were made.");
        Assert.Equal(acknowledged.Append("Load warm-up").OrderBy(t => t, StringComparer.Ordinal), titles.OrderBy(t => t, StringComparer.Ordinal));
        Assert.All(stored, row => Assert.Equal(2, row.Count));
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
}
