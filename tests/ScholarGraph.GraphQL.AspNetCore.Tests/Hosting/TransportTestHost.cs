using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScholarGraph.GraphQL.AspNetCore;
using ScholarGraph.GraphQL.AspNetCore.Ide;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

/// <summary>A minimal app serving <see cref="TransportTestSchema"/> at /graphql, in memory or on a loopback port, optionally with the IDE.</summary>
public sealed class TransportTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TransportTestHost(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
    }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The endpoint's absolute URL when started on Kestrel.</summary>
    public string GraphQLUrl => _app.Urls.First().TrimEnd('/') + "/graphql";

    /// <summary>The endpoint's WebSocket URL when started on Kestrel.</summary>
    public Uri WebSocketUrl => new UriBuilder(GraphQLUrl) { Scheme = "ws" }.Uri;

    public IServiceProvider Services => _app.Services;

    /// <summary>The source of the <c>messages</c> subscription.</summary>
    public TestMessages Messages => _app.Services.GetRequiredService<TestMessages>();

    /// <summary>What the resolvers of the limits' test fields started.</summary>
    public TestWork Work => _app.Services.GetRequiredService<TestWork>();

    /// <summary>
    /// Starts the app with <paramref name="settings"/> as configuration; <paramref name="configureServices"/> runs after the
    /// app's own registrations, so it may replace them; <paramref name="configureGraphQL"/> adds to GraphQL.NET's registration,
    /// and <paramref name="configureApp"/> adds middleware before the endpoint.
    /// </summary>
    public static async Task<TransportTestHost> StartAsync(
        bool onLoopbackPort = false, bool withIde = false, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null, Action<IGraphQLBuilder>? configureGraphQL = null,
        Action<WebApplication>? configureApp = null)
    {
        var builder = WebApplication.CreateBuilder();
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        if (onLoopbackPort)
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        else
            builder.WebHost.UseTestServer();

        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddGraphQL(graphQL =>
        {
            graphQL.AddSchema<TransportTestSchema>().AddGraphTypes(typeof(TransportTestSchema).Assembly).AddSystemTextJson();
            configureGraphQL?.Invoke(graphQL);
        });
        builder.Services.AddSingleton<TestMessages>();
        builder.Services.AddSingleton<TestWork>();
        builder.Services.AddGraphQLHttp(builder.Configuration);
        if (withIde)
            builder.Services.AddGraphQLIde(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseWebSockets();
        if (withIde)
            app.UseGraphQLIde();
        configureApp?.Invoke(app);
        app.MapGraphQL<TransportTestSchema>();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new TransportTestHost(app, logs);
    }

    public HttpClient CreateClient() => _app.GetTestClient();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Keeps what the server logs, so tests can check that failures are logged on the server side.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyCollection<(LogLevel Level, string Message, Exception? Exception)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string, Exception?)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}
