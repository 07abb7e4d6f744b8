using GraphQL;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ScholarGraph.GraphQL.AspNetCore.Telemetry;

/// <summary>
/// The instruments of the meter <see cref="GraphQLTelemetry.MeterName"/>, made through the app's <see cref="IMeterFactory"/> so
/// that each host (and each test host) has meters of its own.
/// </summary>
internal sealed class GraphQLMetrics
{
    // OpenTelemetry's advice for request durations (those of http.server.request.duration), in seconds.
    private static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;

    public GraphQLMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(GraphQLTelemetry.MeterName);
        _requests = meter.CreateCounter<long>(GraphQLTelemetry.RequestsInstrument, "{request}", "GraphQL requests, executed or refused.");
        _duration = meter.CreateHistogram(GraphQLTelemetry.DurationInstrument, "s",
            "Time from receiving a GraphQL operation to its result.", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _errors = meter.CreateCounter<long>(GraphQLTelemetry.ErrorsInstrument, "{error}", "Errors in GraphQL responses, by code.");
    }

    /// <summary>
    /// Counts one operation of <paramref name="operationType"/> (null when unknown), its duration and its errors by their codes
    /// (a null code counts as <see cref="GraphQLTelemetry.UnknownErrorCode"/>).
    /// </summary>
    public void RecordOperation(string? operationType, TimeSpan elapsed, IEnumerable<string?> errorCodes)
    {
        var type = TypeTag(operationType);
        _requests.Add(1, type);
        _duration.Record(elapsed.TotalSeconds, type);
        foreach (var code in errorCodes)
        {
            var tags = type;
            tags.Add(GraphQLTelemetry.ErrorCodeTag, code ?? GraphQLTelemetry.UnknownErrorCode);
            _errors.Add(1, tags);
        }
    }

    /// <summary>
    /// Counts a request the transport refused before it became an operation (so the operation telemetry never saw it), and its
    /// error, with the metrics of <paramref name="context"/>'s app.
    /// </summary>
    public static void RecordRefused(HttpContext context, ExecutionError error)
    {
        if (context.RequestServices.GetService<GraphQLMetrics>() is not { } metrics)
            return;
        metrics._requests.Add(1);
        metrics._errors.Add(1, new KeyValuePair<string, object?>(GraphQLTelemetry.ErrorCodeTag, error.Code ?? GraphQLTelemetry.UnknownErrorCode));
    }

    private static TagList TypeTag(string? operationType) =>
        operationType is null ? default : new TagList { { GraphQLTelemetry.OperationTypeTag, operationType } };
}
