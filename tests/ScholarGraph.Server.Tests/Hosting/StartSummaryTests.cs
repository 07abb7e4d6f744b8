using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.Hosting;

/// <summary>
/// A first start, as the built server runs it, logs a few lines for an operator: no warning, no SQL, and a summary of the store
/// (its file and the rows it holds) and of where the API, the IDE and the pages are.
/// </summary>
public sealed class StartSummaryTests(ITestOutputHelper output) : IDisposable
{
    private const int MostLines = 16;

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_first_start_logs_a_few_lines_ending_in_a_summary_of_the_store_and_the_addresses()
    {
        using var server = ServerProcess.Start(_folder.Path);
        await server.WaitUntilReadyAsync();
        var lines = server.Output;
        output.WriteLine($"{lines.Count} lines:\n{string.Join('\n', lines)}");

        Assert.True(lines.Count <= MostLines, $"A first start printed {lines.Count} lines, more than {MostLines}.");
        Assert.Empty(server.Errors);
        Assert.DoesNotContain(lines, line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("PRAGMA", StringComparison.Ordinal) || line.Contains("CREATE TABLE", StringComparison.Ordinal)
            || line.Contains("Executed DbCommand", StringComparison.Ordinal));

        var store = Path.Combine(_folder.Path, "data", "scholargraph.db");
        Assert.Contains(lines, line => line.Contains("Seed data from", StringComparison.Ordinal) && line.Contains("84 rows inserted", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($"Store: SQLite file {store} (WAL, busy timeout 5 s); 12 authors, 6 papers, 3 institutions, 14 topics", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($"GraphQL API: {server.Endpoint} (POST or GET; WebSocket and SSE for subscriptions); IDE: {server.Endpoint} in a browser; pages: http://127.0.0.1:{server.Port}/explore and http://127.0.0.1:{server.Port}/authors/{{id}}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("Data Source", StringComparison.Ordinal));
    }
}
