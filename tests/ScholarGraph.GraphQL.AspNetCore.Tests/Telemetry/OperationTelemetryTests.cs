using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Telemetry;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;
using ScholarGraph.GraphQL.AspNetCore.Tests.WebSockets;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Telemetry;

/// <summary>Each operation, whatever its transport, gets one span, its metrics and a logging scope; nothing records its variables.</summary>
public sealed class OperationTelemetryTests : IAsyncLifetime
{
    private readonly ActivityCapture _spans = new(GraphQLTelemetry.ActivitySourceName);
    private readonly ScopedLogCapture _logs = new();
    private TransportTestHost _host = null!;
    private MeasurementCapture _metrics = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync();
        _metrics = new MeasurementCapture(_host.Services.GetRequiredService<IMeterFactory>(), GraphQLTelemetry.MeterName);
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        _spans.Dispose();
        await _host.DisposeAsync();
    }

    // Without nameInSpanName the option keeps its default, which the first test pins.
    private Task<TransportTestHost> StartAsync(bool nameInSpanName = false, bool onLoopbackPort = false)
    {
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" };
        if (nameInSpanName)
            settings["GraphQLTelemetry:OperationNameInSpanName"] = "true";
        return TransportTestHost.StartAsync(onLoopbackPort: onLoopbackPort, settings: settings,
            configureServices: services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    [Fact]
    public async Task By_default_a_query_gets_one_server_span_named_by_its_type_with_its_name_and_type_as_tags_in_the_callers_trace()
    {
        var (response, traceId) = await PostAsync(_host, """{"query":"query Greeting { hello }"}""");

        Assert.Equal(HttpStatusCode.OK, response);
        var span = Assert.Single(_spans.OfTrace(traceId));
        Assert.Equal("query", span.DisplayName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal("query", span.GetTagItem(GraphQLTelemetry.OperationTypeTag));
        Assert.Equal("Greeting", span.GetTagItem(GraphQLTelemetry.OperationNameTag));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task With_the_name_in_span_names_a_span_is_named_type_and_name_and_the_name_comes_from_the_selected_operation()
    {
        await using var host = await StartAsync(nameInSpanName: true);

        var (_, queryTrace) = await PostAsync(host, """{"query":"query First { hello } query Second { hello }","operationName":"Second"}""");
        var (_, mutationTrace) = await PostAsync(host, """{"query":"mutation Touch { touch }"}""");
        var (_, anonymousTrace) = await PostAsync(host, """{"query":"{ hello }"}""");

        Assert.Equal("query Second", Assert.Single(_spans.OfTrace(queryTrace)).DisplayName);
        var mutation = Assert.Single(_spans.OfTrace(mutationTrace));
        Assert.Equal("mutation Touch", mutation.DisplayName);
        Assert.Equal("mutation", mutation.GetTagItem(GraphQLTelemetry.OperationTypeTag));
        var anonymous = Assert.Single(_spans.OfTrace(anonymousTrace));
        Assert.Equal("query", anonymous.DisplayName);
        Assert.Null(anonymous.GetTagItem(GraphQLTelemetry.OperationNameTag));
    }

    [Fact]
    public async Task A_document_that_does_not_parse_gets_a_span_without_a_type_and_its_error_is_counted_by_code()
    {
        var (_, traceId) = await PostAsync(_host, """{"query":"query Broken { hello "}""");

        var span = Assert.Single(_spans.OfTrace(traceId));
        Assert.Equal(GraphQLTelemetry.UnknownOperationSpanName, span.DisplayName);
        Assert.Null(span.GetTagItem(GraphQLTelemetry.OperationTypeTag));
        var error = Assert.Single(_metrics.Of(GraphQLTelemetry.ErrorsInstrument));
        Assert.Equal("SYNTAX_ERROR", error.Tag(GraphQLTelemetry.ErrorCodeTag));
        Assert.Null(error.Tag(GraphQLTelemetry.OperationTypeTag));
    }

    [Fact]
    public async Task A_server_failure_marks_the_span_failed_but_a_clients_mistake_does_not()
    {
        var (_, failedTrace) = await PostAsync(_host, """{"query":"query Failing { fail }"}""");
        var (_, mistakeTrace) = await PostAsync(_host, """{"query":"query Mistaken { nosuchfield }"}""");

        var failed = Assert.Single(_spans.OfTrace(failedTrace));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(GraphQLHttpErrorCodes.InternalServerError, failed.GetTagItem("error.type"));
        var mistaken = Assert.Single(_spans.OfTrace(mistakeTrace));
        Assert.Equal(ActivityStatusCode.Unset, mistaken.Status);
        Assert.Equal("query", mistaken.DisplayName);
    }

    [Fact]
    public async Task Requests_durations_and_errors_are_measured_by_operation_type_and_error_code()
    {
        await PostAsync(_host, """{"query":"{ hello }"}""");
        await PostAsync(_host, """{"query":"{ fail }"}""");
        await PostAsync(_host, """{"query":"mutation { touch }"}""");
        await PostAsync(_host, """{"query":"{ nosuchfield }"}""");

        var requests = _metrics.Of(GraphQLTelemetry.RequestsInstrument);
        Assert.Equal(3, requests.Count(m => (string?)m.Tag(GraphQLTelemetry.OperationTypeTag) == "query"));
        Assert.Equal(1, requests.Count(m => (string?)m.Tag(GraphQLTelemetry.OperationTypeTag) == "mutation"));
        Assert.All(requests, m => Assert.Equal(1, m.Value));
        var durations = _metrics.Of(GraphQLTelemetry.DurationInstrument);
        Assert.Equal(4, durations.Count);
        Assert.All(durations, m => Assert.InRange(m.Value, double.Epsilon, 30));
        var errors = _metrics.Of(GraphQLTelemetry.ErrorsInstrument)
            .Select(m => ((string?)m.Tag(GraphQLTelemetry.OperationTypeTag), (string?)m.Tag(GraphQLTelemetry.ErrorCodeTag))).Order().ToList();
        Assert.Equal([("query", "FIELDS_ON_CORRECT_TYPE"), ("query", GraphQLHttpErrorCodes.InternalServerError)], errors);
    }

    [Fact]
    public async Task A_request_the_transport_refuses_is_counted_with_its_code_though_it_never_became_an_operation()
    {
        using var client = _host.CreateClient();
        using var response = await client.PostAsync("/graphql", new StringContent("{ hello }", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var request = Assert.Single(_metrics.Of(GraphQLTelemetry.RequestsInstrument));
        Assert.Null(request.Tag(GraphQLTelemetry.OperationTypeTag));
        Assert.Equal(GraphQLHttpErrorCodes.UnsupportedMediaType, Assert.Single(_metrics.Of(GraphQLTelemetry.ErrorsInstrument)).Tag(GraphQLTelemetry.ErrorCodeTag));
        Assert.Empty(_spans.Stopped);
    }

    [Fact]
    public async Task A_subscription_over_a_WebSocket_gets_its_span_too()
    {
        await using var host = await StartAsync(nameInSpanName: true, onLoopbackPort: true);
        using var socket = await TransportWsClient.ConnectAndInitAsync(host.WebSocketUrl);

        await socket.SubscribeAsync("1", """subscription Watch { messages(channel: "a") }""");
        await host.Messages.WaitForSubscribersAsync(1);
        host.Messages.Publish("a", "first");
        Assert.Equal("next", (await socket.ReceiveAsync()).GetProperty("type").GetString());

        var span = Assert.Single(_spans.Stopped, s => s.DisplayName == "subscription Watch");
        Assert.Equal("subscription", span.GetTagItem(GraphQLTelemetry.OperationTypeTag));
    }

    [Fact]
    public async Task Lines_logged_while_an_operation_runs_carry_its_name_type_and_trace_id_in_scope()
    {
        var (_, traceId) = await PostAsync(_host, """{"query":"query Failing { fail }"}""");

        var failure = Assert.Single(_logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("fail", StringComparison.Ordinal));
        Assert.Equal("Failing", failure.Scope(GraphQLTelemetry.OperationNameScopeKey));
        Assert.Equal("query", failure.Scope(GraphQLTelemetry.OperationTypeScopeKey));
        Assert.Equal(traceId.ToHexString(), failure.Scope(GraphQLTelemetry.TraceIdScopeKey));
        var finished = Assert.Single(_logs.Lines, l => l.Message.StartsWith("GraphQL query Failing finished", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, finished.Level);
        Assert.Contains(GraphQLHttpErrorCodes.InternalServerError, finished.Message, StringComparison.Ordinal);
        Assert.Equal(traceId.ToHexString(), finished.Scope(GraphQLTelemetry.TraceIdScopeKey));
    }

    [Fact]
    public async Task No_log_line_carries_a_variable_value_whether_the_operation_succeeds_or_fails()
    {
        const string secret = "s3cr3t-variable-value-5d1e";
        await PostAsync(_host, JsonSerializer.Serialize(new { query = "query Echo($text: String!) { echo(text: $text) }", variables = new { text = secret } }));
        // A value of the wrong type fails variable coercion, whose error quotes it to the client (but not to the log).
        await PostAsync(_host, JsonSerializer.Serialize(new { query = "query Wrong($text: String!) { echo(text: $text) }", variables = new { text = new { secret } } }));
        await PostAsync(_host, JsonSerializer.Serialize(new { query = "query Both($text: String!) { echo(text: $text) fail }", variables = new { text = secret } }));

        Assert.Equal(3, _logs.Lines.Count(l => l.Message.Contains(" finished in ", StringComparison.Ordinal)));
        Assert.DoesNotContain(_logs.Lines, l => l.AllText.Contains(secret, StringComparison.Ordinal));
    }

    private static async Task<(HttpStatusCode Status, ActivityTraceId TraceId)> PostAsync(TransportTestHost host, string body)
    {
        using var client = host.CreateClient();
        var (traceParent, traceId) = TraceParent.New();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("traceparent", traceParent);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, traceId);
    }
}
