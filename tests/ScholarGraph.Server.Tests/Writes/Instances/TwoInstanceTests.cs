using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using ScholarGraph.GraphQL.AspNetCore.Tests.WebSockets;
using ScholarGraph.Server.Hosting.CommandLine;
using ScholarGraph.Server.Tests.Faults;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Server.Writes.Changes.Instances;
using ScholarGraph.Tests.Shared;
using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.Server.Tests.Writes.Instances;

/// <summary>
/// Two server processes on loopback against one PostgreSQL database: a write through either is read, found by a graph question and
/// delivered to a subscription through the other, and one that an instance missed while its change feed was disconnected reaches
/// it when the feed is back. A bulk load by the command line, outside both, reaches both through one logged change.
/// </summary>
[RequiresPostgres]
public sealed class TwoInstanceTests : IDisposable
{
    // The first reconnection waits this long, so a write can be made and read while the feed is away: on a loaded machine the
    // wait for the connections to end, the write and the read took more than 3 s (the read then found the write already applied).
    private const string ReconnectDelay = "00:00:10";
    private static readonly TimeSpan Visible = TimeSpan.FromSeconds(1);

    private readonly PostgresTestDatabase _database = PostgresTestServer.CreateDatabase(nameof(TwoInstanceTests), create: false);
    private readonly TemporaryDirectory _folder = new();
    private readonly List<ServerProcess> _servers = [];

    [Fact]
    public async Task A_write_through_one_instance_is_read_found_in_the_graph_and_delivered_to_a_subscription_through_the_other()
    {
        var (first, second) = await StartTwoAsync();

        await WriteThroughAndSeeOnAsync(first, second);
        await WriteThroughAndSeeOnAsync(second, first);
    }

    [Fact]
    public async Task A_write_missed_while_the_change_feed_was_disconnected_reaches_the_instance_when_it_is_back()
    {
        var (first, second) = await StartTwoAsync();
        using var writer = first.Client();
        using var reader = second.Client();

        // Ends both instances' feed connections (the writer's own write needs none) and waits until they are gone.
        await using (var admin = new NpgsqlConnection(PostgresTestServer.ConnectionString))
        {
            await admin.OpenAsync();
            var terminate = $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{_database.Name}' AND application_name = '{ChangeFeed.ListenerApplicationName}'";
            Assert.Equal(2L, await ScalarAsync(admin, terminate));
            await WaitUntilAsync(async () => (long)(await ScalarAsync(admin,
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{_database.Name}' AND application_name = '{ChangeFeed.ListenerApplicationName}'"))! == 0,
                TimeSpan.FromSeconds(2), "the feed connections to end");
        }

        var coauthor = $"Missed Notification {Guid.NewGuid():N}";
        Assert.Null(await PaperWrites.CreateAsync(writer, $"Written while away {coauthor}", [coauthor]));
        // The feed is away for ReconnectDelay: the write is not in the other instance's graph yet.
        Assert.DoesNotContain(coauthor, await CoauthorNamesAsync(reader));

        await WaitUntilAsync(() => Task.FromResult(second.Output.Any(l => l.Contains("The change feed is back", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30), "the second instance's feed to reconnect");
        Assert.Contains(second.Output, l => l.Contains("applied 1 writes of other instances made meanwhile", StringComparison.Ordinal));
        Assert.Contains(coauthor, await CoauthorNamesAsync(reader));
        Assert.Single(second.Output, l => l.Contains("The change feed lost its connection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bulk_load_by_the_command_line_reaches_every_running_instance_through_one_logged_change()
    {
        var (first, second) = await StartTwoAsync();
        var coauthor = $"Bulk Loaded Author {Guid.NewGuid():N}";
        var folder = Path.Combine(_folder.Path, "bulk");
        Directory.CreateDirectory(folder);
        // The hub author's own file (loaded unchanged), and a new paper of the hub's with a new coauthor, referring across files.
        File.Copy(Path.Combine(RepositoryPaths.SeedData, "devvrit-khatri.json"), Path.Combine(folder, "a.json"));
        await File.WriteAllTextAsync(Path.Combine(folder, "b.json"), JsonSerializer.Serialize(new
        {
            source = new { id = "bulk-load-test" },
            authors = new[] { new { id = "bulk-loaded-author", name = coauthor } },
            papers = new[] { new { id = "bulk-loaded-paper", title = "Loaded in bulk", authors = new[] { new { author = "devvrit-khatri", position = 1 }, new { author = "bulk-loaded-author", position = 2 } } } },
        }));
        await using var admin = new NpgsqlConnection(_database.ConnectionString);
        await admin.OpenAsync();
        var logged = (long)(await ScalarAsync(admin, "SELECT count(*) FROM \"GraphChanges\""))!;

        var output = new StringWriter();
        Assert.Equal(0, await ScholarGraphCommandLine.TryRunAsync(
            ["load", folder, "--Database:Provider", "Postgres", "--Database:ConnectionString", _database.ConnectionString],
            _ => Task.FromResult(0), output, TextWriter.Null));

        Assert.Contains("Logged the load in the change log", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(logged + 1, (long)(await ScalarAsync(admin, "SELECT count(*) FROM \"GraphChanges\""))!);
        Assert.Contains("bulkChange", (string)(await ScalarAsync(admin, "SELECT \"Changes\" FROM \"GraphChanges\" ORDER BY \"Id\" DESC LIMIT 1"))!, StringComparison.Ordinal);
        foreach (var server in new[] { first, second })
        {
            using var reader = server.Client();
            await WaitUntilAsync(async () => (await CoauthorNamesAsync(reader)).Contains(coauthor), TimeSpan.FromSeconds(10),
                $"the instance on port {server.Port} to rebuild its graph index after the load");
        }
    }

    private async Task WriteThroughAndSeeOnAsync(ServerProcess writeThrough, ServerProcess seeOn)
    {
        using var writer = writeThrough.Client();
        using var reader = seeOn.Client();
        using var subscriber = await TransportWsClient.ConnectAndInitAsync(new UriBuilder(seeOn.Endpoint) { Scheme = "ws" }.Uri);
        await subscriber.SubscribeAsync("added", "subscription($author: ID!) { paperAdded(authorId: $author) { id title } }", new { author = PaperWrites.HubAuthorId });
        // Nothing acknowledges a subscription: a first write, awaited as long as it takes, shows it is live.
        Assert.Null(await PaperWrites.CreateAsync(writer, $"Warm-up {Guid.NewGuid():N}", [$"Warm-up Author {Guid.NewGuid():N}"]));
        await NextPaperAsync(subscriber, TimeSpan.FromSeconds(15));

        var coauthor = $"Other Instance Author {Guid.NewGuid():N}";
        var title = $"Written through port {writeThrough.Port}: {coauthor}";
        var listening = NextPaperAsync(subscriber, TimeSpan.FromSeconds(15));
        Assert.Null(await PaperWrites.CreateAsync(writer, title, [coauthor]));
        var written = Stopwatch.StartNew();

        await WaitUntilAsync(async () => (await CoauthorNamesAsync(reader)).Contains(coauthor), Visible, "the coauthor network to show the write");
        var inGraph = written.Elapsed;
        var delivered = await listening;
        var received = written.Elapsed;

        Assert.Equal(title, delivered.GetProperty("title").GetString());
        Assert.True(received < Visible, $"The subscription got the write after {received.TotalMilliseconds:0} ms.");
        var (_, read) = await ServerProcess.PostAsync(reader, "query($id: ID!) { paper(id: $id) { title } }", new { id = delivered.GetProperty("id").GetString() });
        Assert.Equal(title, read.GetProperty("data").GetProperty("paper").GetProperty("title").GetString());
        Assert.True(inGraph < Visible);
    }

    private static async Task<HashSet<string>> CoauthorNamesAsync(HttpClient client)
    {
        var (_, body) = await ServerProcess.PostAsync(client,
            "query($id: ID!) { coauthorNetwork(authorId: $id) { nodes { author { name } } } }", new { id = PaperWrites.HubAuthorId });
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data").GetProperty("coauthorNetwork").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("author").GetProperty("name").GetString()!).ToHashSet();
    }

    // The paper of the subscription's next result, skipping pings.
    private static async Task<JsonElement> NextPaperAsync(TransportWsClient subscriber, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            var receive = subscriber.ReceiveAsync();
            if (await Task.WhenAny(receive, Task.Delay(Timeout.Infinite, timeout.Token).ContinueWith(_ => { })) != receive)
                Assert.Fail($"No subscription event within {patience.TotalSeconds} s.");
            var message = await receive;
            if (message.GetProperty("type").GetString() == "next")
                return message.GetProperty("payload").GetProperty("data").GetProperty("paperAdded");
            Assert.Equal("ping", message.GetProperty("type").GetString());
            await subscriber.SendAsync(new { type = "pong" });
        }
    }

    private async Task<(ServerProcess First, ServerProcess Second)> StartTwoAsync()
    {
        // One after the other: the first creates and migrates the database.
        var first = await StartAsync("first");
        var second = await StartAsync("second");
        foreach (var server in _servers)
            await WaitUntilAsync(() => Task.FromResult(server.Output.Any(l => l.Contains("Following the writes of other instances", StringComparison.Ordinal))),
                TimeSpan.FromSeconds(15), "the change feed to listen");
        return (first, second);
    }

    private async Task<ServerProcess> StartAsync(string name)
    {
        var server = ServerProcess.Start(Path.Combine(_folder.Path, name),
            "--Database:Provider", "Postgres", "--Database:ConnectionString", _database.ConnectionString, "--ChangeFeed:ReconnectDelay", ReconnectDelay);
        _servers.Add(server);
        await server.WaitUntilReadyAsync();
        return server;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan patience, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < patience, $"Waited {patience.TotalMilliseconds:0} ms for {what}.");
            await Task.Delay(25);
        }
    }

    public void Dispose()
    {
        foreach (var server in _servers)
            server.Dispose();
        _database.Dispose();
        _folder.Dispose();
    }
}
