using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;

namespace ScholarGraph.Server.Transport;

/// <summary>
/// Serves one schema over GraphQL over HTTP (graphql.github.io/graphql-over-http): POST with a JSON body, GET with URL
/// parameters for queries, <c>GET ?sdl</c> for the schema, and status codes by the negotiated media type.
/// </summary>
internal sealed partial class GraphQLHttpEndpoint<TSchema>
    where TSchema : ISchema
{
    private const string SdlContentType = "text/plain; charset=utf-8";

    private readonly ILogger _logger;

    public GraphQLHttpEndpoint(ILogger logger) => _logger = logger;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client has gone; nobody is left to answer.
        }
        catch (Exception exception)
        {
            var traceId = TraceId(context);
            LogTransportFailure(_logger, exception, traceId);
            if (context.Response.HasStarted)
                throw;
            context.Response.Clear();
            var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
            await WriteAsync(context, serializer, StatusCodes.Status500InternalServerError, ResponseMediaType.JsonUtf8,
                new ExecutionResult(new InternalServerError(traceId))).ConfigureAwait(false);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();

        if (isGet && request.Query.ContainsKey("sdl"))
        {
            await WriteSdlAsync(context).ConfigureAwait(false);
            return;
        }

        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, serializer, ResponseMediaType.JsonUtf8, new HttpRequestError(
                StatusCodes.Status405MethodNotAllowed, GraphQLHttpErrorCodes.MethodNotAllowed,
                $"The GraphQL endpoint takes GET and POST, not {request.Method}.")).ConfigureAwait(false);
            return;
        }

        var mediaType = ResponseMediaType.Negotiate(request);
        if (mediaType is null)
        {
            await WriteErrorAsync(context, serializer, ResponseMediaType.JsonUtf8, new HttpRequestError(
                StatusCodes.Status406NotAcceptable, GraphQLHttpErrorCodes.NotAcceptable,
                $"The response can be '{ResponseMediaType.GraphQLResponseJson}' or '{ResponseMediaType.Json}'; the Accept header allows neither.")).ConfigureAwait(false);
            return;
        }
        var contentType = mediaType == ResponseMediaType.GraphQLResponseJson ? ResponseMediaType.GraphQLResponseJsonUtf8 : ResponseMediaType.JsonUtf8;

        var read = isGet
            ? GraphQLRequestReader.ReadGet(request.Query, serializer)
            : await GraphQLRequestReader.ReadPostAsync(request, serializer, context.RequestAborted).ConfigureAwait(false);
        if (read.Error is not null)
        {
            await WriteErrorAsync(context, serializer, contentType, read.Error).ConfigureAwait(false);
            return;
        }

        var result = await ExecuteAsync(context, read.Request!, isGet).ConfigureAwait(false);
        var status = StatusCodeOf(result, mediaType);
        if (status == StatusCodes.Status405MethodNotAllowed)
            context.Response.Headers.Allow = "POST";
        await WriteAsync(context, serializer, status, contentType, result).ConfigureAwait(false);
    }

    private Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLRequest request, bool isGet)
    {
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<TSchema>>();
        var operationTypeRule = isGet ? HttpOperationTypeRule.ForGet : HttpOperationTypeRule.ForPost;
        return executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
            ValidationRules = [.. DocumentValidator.CoreRules, operationTypeRule],
            CachedDocumentValidationRules = [operationTypeRule],
            UnhandledExceptionDelegate = unhandled => HideUnhandledException(unhandled, TraceId(context)),
        });
    }

    /// <summary>
    /// Logs the exception with everything a developer needs, and puts a generic error in its place, so no message,
    /// exception type or stack trace reaches the client.
    /// </summary>
    private Task HideUnhandledException(UnhandledExceptionContext unhandled, string traceId)
    {
        var field = unhandled.FieldContext?.FieldDefinition?.Name ?? "(document)";
        LogUnhandledException(_logger, unhandled.OriginalException, field, traceId);
        unhandled.Exception = new InternalServerError(traceId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// With <c>application/json</c> every GraphQL response is 200 (the request was well formed). With
    /// <c>application/graphql-response+json</c> a request that never executed (parse, validation or variable
    /// coercion errors) is a client error, 400, unless the server itself failed before execution.
    /// </summary>
    private static int StatusCodeOf(ExecutionResult result, string mediaType)
    {
        var errors = result.Errors;
        if (errors is not null && errors.Any(e => e is MethodNotAllowedError))
            return StatusCodes.Status405MethodNotAllowed;
        if (result.Executed || mediaType == ResponseMediaType.Json)
            return StatusCodes.Status200OK;
        return errors is not null && errors.Any(e => e is InternalServerError or UnhandledError)
            ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status400BadRequest;
    }

    private static Task WriteErrorAsync(HttpContext context, IGraphQLSerializer serializer, string contentType, HttpRequestError error) =>
        WriteAsync(context, serializer, error.StatusCode, contentType, new ExecutionResult(error));

    private static Task WriteAsync(HttpContext context, IGraphQLSerializer serializer, int status, string contentType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static Task WriteSdlAsync(HttpContext context)
    {
        var schema = context.RequestServices.GetRequiredService<TSchema>();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = SdlContentType;
        return context.Response.WriteAsync(SchemaSdl.Print(schema), context.RequestAborted);
    }

    private static string TraceId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception while executing GraphQL field {Field}; trace id {TraceId}.")]
    private static partial void LogUnhandledException(ILogger logger, Exception exception, string field, string traceId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The GraphQL HTTP transport failed; trace id {TraceId}.")]
    private static partial void LogTransportFailure(ILogger logger, Exception exception, string traceId);
}
