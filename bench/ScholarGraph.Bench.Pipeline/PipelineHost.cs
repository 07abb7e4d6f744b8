using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Bench.Load;
using ScholarGraph.Bench.Queries;
using ScholarGraph.Server.Hosting;

namespace ScholarGraph.Bench.Pipeline;

/// <summary>
/// The real server (the composition of <c>Program.cs</c>, Production environment) over the benchmark's cached store, built once
/// per process, with its GraphQL endpoint called directly: a request is a <see cref="DefaultHttpContext"/> whose body holds the
/// JSON bytes wrk would send, in a service scope of its own, and the answer is the bytes the endpoint writes. Everything between
/// socket and endpoint (Kestrel, the middleware) is left out, so the figures are the pipeline's own: reading the body, the document
/// cache, validation, execution, the data layer and SQLite, and serialization.
/// </summary>
internal sealed class PipelineHost
{
    private static readonly Lazy<Task<PipelineHost>> Shared = new(StartAsync);

    private readonly WebApplication _app;
    private readonly RequestDelegate _endpoint;
    private readonly IServiceScopeFactory _scopes;

    private PipelineHost(WebApplication app, RequestDelegate endpoint, ScenarioInputs inputs)
    {
        _app = app;
        _endpoint = endpoint;
        _scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        Inputs = inputs;
    }

    /// <summary>Authors with the median number of coauthors, and title words, as the load benchmark picks them.</summary>
    public ScenarioInputs Inputs { get; }

    /// <summary>The host of this process, started on first use (the store is generated once into bench/.cache if missing).</summary>
    public static Task<PipelineHost> GetAsync() => Shared.Value;

    private static async Task<PipelineHost> StartAsync()
    {
        var papers = int.TryParse(Environment.GetEnvironmentVariable("SCHOLARGRAPH_BENCH_PAPERS"), out var n) ? n : 100_000;
        var (database, _, _) = await BenchDatabase.PrepareAsync(BenchDatabase.DefaultCacheFolder(), papers, seed: 1);
        var builder = ScholarGraphHostingExtensions.CreateScholarGraphBuilder(BenchDatabase.ServerArguments(database));
        builder.AddScholarGraph();
        var app = builder.Build();
        app.MapScholarGraph();
        if (!await app.InitializeScholarGraphAsync())
            throw new InvalidOperationException("The server did not start over the benchmark's store.");
        var endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .First(e => e.RoutePattern.RawText == ScholarGraphHostingExtensions.GraphQLPath).RequestDelegate!;
        return new PipelineHost(app, endpoint, Scenarios.PickInputs(database));
    }

    /// <summary>POSTs <paramref name="body"/> to the GraphQL endpoint and writes the answer into <paramref name="response"/>.</summary>
    public async Task PostAsync(byte[] body, MemoryStream response)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var context = NewContext(scope.ServiceProvider, body, response);
        await _endpoint(context);
        if (context.Response.StatusCode != StatusCodes.Status200OK)
            throw new InvalidOperationException($"The endpoint answered {context.Response.StatusCode}: {Encoding.UTF8.GetString(response.ToArray())}");
    }

    /// <summary>The floor: the same request handling around no work, writing <paramref name="answer"/> as the endpoint would.</summary>
    public static async Task WriteFloorAsync(byte[] answer, MemoryStream response)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = response;
        context.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer);
    }

    private static DefaultHttpContext NewContext(IServiceProvider services, byte[] body, MemoryStream response)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.Path = ScholarGraphHostingExtensions.GraphQLPath;
        request.ContentType = "application/json";
        request.ContentLength = body.Length;
        request.Headers.Accept = "application/graphql-response+json";
        request.Body = new MemoryStream(body, writable: false);
        context.Response.Body = response;
        return context;
    }
}
