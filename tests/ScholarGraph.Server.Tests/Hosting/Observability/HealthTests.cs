using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using ScholarGraph.Server.Hosting;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Hosting.Observability;

/// <summary>A health answer as JSON: the overall status and each check's status by name.</summary>
internal sealed record HealthAnswer(HttpStatusCode Status, string Overall, IReadOnlyDictionary<string, string> Checks)
{
    public static async Task<HealthAnswer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var checks = json.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return new HealthAnswer(response.StatusCode, json.GetProperty("status").GetString()!, checks);
    }
}

/// <summary><c>/health/live</c> answers while the process runs; <c>/health/ready</c> when the store, its migrations and the graph index are.</summary>
public sealed class HealthTests(SqliteScholarGraphFactory host) : IClassFixture<SqliteScholarGraphFactory>
{
    [Fact]
    public async Task Live_answers_200_healthy_with_no_checks()
    {
        var live = await HealthAnswer.GetAsync(host.CreateClient(), "/health/live");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Overall));
        Assert.Empty(live.Checks);
    }

    [Fact]
    public async Task Ready_answers_200_and_lists_the_store_its_migrations_and_the_graph_index_as_healthy()
    {
        var ready = await HealthAnswer.GetAsync(host.CreateClient(), "/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Overall));
        Assert.Equal(new Dictionary<string, string> { ["store"] = "Healthy", ["migrations"] = "Healthy", ["graph-index"] = "Healthy" }, ready.Checks);
    }
}

/// <summary>Ready turns 503 when the store goes away or lacks a migration, and says which checks fail; live stays 200.</summary>
public sealed class BrokenStoreHealthTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"scholargraph-health-{Guid.NewGuid():N}.db");
    private readonly StoreHost _host;

    public BrokenStoreHealthTests() => _host = new StoreHost($"Data Source={_file}");

    private sealed class StoreHost(string connectionString) : ScholarGraphFactory("Sqlite", new() { ["Database:ConnectionString"] = connectionString });

    [Fact]
    public async Task Without_its_store_the_server_is_not_ready_and_the_check_creates_no_file()
    {
        var client = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client, "/health/ready")).Status);

        SqliteConnection.ClearAllPools();
        DeleteStore();
        var ready = await HealthAnswer.GetAsync(client, "/health/ready");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.Status, ready.Overall));
        Assert.Equal("Unhealthy", ready.Checks["store"]);
        Assert.Equal("Unhealthy", ready.Checks["migrations"]);
        Assert.Equal("Healthy", ready.Checks["graph-index"]);
        Assert.False(File.Exists(_file), "the readiness check created the store's file");
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client, "/health/live")).Status);
    }

    [Fact]
    public async Task A_store_that_lacks_a_migration_is_not_ready()
    {
        var client = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client, "/health/ready")).Status);

        await using (var connection = new SqliteConnection($"Data Source={_file}"))
        {
            await connection.OpenAsync();
            await using var forget = connection.CreateCommand();
            forget.CommandText = "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)";
            Assert.Equal(1, await forget.ExecuteNonQueryAsync());
        }
        var ready = await HealthAnswer.GetAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal(new Dictionary<string, string> { ["store"] = "Healthy", ["migrations"] = "Unhealthy", ["graph-index"] = "Healthy" }, ready.Checks);
    }

    private void DeleteStore()
    {
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(path);
    }

    public void Dispose()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        DeleteStore();
    }
}

/// <summary>
/// The server composed as Program composes it, started before its store and graph index are prepared: ready answers 503 until
/// the graph index is built, while live answers 200 throughout.
/// </summary>
[Collection(SequentialHostsCollection.Name)]
public sealed class ReadinessBeforeStartTests
{
    [Fact]
    public async Task Ready_answers_503_until_the_graph_index_is_built_then_200()
    {
        var builder = ScholarGraphHostingExtensions.CreateScholarGraphBuilder([]);
        builder.WebHost.UseTestServer();
        builder.Configuration["Database:Provider"] = "InMemory";
        builder.Configuration["Database:ConnectionString"] = $"health-{Guid.NewGuid():N}";
        builder.Logging.ClearProviders();
        builder.AddScholarGraph();
        await using var app = builder.Build();
        app.MapScholarGraph();
        await app.StartAsync();
        var client = app.GetTestClient();

        var before = await HealthAnswer.GetAsync(client, "/health/ready");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (before.Status, before.Overall));
        Assert.Equal("Unhealthy", before.Checks["graph-index"]);
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client, "/health/live")).Status);

        Assert.True(await app.InitializeScholarGraphAsync());
        var after = await HealthAnswer.GetAsync(client, "/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (after.Status, after.Overall));
        await app.StopAsync();
    }
}
