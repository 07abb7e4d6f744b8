using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Http;
using ScholarGraph.GraphQL.AspNetCore.Limits;

namespace ScholarGraph.GraphQL.AspNetCore.Execution;

/// <summary>
/// Executes one GraphQL request for any transport (HTTP, graphql-transport-ws, SSE): the same validation rules, document
/// cache and hiding of unhandled exceptions, whichever way the request came in.
/// </summary>
internal sealed partial class GraphQLRequestExecutor<TSchema>(ILogger logger)
    where TSchema : ISchema
{
    private static readonly IValidationRule NoIntrospection = NoIntrospectionValidationRule.Instance;

    // One pair of rule lists per transport rule and introspection setting (a handful), built once rather than per request.
    private static readonly ConcurrentDictionary<(IValidationRule? OperationTypeRule, bool EnableIntrospection), RuleSets> RuleSetsByTransport = new();

    // GraphQL.NET's document builder leaves the parser at its default depth (GraphQLParser's ParserOptions.MaxDepth).
    private const int ParserMaxDepth = 128;

    /// <summary>
    /// Executes <paramref name="request"/> with the services of <paramref name="services"/> and the user of
    /// <paramref name="context"/>. <paramref name="operationTypeRule"/>, when given, limits the operation types the
    /// transport carries; it also runs on cached documents. A <c>GraphQL-Cost</c> header of the request asks for the
    /// operation's measured cost in the result (see <see cref="CostReportRequest"/>).
    /// </summary>
    public Task<ExecutionResult> ExecuteAsync(
        HttpContext context, GraphQLRequest request, IServiceProvider services, IValidationRule? operationTypeRule,
        CancellationToken cancellationToken)
    {
        var executer = services.GetRequiredService<IDocumentExecuter<TSchema>>();
        var traceId = TraceId(context);
        var rules = RuleSetsByTransport.GetOrAdd(
            (operationTypeRule, services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.EnableIntrospection), RuleSets.For);
        return executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = context.User,
            UserContext = UserContextOf(context),
            CancellationToken = cancellationToken,
            ValidationRules = rules.ForNewDocuments,
            CachedDocumentValidationRules = rules.ForCachedDocuments,
            UnhandledExceptionDelegate = unhandled => HideUnhandledException(unhandled, traceId),
        });
    }

    /// <summary>
    /// Executes <paramref name="request"/> in a service scope of its own (so operations sharing a socket share no batch
    /// loaders) and yields its results: one for a query or mutation, or for a request that failed before execution (then
    /// <see cref="ExecutionResult.Executed"/> is false); one per event for a subscription, until its source completes or
    /// <paramref name="cancellationToken"/> is cancelled. At most <paramref name="bufferSize"/> events wait for a slow
    /// reader; one more ends the subscription with a <see cref="SubscriptionBufferOverflowError"/> as its last result.
    /// </summary>
    public async IAsyncEnumerable<ExecutionResult> StreamAsync(
        HttpContext context, GraphQLRequest request, int bufferSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var result = await ExecuteAsync(context, request, scope.ServiceProvider, operationTypeRule: null, cancellationToken).ConfigureAwait(false);
        if (result.Streams is not { Count: > 0 } streams)
        {
            yield return result;
            yield break;
        }

        // The validation rule "single root field" leaves exactly one stream.
        var buffer = new BufferedObserver(bufferSize);
        using (streams.Values.Single().Subscribe(buffer))
        {
            await foreach (var next in buffer.Results.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return next;
        }
        if (buffer.Terminal is { } terminal)
            yield return terminal;
    }

    /// <summary>Logs a failure of the transport itself and returns the error that stands in for it in a response.</summary>
    public InternalServerError TransportFailed(HttpContext context, Exception exception)
    {
        var traceId = TraceId(context);
        LogTransportFailure(logger, exception, traceId);
        return new InternalServerError(traceId);
    }

    /// <summary>
    /// Logs the exception with everything a developer needs, and puts a generic error in its place, so no message,
    /// exception type or stack trace reaches the client. Also runs for errors of subscription events.
    /// </summary>
    private Task HideUnhandledException(UnhandledExceptionContext unhandled, string traceId)
    {
        if (unhandled.OriginalException is GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            // The client's mistake, not the server's: answered as a request error, without logging it as a failure.
            unhandled.Exception = new DocumentTooDeepError(ParserMaxDepth);
            return Task.CompletedTask;
        }
        var field = unhandled.FieldContext?.FieldDefinition?.Name ?? "(document)";
        LogUnhandledException(logger, unhandled.OriginalException, field, traceId);
        unhandled.Exception = new InternalServerError(traceId);
        return Task.CompletedTask;
    }

    private static Dictionary<string, object?> UserContextOf(HttpContext context)
    {
        var userContext = new Dictionary<string, object?>();
        if (CostReportRequest.FromHeader(context.Request.Headers[CostReportRequest.HeaderName]) is { } costReport)
            userContext[CostReportRequest.UserContextKey] = costReport;
        return userContext;
    }

    private static string TraceId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception while executing GraphQL field {Field}; trace id {TraceId}.")]
    private static partial void LogUnhandledException(ILogger logger, Exception exception, string field, string traceId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The GraphQL transport failed; trace id {TraceId}.")]
    private static partial void LogTransportFailure(ILogger logger, Exception exception, string traceId);

    /// <summary>
    /// The validation rules of a new document (GraphQL.NET's core rules, the transport's, and the refusal of introspection when
    /// it is off), and those that run on cached documents too: the transport's, since one document may come by GET, POST or a
    /// socket. The introspection setting is fixed for the life of the host, as are its document cache and its list of validated
    /// trusted documents, and neither keeps a document that failed validation: a cached document passed the refusal already,
    /// so it is not walked again for it (which would also keep cached documents off <see cref="VisitorFreeRulesValidator"/>'s
    /// path wherever introspection is off).
    /// </summary>
    private sealed record RuleSets(IValidationRule[] ForNewDocuments, IValidationRule[] ForCachedDocuments)
    {
        public static RuleSets For((IValidationRule? OperationTypeRule, bool EnableIntrospection) key)
        {
            IValidationRule[] transport = key.OperationTypeRule is { } operationType ? [operationType] : [];
            return new RuleSets(
                [.. DocumentValidator.CoreRules, .. transport, .. key.EnableIntrospection ? [] : new[] { NoIntrospection }], transport);
        }
    }

    /// <summary>
    /// Holds a subscription's results until the transport sends them. GraphQL.NET pushes events without waiting for the
    /// client, so the bound must be here: on overflow the buffer stops taking events, and the reader, after draining what
    /// is held, gets the overflow error as the last result.
    /// </summary>
    private sealed class BufferedObserver(int bufferSize) : IObserver<ExecutionResult>
    {
        private readonly Channel<ExecutionResult> _results = Channel.CreateBounded<ExecutionResult>(
            new BoundedChannelOptions(Math.Max(1, bufferSize)) { SingleReader = true, SingleWriter = true });

        public ChannelReader<ExecutionResult> Results => _results.Reader;

        /// <summary>The result that ends the stream (an error from the source, or the overflow), read after the buffer is drained.</summary>
        public ExecutionResult? Terminal { get; private set; }

        public void OnNext(ExecutionResult value)
        {
            if (!_results.Writer.TryWrite(value) && Terminal is null)
                End(new ExecutionResult(new SubscriptionBufferOverflowError(bufferSize)));
        }

        public void OnError(Exception error) =>
            End(new ExecutionResult(error as ExecutionError ?? new ExecutionError("The subscription's source failed.")));

        public void OnCompleted() => _results.Writer.TryComplete();

        private void End(ExecutionResult terminal)
        {
            if (Terminal is not null)
                return;
            Terminal = terminal;
            _results.Writer.TryComplete();
        }
    }
}
