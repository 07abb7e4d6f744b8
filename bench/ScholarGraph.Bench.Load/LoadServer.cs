using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ScholarGraph.Server.Hosting;

namespace ScholarGraph.Bench.Load;

/// <summary>
/// The real server (the same composition as <c>Program.cs</c>) on a loopback port over the benchmark's store, with one more
/// endpoint: <c>POST /floor/{name}</c> answers a precomputed body of the same bytes as a query's response, so each query is
/// measured against the transport floor of the same process, socket and response size.
/// </summary>
internal sealed class LoadServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Task<int> _run;
    private readonly ConcurrentDictionary<string, byte[]> _floors = new(StringComparer.Ordinal);

    private LoadServer(WebApplication app, Task<int> run, string address)
    {
        _app = app;
        _run = run;
        Address = address;
    }

    /// <summary>The server's base address, such as <c>http://127.0.0.1:5123</c>.</summary>
    public string Address { get; }

    /// <summary>The GraphQL endpoint.</summary>
    public string GraphQLUrl => Address + ScholarGraphHostingExtensions.GraphQLPath;

    public IServiceProvider Services => _app.Services;

    public static async Task<LoadServer> StartAsync(string database)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var builder = ScholarGraphHostingExtensions.CreateScholarGraphBuilder(["--urls", address, .. ScholarGraph.Bench.Queries.BenchDatabase.ServerArguments(database)]);
        builder.AddScholarGraph();
        var app = builder.Build();
        LoadServer? server = null;
        app.MapPost("/floor/{name}", (string name, HttpContext context) =>
        {
            var body = server!._floors[name];
            context.Response.ContentType = "application/graphql-response+json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        var run = app.RunScholarGraphAsync();
        server = new LoadServer(app, run, address);
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>Makes <c>POST /floor/{name}</c> answer <paramref name="body"/>.</summary>
    public string AddFloor(string name, byte[] body)
    {
        _floors[name] = body;
        return $"{Address}/floor/{Uri.EscapeDataString(name)}";
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_run.IsCompleted)
                throw new InvalidOperationException($"The server stopped while starting (exit code {await _run}).");
            try
            {
                using var response = await http.PostAsync(GraphQLUrl, new StringContent("{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The server did not answer within five minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _run;
        await _app.DisposeAsync();
    }
}
