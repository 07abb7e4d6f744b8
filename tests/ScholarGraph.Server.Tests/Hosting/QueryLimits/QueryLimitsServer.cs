using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.DI;
using GraphQL.Instrumentation;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Hosting.QueryLimits;

/// <summary>
/// The real server on a SQLite file of its own (so every SQL command passes <see cref="ScholarGraphFactory.Commands"/>), with
/// every field resolution recorded: an operation that resolved no field started no graph traversal and no load.
/// </summary>
public class QueryLimitsServer : ScholarGraphFactory
{
    private readonly FieldRecorder _resolved = new();

    public QueryLimitsServer() : this(null) { }

    protected QueryLimitsServer(Dictionary<string, string?>? settings) : base("Sqlite", settings) { }

    /// <summary>The fields resolved since the last <see cref="ResetWork"/>, by name.</summary>
    public IReadOnlyCollection<string> ResolvedFields => _resolved.Names;

    /// <summary>Forgets the SQL commands and field resolutions so far (the server is started first).</summary>
    public void ResetWork()
    {
        Commands.Reset();
        _resolved.Names.Clear();
    }

    /// <summary>Asserts that nothing ran since <see cref="ResetWork"/>: no SQL command and no field (so no graph traversal).</summary>
    public void AssertNoWork()
    {
        Assert.Empty(Commands.Commands);
        Assert.Empty(ResolvedFields);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IConfigureSchema>(_resolved));
    }

    /// <summary>POSTs a request as a GraphQL-over-HTTP client does, with a <c>GraphQL-Cost</c> header when given.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query, object? variables = null, string? cost = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (cost is not null)
            request.Headers.Add("GraphQL-Cost", cost);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private sealed class FieldRecorder : IConfigureSchema, IFieldMiddleware
    {
        public ConcurrentQueue<string> Names { get; } = new();

        public void Configure(ISchema schema, IServiceProvider serviceProvider) => schema.FieldMiddleware.Use(this);

        public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
        {
            Names.Enqueue(context.FieldDefinition.Name);
            return next(context);
        }
    }
}

/// <summary>The same server with the token limit raised far, so the limits behind it can be seen refusing on their own.</summary>
public sealed class ManyTokensQueryLimitsServer() : QueryLimitsServer(new() { ["GraphQLLimits:MaxTokens"] = "1000000" });
