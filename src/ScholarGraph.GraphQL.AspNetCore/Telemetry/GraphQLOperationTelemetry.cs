using System.Collections;
using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Errors;

namespace ScholarGraph.GraphQL.AspNetCore.Telemetry;

/// <summary>
/// Wraps every operation, whichever transport brought it: a span named after the operation (a child of the current one, such as
/// ASP.NET Core's request span, so database and other work inside it nest under it), a logging scope with the operation's name
/// and type and the trace id, the metrics of <see cref="GraphQLMetrics"/>, and one log line when it ends. Neither the document
/// nor the variables are recorded anywhere: they may hold what a client wants kept.
/// </summary>
internal sealed partial class GraphQLOperationTelemetry(GraphQLMetrics metrics, IOptions<GraphQLTelemetryOptions> options, ILoggerFactory loggers)
    : IConfigureExecution
{
    private static readonly ActivitySource Source = new(GraphQLTelemetry.ActivitySourceName);

    private readonly ILogger _logger = loggers.CreateLogger(GraphQLEndpointRouteBuilderExtensions.LogCategory);
    private readonly bool _nameInSpanName = options.Value.OperationNameInSpanName;

    /// <summary>First of all (GraphQL.NET's own option setup runs at 100): a request refused by a later step is still counted and traced.</summary>
    public float SortOrder => 0;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity(GraphQLTelemetry.UnknownOperationSpanName, ActivityKind.Server);
        var operation = new OperationScope(activity, executionOptions.OperationName, _nameInSpanName);
        executionOptions.Listeners.Add(operation);
        using var scope = _logger.BeginScope(operation);

        ExecutionResult result;
        try
        {
            result = await next(executionOptions).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // DocumentExecuter turns failures into errors, so this is rare (a failure in the wrapping itself); count it as internal.
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", GraphQLHttpErrorCodes.InternalServerError);
            metrics.RecordOperation(operation.Type, Stopwatch.GetElapsedTime(started), [GraphQLHttpErrorCodes.InternalServerError]);
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.RecordOperation(operation.Type, elapsed, result.Errors?.Select(e => e.Code) ?? []);
        if (result.Errors is { Count: > 0 } errors)
        {
            // Only a failure of the server marks the span as failed; a client's mistake is the response's business, as a 4xx is
            // for an HTTP server span.
            if (errors.Any(e => e.Code == GraphQLHttpErrorCodes.InternalServerError || e is UnhandledError))
            {
                activity?.SetStatus(ActivityStatusCode.Error);
                activity?.SetTag("error.type", GraphQLHttpErrorCodes.InternalServerError);
            }
            LogFinishedWithErrors(_logger, operation.Description, elapsed.TotalMilliseconds, errors.Count, Codes(errors));
        }
        else
        {
            LogFinished(_logger, operation.Description, elapsed.TotalMilliseconds);
        }
        return result;
    }

    private static string Codes(ExecutionErrors errors) =>
        string.Join(", ", errors.Select(e => e.Code ?? GraphQLTelemetry.UnknownErrorCode).Distinct(StringComparer.Ordinal));

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "GraphQL {Operation} finished in {Milliseconds:F1} ms.")]
    private static partial void LogFinished(ILogger logger, string operation, double milliseconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "GraphQL {Operation} finished in {Milliseconds:F1} ms with {ErrorCount} errors ({ErrorCodes}).")]
    private static partial void LogFinishedWithErrors(ILogger logger, string operation, double milliseconds, int errorCount, string errorCodes);

    /// <summary>
    /// What is known of the operation, filled in once its document is parsed and validated: the logging scope's state (read by
    /// loggers whenever they write, so lines logged during execution carry the name from the document) and the span's name and tags.
    /// </summary>
    private sealed class OperationScope : DocumentExecutionListenerBase, IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly Activity? _activity;
        private readonly bool _nameInSpanName;

        public OperationScope(Activity? activity, string? requestedName, bool nameInSpanName)
        {
            _activity = activity;
            _nameInSpanName = nameInSpanName;
            Name = requestedName;
            TraceId = activity?.TraceId.ToHexString() ?? Activity.Current?.TraceId.ToHexString() ?? "";
            if (requestedName is not null)
                activity?.SetTag(GraphQLTelemetry.OperationNameTag, requestedName);
        }

        public string? Name { get; private set; }

        public string? Type { get; private set; }

        public string TraceId { get; }

        /// <summary>The operation as the log line names it: <c>query ProfileQuery</c>, <c>query</c>, or <c>operation</c> when unparsed.</summary>
        public string Description => (Type ?? "operation") + (Name is null ? "" : " " + Name);

        public override Task AfterValidationAsync(IExecutionContext context, IValidationResult validationResult)
        {
            Describe(context.Operation);
            return Task.CompletedTask;
        }

        private void Describe(GraphQLOperationDefinition operation)
        {
            Type = operation.Operation switch
            {
                OperationType.Mutation => "mutation",
                OperationType.Subscription => "subscription",
                _ => "query",
            };
            Name = operation.Name?.StringValue;
            if (_activity is null)
                return;
            _activity.SetTag(GraphQLTelemetry.OperationTypeTag, Type);
            _activity.SetTag(GraphQLTelemetry.OperationNameTag, Name);
            _activity.DisplayName = _nameInSpanName && Name is not null ? $"{Type} {Name}" : Type;
        }

        public int Count => TraceId.Length == 0 ? 2 : 3;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new(GraphQLTelemetry.OperationNameScopeKey, Name),
            1 => new(GraphQLTelemetry.OperationTypeScopeKey, Type),
            2 when TraceId.Length > 0 => new(GraphQLTelemetry.TraceIdScopeKey, TraceId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
                yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => TraceId.Length == 0 ? $"GraphQL {Description}" : $"GraphQL {Description}, trace {TraceId}";
    }
}
