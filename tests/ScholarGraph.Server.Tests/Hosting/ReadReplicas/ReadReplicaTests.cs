using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScholarGraph.GraphQL.AspNetCore.Tests.Telemetry;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Server.Hosting.Security;
using ScholarGraph.Server.Writes.Changes.Instances;
using ScholarGraph.Storage.Database.ChangeLog;
using ScholarGraph.Storage.Database.Replicas;
using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.Server.Tests.Hosting.ReadReplicas;

/// <summary>
/// A primary and a streaming replica of it (<c>pg_basebackup -R</c>), started by the test on loopback, with the server reading
/// through the replica. Every connection the server opens asks its server <c>pg_is_in_recovery()</c> (true on the replica), so a
/// test sees where each request read.
/// </summary>
public sealed class ReplicaClusters : IDisposable
{
    public ReplicaClusters()
    {
        Primary = PostgresCluster.StartPrimary();
        Replica = Primary.StartReplica();
    }

    internal PostgresCluster Primary { get; }

    internal PostgresCluster Replica { get; }

    public void Dispose()
    {
        Replica.Dispose();
        Primary.Dispose();
    }
}

[RequiresPostgresBinaries]
public sealed class ReadReplicaTests(ReplicaClusters clusters) : IClassFixture<ReplicaClusters>
{
    private const string WriterKey = "replica-test-writer-5d1c";
    private const string ReaderKey = "replica-test-reader-9a47";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_query_reads_the_replica()
    {
        using var server = ReplicaServer.Start(clusters, probeInterval: "00:00:00.100");
        await server.WaitUntilReplicaUsableAsync();
        using var reader = server.Client(ReaderKey);

        server.Connections.Clear();
        // orcid as well as the name: a page of authors' names alone is cut from the graph index, without a store read.
        var data = await QueryAsync(reader, "{ authors(first: 3) { nodes { name orcid } } }");

        Assert.Equal(3, data.GetProperty("authors").GetProperty("nodes").GetArrayLength());
        Assert.NotEmpty(server.Connections);
        Assert.All(server.Connections, inRecovery => Assert.True(inRecovery, "A query read the primary while the replica was usable."));
    }

    [Fact]
    public async Task A_callers_reads_after_its_write_go_to_the_primary_and_other_callers_keep_reading_the_replica()
    {
        using var server = ReplicaServer.Start(clusters, probeInterval: "00:00:00.100");
        await server.WaitUntilReplicaUsableAsync();
        using var writer = server.Client(WriterKey);
        using var reader = server.Client(ReaderKey);

        var name = $"Replica Writer {Guid.NewGuid():N}";
        var id = await CreateAuthorAsync(writer, name);
        server.Connections.Clear();
        // orcid as well as the name: an author's id and name alone are answered from the graph index, without a store read.
        var read = await QueryAsync(writer, "query($id: ID!) { author(id: $id) { name orcid } }", new { id });

        Assert.Equal(name, read.GetProperty("author").GetProperty("name").GetString());
        Assert.NotEmpty(server.Connections);
        Assert.All(server.Connections, inRecovery => Assert.False(inRecovery, "The writer's read after its write went to the replica."));

        server.Connections.Clear();
        await QueryAsync(reader, "{ authors(first: 1) { nodes { name orcid } } }");
        Assert.All(server.Connections, inRecovery => Assert.True(inRecovery, "Another caller's read went to the primary."));
    }

    [Fact]
    public async Task A_write_another_instance_logged_sends_its_callers_reads_to_the_primary_here()
    {
        using var server = ReplicaServer.Start(clusters, probeInterval: "00:00:00.100");
        await server.WaitUntilReplicaUsableAsync();
        using var reader = server.Client(ReaderKey);
        server.Connections.Clear();
        await QueryAsync(reader, "{ authors(first: 1) { nodes { name orcid } } }");
        Assert.All(server.Connections, inRecovery => Assert.True(inRecovery));

        // What another instance's write through the caller "reader" leaves in the shared change log, and announces.
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CallerAuthenticator.NameClaim, "reader")],
                CallerAuthenticator.ApiKeyAuthenticationType, CallerAuthenticator.NameClaim, null)),
        };
        var id = (long)(await clusters.Primary.ScalarAsync(
            $"INSERT INTO \"GraphChanges\" (\"Instance\", \"Writer\", \"Changes\") VALUES ('another-instance', '{CallerKeys.FingerprintOf(context)}', '[]') RETURNING \"Id\"",
            server.DatabaseName))!;
        await clusters.Primary.ScalarAsync($"SELECT pg_notify('{StoredGraphChange.Channel}', '{id}')", server.DatabaseName);
        var feed = server.Services.GetRequiredService<ChangeFeed>();
        await server.WaitUntilAsync(() => feed.LastSeen >= id, "the change feed to read the logged write");

        server.Connections.Clear();
        await QueryAsync(reader, "{ authors(first: 1) { nodes { name orcid } } }");
        Assert.NotEmpty(server.Connections);
        Assert.All(server.Connections, inRecovery => Assert.False(inRecovery, "The caller's read after its write through another instance went to the replica."));
    }

    [Fact]
    public async Task Reads_go_to_the_primary_while_the_replica_lags_beyond_the_bound_and_back_to_the_replica_when_it_catches_up()
    {
        using var server = ReplicaServer.Start(clusters, probeInterval: "00:00:00.100");
        await server.WaitUntilReplicaUsableAsync();
        using var writer = server.Client(WriterKey);
        using var reader = server.Client(ReaderKey);

        var warningsBefore = server.ReplicaWarnings;
        await clusters.Replica.ScalarAsync("SELECT pg_wal_replay_pause()");
        try
        {
            var name = $"Lagged Author {Guid.NewGuid():N}";
            var id = await CreateAuthorAsync(writer, name);
            await server.WaitUntilAsync(() => !server.Availability.IsUsable, "the paused replica to be found lagging");
            Assert.Contains("behind the primary", server.Availability.Reason);

            server.Connections.Clear();
            var read = await QueryAsync(reader, "query($id: ID!) { author(id: $id) { name } }", new { id });
            Assert.Equal(name, read.GetProperty("author").GetProperty("name").GetString());
            Assert.All(server.Connections, inRecovery => Assert.False(inRecovery, "A read went to the lagging replica."));
            // The replica itself does not hold the write: it really lags.
            Assert.Equal(0L, await clusters.Replica.ScalarAsync($"SELECT count(*) FROM \"Authors\" WHERE \"Name\" = '{name}'", server.DatabaseName));
        }
        finally
        {
            await clusters.Replica.ScalarAsync("SELECT pg_wal_replay_resume()");
        }

        await server.WaitUntilReplicaUsableAsync();
        server.Connections.Clear();
        await QueryAsync(reader, "{ authors(first: 1) { nodes { name orcid } } }");
        Assert.All(server.Connections, inRecovery => Assert.True(inRecovery, "Reads did not return to the replica once it caught up."));
        Assert.Equal(warningsBefore + 1, server.ReplicaWarnings);
    }

    [Fact]
    public async Task Reads_fall_back_to_the_primary_without_failing_when_the_replica_stops_between_two_measurements()
    {
        // Measured once at start, then not for a minute: the first read after the stop is the one to find the replica gone.
        using var server = ReplicaServer.Start(clusters, probeInterval: "00:01:00");
        await server.WaitUntilReplicaUsableAsync();
        using var reader = server.Client(ReaderKey);
        await QueryAsync(reader, "{ authors(first: 2) { nodes { name orcid } } }");
        var warningsBefore = server.ReplicaWarnings;

        clusters.Replica.Stop();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                server.Connections.Clear();
                var data = await QueryAsync(reader, "{ authors(first: 2) { nodes { name orcid } } papers(first: 2) { nodes { title } } }");
                Assert.Equal(2, data.GetProperty("authors").GetProperty("nodes").GetArrayLength());
                Assert.All(server.Connections, inRecovery => Assert.False(inRecovery));
            }
            Assert.False(server.Availability.IsUsable);
            Assert.Equal(warningsBefore + 1, server.ReplicaWarnings);
            Assert.Contains("a read failed", server.Logs.Lines.Last(IsReplicaWarning).Message);
        }
        finally
        {
            clusters.Replica.Start();
        }
    }

    [Fact]
    public async Task A_graph_answer_naming_an_author_the_replica_has_not_replayed_yet_reads_that_author_from_the_primary()
    {
        // Measured once at start, then not for a minute: the lag is not noticed, so the reader's query reads the replica.
        using var server = ReplicaServer.Start(clusters, probeInterval: "00:01:00");
        await server.WaitUntilReplicaUsableAsync();
        using var writer = server.Client(WriterKey);
        using var reader = server.Client(ReaderKey);

        await clusters.Replica.ScalarAsync("SELECT pg_wal_replay_pause()");
        try
        {
            var name = $"Unreplayed Author {Guid.NewGuid():N}";
            var id = await CreateAuthorAsync(writer, name);
            Assert.Equal(0L, await clusters.Replica.ScalarAsync($"SELECT count(*) FROM \"Authors\" WHERE \"Name\" = '{name}'", server.DatabaseName));

            server.Connections.Clear();
            // orcid as well as the name, so the author is read from a store, not from the names the index holds.
            var network = (await QueryAsync(reader, "query($id: ID!) { coauthorNetwork(authorId: $id) { center { name orcid } nodes { author { name orcid } } } }",
                new { id })).GetProperty("coauthorNetwork");

            Assert.Equal(name, network.GetProperty("center").GetProperty("name").GetString());
            Assert.Equal(name, Assert.Single(network.GetProperty("nodes").EnumerateArray()).GetProperty("author").GetProperty("name").GetString());
            Assert.Contains(true, server.Connections);
            Assert.Contains(false, server.Connections);
        }
        finally
        {
            await clusters.Replica.ScalarAsync("SELECT pg_wal_replay_resume()");
        }
    }

    private static bool IsReplicaWarning(LogLine line) => line.Level == LogLevel.Warning && line.Category == typeof(ReplicaAvailability).FullName;

    private static async Task<string> CreateAuthorAsync(HttpClient writer, string name)
    {
        var data = await QueryAsync(writer, "mutation($name: String!) { createAuthor(input: { name: $name }) { author { id } errors { ... on Error { message } } } }", new { name });
        var payload = data.GetProperty("createAuthor");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        return payload.GetProperty("author").GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> QueryAsync(HttpClient client, string query, object? variables = null)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql", content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.False(body.TryGetProperty("errors", out var errors), $"Unexpected errors ({response.StatusCode}): {errors}");
        return body.GetProperty("data");
    }

    /// <summary>The server on the test's primary (a database of its own) with the replica as its read replica.</summary>
    private sealed class ReplicaServer : ScholarGraphFactory
    {
        private readonly ConnectionRecorder _recorder = new();
        private readonly ScopedLogCapture _logs = new();

        private ReplicaServer(string database, string primary, string replica, Dictionary<string, string?> settings)
            : base("Postgres", primary, settings) =>
            DatabaseName = database;

        public string DatabaseName { get; }

        /// <summary>For each connection the server opened since the last <c>Clear</c>: whether its server is in recovery (the replica).</summary>
        public ConcurrentQueue<bool> Connections => _recorder.InRecovery;

        public ScopedLogCapture Logs => _logs;

        /// <summary>How many warnings the replica's availability has logged so far.</summary>
        public int ReplicaWarnings => _logs.Lines.Count(IsReplicaWarning);

        public ReplicaAvailability Availability => Services.GetRequiredService<ReplicaAvailability>();

        public static ReplicaServer Start(ReplicaClusters clusters, string probeInterval)
        {
            var database = $"sg_replica_{Guid.NewGuid():N}";
            var probe = TimeSpan.Parse(probeInterval);
            var server = new ReplicaServer(database, clusters.Primary.ConnectionString(database, pooling: true), clusters.Replica.ConnectionString(database, pooling: true), new()
            {
                ["ConnectionStrings:ScholarGraphReplica"] = clusters.Replica.ConnectionString(database, pooling: true),
                ["ReadReplica:ProbeInterval"] = probeInterval,
                ["ReadReplica:MaxLag"] = "00:00:00.500",
                ["ReadReplica:ReadYourWritesWindow"] = (TimeSpan.FromSeconds(0.5) + 2 * probe + TimeSpan.FromSeconds(2)).ToString(),
                ["Security:ApiKeys:0:Name"] = "writer",
                ["Security:ApiKeys:0:Key"] = WriterKey,
                ["Security:ApiKeys:0:Scopes:0"] = "graph:write",
                ["Security:ApiKeys:1:Name"] = "reader",
                ["Security:ApiKeys:1:Key"] = ReaderKey,
            });
            _ = server.Services;
            return server;
        }

        public HttpClient Client(string key)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "ApiKey " + key);
            return client;
        }

        public Task WaitUntilReplicaUsableAsync() => WaitUntilAsync(() => Availability.IsUsable, "the replica to take reads");

        public async Task WaitUntilAsync(Func<bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(clock.Elapsed < Patience, $"Waited {Patience.TotalSeconds} s for {what}; the replica: {Availability.Reason}");
                await Task.Delay(50);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<IInterceptor>(_recorder);
                services.AddSingleton<ILoggerProvider>(_logs);
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>Asks the server of every connection EF Core opens whether it is in recovery, that is, a standby.</summary>
    private sealed class ConnectionRecorder : DbConnectionInterceptor
    {
        public ConcurrentQueue<bool> InRecovery { get; } = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Record(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Record(connection);
            return Task.CompletedTask;
        }

        private void Record(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_is_in_recovery()";
            InRecovery.Enqueue((bool)command.ExecuteScalar()!);
        }
    }
}
