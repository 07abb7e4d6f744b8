using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.Faults;

/// <summary>
/// The built server killed with SIGKILL while writes stream in, then started again on the same data folder: every write it
/// acknowledged is there, none is half written (a paper has all its authorships and new authors, or is not there at all), and
/// the graph index answers as the store does. Bounded in time; it prints what it did.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 3;
    private const int KillAfterAcknowledged = 40;
    private const int MostWrites = 100; // keeps the hub author's network under the maxNodes asked for below
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(4);

    private readonly TemporaryDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task After_a_SIGKILL_during_a_stream_of_writes_every_acknowledged_write_is_whole_and_the_graph_index_equals_the_store()
    {
        var sent = new ConcurrentDictionary<string, bool>();
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var refused = new ConcurrentQueue<string>();
        var clock = new Stopwatch();
        int written = 0;
        using (var first = ServerProcess.Start(_folder.Path))
        {
            await first.WaitUntilReadyAsync();
            clock.Start();
            using var killed = new CancellationTokenSource();
            async Task WriteAsync(int writer)
            {
                using var client = first.Client();
                for (var n = 0; !killed.IsCancellationRequested && Interlocked.Increment(ref written) <= MostWrites; n++)
                {
                    var title = $"Crash {writer}-{n}";
                    sent[title] = true;
                    try
                    {
                        if (await PaperWrites.CreateAsync(client, title, [$"Crash Author {writer}-{n}-a", $"Crash Author {writer}-{n}-b"]) is { } problem)
                            refused.Enqueue($"{title}: {problem}");
                        else
                            acknowledged[title] = true;
                    }
                    catch (Exception) when (killed.IsCancellationRequested)
                    {
                        return; // in flight when the server died: it may or may not have committed
                    }
                }
            }
            var writers = Enumerable.Range(0, Writers).Select(WriteAsync).ToList();
            while (acknowledged.Count < KillAfterAcknowledged && clock.Elapsed < KillAfter && !writers.All(w => w.IsCompleted))
                await Task.Delay(10);
            killed.Cancel();
            first.Kill();
            clock.Stop();
            await Task.WhenAll(writers);
        }
        var inFlight = sent.Keys.Except(acknowledged.Keys).Except(refused.Select(r => r.Split(':')[0])).ToList();
        Assert.Empty(refused);
        Assert.NotEmpty(acknowledged);

        using var second = ServerProcess.Start(_folder.Path);
        await second.WaitUntilReadyAsync();

        using (var store = ServerProcess.OpenStore(_folder.Path))
        {
            var papers = ServerProcess.Rows(store, "SELECT p.Title, COUNT(a.AuthorId) FROM Papers p LEFT JOIN Authorships a ON a.PaperId = p.Id WHERE p.Title LIKE 'Crash %' GROUP BY p.Id, p.Title")
                .ToDictionary(r => r.Key, r => r.Count);
            var newAuthors = ServerProcess.Rows(store, "SELECT a.Name, COUNT(s.PaperId) FROM Authors a LEFT JOIN Authorships s ON s.AuthorId = a.Id WHERE a.Name LIKE 'Crash Author %' GROUP BY a.Id, a.Name");
            output.WriteLine($"{sent.Count} writes sent by {Writers} writers in {clock.Elapsed.TotalSeconds:F1} s, {acknowledged.Count} acknowledged before the SIGKILL, "
                + $"{inFlight.Count} in flight; after the restart {papers.Count} papers stored ({papers.Keys.Count(inFlight.Contains)} of those in flight), "
                + $"{papers.Values.Count(c => c != 3)} half written, {acknowledged.Keys.Count(t => !papers.ContainsKey(t))} acknowledged but missing");

            Assert.All(acknowledged.Keys, title => Assert.True(papers.ContainsKey(title), $"The acknowledged paper '{title}' is missing after the restart."));
            Assert.All(papers.Keys, title => Assert.True(sent.ContainsKey(title), $"The store holds '{title}', which was never sent."));
            Assert.All(papers, paper => Assert.True(paper.Value == 3, $"'{paper.Key}' has {paper.Value} of its 3 authorships."));
            // Each new author came with its paper, in the same transaction: both or neither.
            Assert.Equal(2 * papers.Count, newAuthors.Count);
            Assert.All(newAuthors, author => Assert.Equal(1, author.Count));
            Assert.Equal(["ok"], ServerProcess.Rows(store, "SELECT integrity_check, 0 FROM pragma_integrity_check").Select(r => r.Key));
        }

        // The graph index, built at the restart, against the store (SQL), and again once it has followed a write.
        using var client = second.Client();
        await AssertGraphEqualsStoreAsync(client, "after the restart");
        Assert.Null(await PaperWrites.CreateAsync(client, "Crash after restart", ["Crash Author after-a", "Crash Author after-b"]));
        await AssertGraphEqualsStoreAsync(client, "after a write on the restarted server");
    }

    private async Task AssertGraphEqualsStoreAsync(HttpClient client, string when)
    {
        var (_, body) = await ServerProcess.PostAsync(client,
            "query($id: ID!) { coauthorNetwork(authorId: $id, depth: 1, maxNodes: 300) { truncated nodes { distance papersInNetwork } } author(id: $id) { coauthors { totalCount } papers { totalCount } } }",
            new { id = PaperWrites.HubAuthorId });
        Assert.False(body.TryGetProperty("errors", out var errors), $"{errors}");
        var network = body.GetProperty("data").GetProperty("coauthorNetwork");
        Assert.False(network.GetProperty("truncated").GetBoolean());
        var nodes = network.GetProperty("nodes").EnumerateArray().ToList();
        var indexCoauthors = nodes.Count(n => n.GetProperty("distance").GetInt32() == 1);
        var indexPapers = nodes.Single(n => n.GetProperty("distance").GetInt32() == 0).GetProperty("papersInNetwork").GetInt32();
        var author = body.GetProperty("data").GetProperty("author");

        using var store = ServerProcess.OpenStore(_folder.Path);
        var sqlCoauthors = Scalar(store, "SELECT COUNT(DISTINCT b.AuthorId) FROM Authorships a JOIN Authorships b ON b.PaperId = a.PaperId AND b.AuthorId <> a.AuthorId "
            + $"WHERE a.AuthorId = '{PaperWrites.HubAuthorKey}'");
        var sqlPapers = Scalar(store, "SELECT COUNT(*) FROM Authorships a WHERE a.AuthorId = '" + PaperWrites.HubAuthorKey
            + "' AND EXISTS (SELECT 1 FROM Authorships b WHERE b.PaperId = a.PaperId AND b.AuthorId <> a.AuthorId)");
        output.WriteLine($"{when}: the hub author's coauthors: graph index {indexCoauthors}, API (SQL) {author.GetProperty("coauthors").GetProperty("totalCount").GetInt32()}, "
            + $"store {sqlCoauthors}; papers shared with a coauthor: graph index {indexPapers}, store {sqlPapers}");
        Assert.Equal(sqlCoauthors, indexCoauthors);
        Assert.Equal(sqlCoauthors, author.GetProperty("coauthors").GetProperty("totalCount").GetInt32());
        Assert.Equal(sqlPapers, indexPapers);
    }

    private static int Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
