using System.Collections;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ScholarGraph.GraphQL.AspNetCore.Telemetry;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.GraphQL.AspNetCore.Tests.Telemetry;

namespace ScholarGraph.Server.Tests.Hosting.Observability;

/// <summary>
/// The real server on SQLite with OpenTelemetry's in-memory exporters beside its own configuration (exporter <c>none</c>), and
/// every log line captured with its scopes.
/// </summary>
public class TracedHost : WriteTestHost
{
    public TracedHost() : this(null) { }

    protected TracedHost(Dictionary<string, string?>? extra) : base("Sqlite", extra) { }

    /// <summary>Every span the server's tracer provider exported (of every host in the process: filter by trace id).</summary>
    public LockedCollection<Activity> Spans { get; } = new();

    /// <summary>The metrics the server's meter provider exported at its last flush.</summary>
    public LockedCollection<Metric> Metrics { get; } = new();

    public ScopedLogCapture ScopedLogs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            services.AddSingleton<ILoggerProvider>(ScopedLogs);
        });
    }

    /// <summary>
    /// The spans of the trace <paramref name="traceId"/>, once its request span has ended: ASP.NET Core ends it after the response
    /// has reached the client, so it is the last.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> TraceAsync(ActivityTraceId traceId)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(20))
        {
            var spans = Spans.Where(s => s.TraceId == traceId).ToList();
            if (spans.Any(s => s.Source.Name == AspNetCoreSource))
                return spans;
        }
        throw new TimeoutException($"The request span of trace {traceId} was not exported.");
    }

    /// <summary>The source of ASP.NET Core's request spans.</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    /// <summary>POSTs <paramref name="query"/> in a trace of its own; returns the response and the trace's id.</summary>
    public async Task<(JsonElement Response, ActivityTraceId TraceId)> PostTracedAsync(string query, object? variables = null, string? apiKey = null)
    {
        using var client = CreateClient();
        var (traceParent, traceId) = TraceParent.New();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("traceparent", traceParent);
        if (apiKey is not null)
            request.Headers.Add("X-Api-Key", apiKey);
        using var response = await client.SendAsync(request);
        return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), traceId);
    }
}

/// <summary>A collection that the exporters may add to while a test reads it.</summary>
public sealed class LockedCollection<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count { get { lock (_items) return _items.Count; } }

    public bool IsReadOnly => false;

    public void Add(T item) { lock (_items) _items.Add(item); }

    public void Clear() { lock (_items) _items.Clear(); }

    public bool Contains(T item) { lock (_items) return _items.Contains(item); }

    public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }

    public bool Remove(T item) { lock (_items) return _items.Remove(item); }

    public IEnumerator<T> GetEnumerator() { lock (_items) return _items.ToList().GetEnumerator(); }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One span per operation, named after it, over the request's span, with the database commands and graph work inside it.</summary>
/// <remarks>
/// Alone, as every test with a <see cref="TracedHost"/>: each host's tracer provider instruments EF Core's diagnostics, which are
/// process-wide, so while two hosts live every command would get a span from each.
/// </remarks>
[Collection(SequentialHostsCollection.Name)]
public sealed class TelemetryTests(TracedHost host) : IClassFixture<TracedHost>
{
    private const string AuthorId = "QXV0aG9yOmRldnZyaXQta2hhdHJp";
    private const string EfCoreSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    [Fact]
    public async Task An_operation_is_one_span_named_after_it_inside_the_request_span_with_its_database_commands_inside_it()
    {
        var (response, traceId) = await host.PostTracedAsync(
            // The abstract is not held beside the graph index, so the papers' page reads the store.
            "query ProfileQuery($id: ID!) { author(id: $id) { name papers(first: 2) { nodes { title abstract } } } }", new { id = AuthorId });

        Assert.False(response.TryGetProperty("errors", out var errors), $"errors: {errors}");
        var spans = await host.TraceAsync(traceId);
        var operation = Assert.Single(spans, s => s.Source.Name == GraphQLTelemetry.ActivitySourceName);
        Assert.Equal("query ProfileQuery", operation.DisplayName);
        Assert.Equal("query", operation.GetTagItem(GraphQLTelemetry.OperationTypeTag));
        Assert.Equal("ProfileQuery", operation.GetTagItem(GraphQLTelemetry.OperationNameTag));
        var request = Assert.Single(spans, s => s.Source.Name == TracedHost.AspNetCoreSource);
        Assert.Equal(request.SpanId, operation.ParentSpanId);
        var commands = spans.Where(s => s.Source.Name == EfCoreSource).ToList();
        Assert.NotEmpty(commands);
        // Inside the operation: usually its children, though EF Core's instrumentation may nest a command under one that overlaps it.
        Assert.All(commands, command => Assert.True(IsWithin(command, operation, spans), $"{command.DisplayName} is not inside the operation's span"));
        Assert.All(commands, command => Assert.StartsWith("SELECT", (string?)command.GetTagItem("db.statement"), StringComparison.Ordinal));
    }

    private static bool IsWithin(Activity span, Activity ancestor, IEnumerable<Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
                return true;
        }
        return false;
    }

    [Fact]
    public async Task A_graph_question_has_a_span_of_its_traversal_inside_the_operations()
    {
        var (response, traceId) = await host.PostTracedAsync(
            "query Network($id: ID!) { coauthorNetwork(authorId: $id, depth: 1) { nodes { author { name } } } }", new { id = AuthorId });

        Assert.False(response.TryGetProperty("errors", out var errors), $"errors: {errors}");
        var spans = await host.TraceAsync(traceId);
        var operation = Assert.Single(spans, s => s.Source.Name == GraphQLTelemetry.ActivitySourceName);
        var traversal = Assert.Single(spans, s => s.Source.Name == GraphIndexTelemetry.ActivitySourceName);
        Assert.Equal("graph coauthorNetwork", traversal.DisplayName);
        Assert.Equal(operation.SpanId, traversal.ParentSpanId);
        Assert.True((int)traversal.GetTagItem(GraphIndexTelemetry.AuthorsTag)! > 1);
    }

    [Fact]
    public async Task A_write_has_a_span_of_the_graph_index_update_inside_the_mutations()
    {
        var (response, traceId) = await host.PostTracedAsync(
            "mutation Add($input: CreatePaperInput!) { createPaper(input: $input) { paper { title } } }",
            new { input = new { title = $"Traced {Guid.NewGuid():N}", authors = new[] { new { authorId = AuthorId } } } }, apiKey: WriteTestHost.WriteKey);

        Assert.False(response.TryGetProperty("errors", out var errors), $"errors: {errors}");
        var spans = await host.TraceAsync(traceId);
        var operation = Assert.Single(spans, s => s.Source.Name == GraphQLTelemetry.ActivitySourceName);
        Assert.Equal("mutation Add", operation.DisplayName);
        var update = Assert.Single(spans, s => s.Source.Name == GraphIndexTelemetry.ActivitySourceName);
        Assert.Equal("graph-index update", update.DisplayName);
        Assert.Equal(operation.SpanId, update.ParentSpanId);
    }

    [Fact]
    public async Task Errors_are_counted_by_code_and_the_meters_are_exported()
    {
        using var measured = new MeasurementCapture(host.Services.GetRequiredService<IMeterFactory>(), GraphQLTelemetry.MeterName);

        await host.PostTracedAsync("query Bad { author(id: \"not-an-id\") { name } }");
        await host.PostTracedAsync("query Deep($id: ID!) { coauthorNetwork(authorId: $id, depth: 9) { truncated } }", new { id = AuthorId });

        var codes = measured.Of(GraphQLTelemetry.ErrorsInstrument).Select(m => (string?)m.Tag(GraphQLTelemetry.ErrorCodeTag)).Order().ToList();
        Assert.Equal(["GRAPH_ARGUMENT_OUT_OF_RANGE", "INVALID_ID"], codes);
        Assert.Equal(2, measured.Of(GraphQLTelemetry.RequestsInstrument).Count);
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush());
        var exported = host.Metrics.Select(m => m.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { GraphQLTelemetry.RequestsInstrument, GraphQLTelemetry.DurationInstrument, GraphQLTelemetry.ErrorsInstrument, "http.server.request.duration" }, exported);
    }

    [Fact]
    public async Task Health_probes_are_not_traced()
    {
        using var client = host.CreateClient();
        var (traceParent, traceId) = TraceParent.New();
        using var probe = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        probe.Headers.Add("traceparent", traceParent);
        using var probed = await client.SendAsync(probe);
        Assert.True(probed.IsSuccessStatusCode);
        // A GraphQL request after it in the same trace: once its span is exported, the probe's would have been too.
        using var query = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ authors(first: 1) { totalCount } }"}""", Encoding.UTF8, "application/json"),
        };
        query.Headers.Add("traceparent", traceParent);
        using var queried = await client.SendAsync(query);

        var requests = (await host.TraceAsync(traceId)).Where(s => s.Source.Name == TracedHost.AspNetCoreSource).ToList();
        Assert.Equal("/graphql", Assert.Single(requests).GetTagItem("url.path"));
    }
}
