using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Server.Schema;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Tests.Infrastructure;

/// <summary>
/// Hosts the real server in memory on a private store: InMemory by default, or a SQLite file of its own when a test needs SQL.
/// The store is seeded from the repository's seed-data on start, as in production.
/// </summary>
public class ScholarGraphFactory : WebApplicationFactory<Program>
{
    private readonly string _provider;
    private readonly string _connectionString;
    private readonly Dictionary<string, string?> _settings;

    public ScholarGraphFactory() : this("InMemory") { }

    protected ScholarGraphFactory(string provider, Dictionary<string, string?>? settings = null)
    {
        _provider = provider;
        _connectionString = provider == "Sqlite"
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"scholargraph-test-{Guid.NewGuid():N}.db")}"
            : $"test-{Guid.NewGuid():N}";
        _settings = settings ?? [];
    }

    private readonly CommandCounter _commands = new();

    /// <summary>
    /// Counts the SQL commands the server sends. Reading it starts the server first, so that its start (migrations, seed) is never
    /// counted as a test's commands.
    /// </summary>
    public CommandCounter Commands
    {
        get
        {
            _ = Services;
            return _commands;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads its configuration while registering services, before the
        // factory's app-configuration callbacks are applied, but host settings are visible from the start.
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("Database:ConnectionString", _connectionString);
        // A test class sends requests faster than any client the default limit is made for; the rate-limiting tests turn it on.
        builder.UseSetting("RateLimiting:Enabled", "false");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(_commands));
    }

    /// <summary>Executes <paramref name="query"/> against the schema (without HTTP) and returns the serialized response as JSON.</summary>
    public async Task<JsonElement> ExecuteAsync(string query, object? variables = null)
    {
        using var scope = Services.CreateScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ScholarGraphSchema>>();
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        var inputs = variables is null ? null : serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables));
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = inputs,
            RequestServices = scope.ServiceProvider,
        });
        return JsonDocument.Parse(serializer.Serialize(result)).RootElement.Clone();
    }

    /// <summary>Executes <paramref name="query"/> and returns its <c>data</c>, failing the test on any error.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        var response = await ExecuteAsync(query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return response.GetProperty("data");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_provider == "Sqlite")
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = _connectionString["Data Source=".Length..];
            foreach (var path in SqliteStoreFile.WithCompanions(file))
                File.Delete(path);
        }
    }
}

/// <summary>The server on a SQLite file of its own, for tests of SQL shape, round trips and transactions.</summary>
public sealed class SqliteScholarGraphFactory() : ScholarGraphFactory("Sqlite");
