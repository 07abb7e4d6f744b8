using System.Collections.Concurrent;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScholarGraph.Server.Ide;
using ScholarGraph.Server.Transport;

namespace ScholarGraph.Server.Tests.Transport;

/// <summary>A minimal app serving <see cref="TransportTestSchema"/> at /graphql, in memory or on a loopback port.</summary>
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

    public static async Task<TransportTestHost> StartAsync(bool onLoopbackPort = false, bool withIde = false, IReadOnlyDictionary<string, string?>? settings = null)
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
        builder.Services.AddGraphQL(graphQL => graphQL.AddSchema<TransportTestSchema>().AddSystemTextJson());
        if (withIde)
            builder.AddGraphQLHttpWithIde();
        else
            builder.Services.AddGraphQLHttp();

        var app = builder.Build();
        if (withIde)
            app.MapGraphQLHttpWithIde<TransportTestSchema>();
        else
            app.MapGraphQLHttp<TransportTestSchema>();
        await app.StartAsync();
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
