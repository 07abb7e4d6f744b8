using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Writes.Changes;

namespace ScholarGraph.Server.Tests.Infrastructure;

/// <summary>
/// The real server with credentials configured (a write key, a read-only key, JWT settings), every log line captured and every
/// published graph change recorded, for tests of mutations and security over HTTP.
/// </summary>
public class WriteTestHost : ScholarGraphFactory
{
    public const string WriteKey = "test-write-key-6f1c2a9e4b7d";
    public const string ReadKey = "test-read-key-0d3e8b5c1a94";
    public const string SigningKey = "test-signing-key-that-is-at-least-32-bytes-long-2b9f";
    public const string Issuer = "https://issuer.test";
    public const string Audience = "scholargraph-test";

    public WriteTestHost() : this("InMemory") { }

    protected WriteTestHost(string provider, Dictionary<string, string?>? extra = null) : base(provider, Settings(extra)) { }

    /// <summary>Every log line the server wrote, formatted, with its exception.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Every change published, in order.</summary>
    public ConcurrentQueue<GraphChange> Changes { get; } = new();

    private static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Security:ApiKeys:0:Name"] = "curator",
            ["Security:ApiKeys:0:Key"] = WriteKey,
            ["Security:ApiKeys:0:Scopes:0"] = "graph:write",
            ["Security:ApiKeys:1:Name"] = "reader",
            ["Security:ApiKeys:1:Key"] = ReadKey,
            ["Security:Jwt:Issuer"] = Issuer,
            ["Security:Jwt:Audience"] = Audience,
            ["Security:Jwt:SigningKey"] = SigningKey,
        };
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(new ChangeRecorder(Changes));
            services.AddSingleton<IGraphChangeListener>(sp => sp.GetRequiredService<ChangeRecorder>());
        });
    }

    /// <summary>The global id of <paramref name="key"/> of <paramref name="type"/>.</summary>
    public static string Id(string type, string key) => GlobalId.Encode(type, key);

    /// <summary>A signed JWT with the test issuer and audience, unless overridden.</summary>
    public static string Token(string? scope = "graph:write", DateTime? expires = null, string signingKey = SigningKey, string audience = Audience)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "jwt-user" };
        if (scope is not null)
            claims["scope"] = scope;
        var notBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>POSTs a GraphQL request with the given <c>Authorization</c> (and <c>X-Api-Key</c>) headers; returns the response JSON.</summary>
    public async Task<JsonElement> PostAsync(string query, object? variables = null, string? authorization = "ApiKey " + WriteKey, string? apiKey = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (apiKey is not null)
            request.Headers.Add("X-Api-Key", apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Runs a mutation as the write key and returns its payload, failing on GraphQL errors.</summary>
    public async Task<JsonElement> MutateAsync(string field, string mutation, object input)
    {
        var response = await PostAsync(mutation, new { input });
        Assert.False(response.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return response.GetProperty("data").GetProperty(field);
    }

    private sealed class ChangeRecorder(ConcurrentQueue<GraphChange> changes) : IGraphChangeListener
    {
        public int Order => GraphChangeOrder.Notifications;

        public ValueTask OnCommittedAsync(IReadOnlyList<GraphChange> committed, CancellationToken cancellationToken)
        {
            foreach (var change in committed)
                changes.Enqueue(change);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);

        public void Dispose() { }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>The same host on a SQLite file of its own, for transactions and constraints.</summary>
public sealed class SqliteWriteTestHost() : WriteTestHost("Sqlite");

/// <summary>The write test host on a PostgreSQL database of its own.</summary>
public sealed class PostgresWriteTestHost() : WriteTestHost("Postgres");

/// <summary>The InMemory write host with extra settings.</summary>
public class WriteTestHostWith(Dictionary<string, string?> settings) : WriteTestHost("InMemory", settings);
