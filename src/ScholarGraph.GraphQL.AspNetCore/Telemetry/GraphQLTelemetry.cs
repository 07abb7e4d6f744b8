namespace ScholarGraph.GraphQL.AspNetCore.Telemetry;

/// <summary>
/// The names under which the transports report each GraphQL operation: one <see cref="System.Diagnostics.Activity"/> (span) per
/// operation from the source <see cref="ActivitySourceName"/>, metrics from the meter <see cref="MeterName"/>, and a logging scope.
/// Spans follow OpenTelemetry's semantic conventions for GraphQL servers (kind server, <c>graphql.operation.type</c> and
/// <c>graphql.operation.name</c>; the document itself is never recorded, since its literals may hold what a client wants kept).
/// Register the names with an OpenTelemetry SDK (<c>AddSource</c>, <c>AddMeter</c>); without a listener nothing is recorded.
/// </summary>
public static class GraphQLTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the operation spans: <c>ScholarGraph.GraphQL.AspNetCore</c>.</summary>
    public const string ActivitySourceName = "ScholarGraph.GraphQL.AspNetCore";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the operation metrics: <c>ScholarGraph.GraphQL.AspNetCore</c>.</summary>
    public const string MeterName = "ScholarGraph.GraphQL.AspNetCore";

    /// <summary>
    /// Counter of GraphQL requests (unit <c>{request}</c>): each operation executed or refused, including requests the HTTP
    /// transport refused before GraphQL.NET saw them (then without an operation type). Tag: <see cref="OperationTypeTag"/>.
    /// </summary>
    public const string RequestsInstrument = "graphql.server.requests";

    /// <summary>
    /// Histogram of the time from receiving an operation to its result, before the response is written (unit <c>s</c>); for a
    /// subscription, the time to set up its stream. Tag: <see cref="OperationTypeTag"/>.
    /// </summary>
    public const string DurationInstrument = "graphql.server.request.duration";

    /// <summary>
    /// Counter of errors in responses (unit <c>{error}</c>), one per error, by its <c>extensions.code</c>
    /// (<see cref="ErrorCodeTag"/>) and the operation's type; an error without a code counts as <see cref="UnknownErrorCode"/>.
    /// </summary>
    public const string ErrorsInstrument = "graphql.server.errors";

    /// <summary>The operation's type (<c>query</c>, <c>mutation</c>, <c>subscription</c>), as OpenTelemetry names it.</summary>
    public const string OperationTypeTag = "graphql.operation.type";

    /// <summary>The operation's name, as OpenTelemetry names it; on spans only (clients choose names, so metrics leave them out).</summary>
    public const string OperationNameTag = "graphql.operation.name";

    /// <summary>An error's <c>extensions.code</c> on the errors counter.</summary>
    public const string ErrorCodeTag = "graphql.error.code";

    /// <summary>The code counted for an error that carries none.</summary>
    public const string UnknownErrorCode = "UNKNOWN";

    /// <summary>The span name when the operation's type is not known (the document did not parse), as OpenTelemetry names it.</summary>
    public const string UnknownOperationSpanName = "GraphQL Operation";

    /// <summary>The logging scope's key for the operation's name (absent for an anonymous operation).</summary>
    public const string OperationNameScopeKey = "GraphQLOperationName";

    /// <summary>The logging scope's key for the operation's type (absent until the document is parsed).</summary>
    public const string OperationTypeScopeKey = "GraphQLOperationType";

    /// <summary>The logging scope's key for the correlation id: the W3C trace id, or ASP.NET Core's request id when no trace runs.</summary>
    public const string TraceIdScopeKey = "TraceId";
}
