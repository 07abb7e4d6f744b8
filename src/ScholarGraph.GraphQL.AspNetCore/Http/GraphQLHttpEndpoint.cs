using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Execution;
using ScholarGraph.GraphQL.AspNetCore.Limits;
using ScholarGraph.GraphQL.AspNetCore.Sse;
using ScholarGraph.GraphQL.AspNetCore.Telemetry;
using ScholarGraph.GraphQL.AspNetCore.WebSockets;

namespace ScholarGraph.GraphQL.AspNetCore.Http;

/// <summary>
/// Serves one schema over GraphQL over HTTP (graphql.github.io/graphql-over-http): POST with a JSON body, GET with URL
/// parameters for queries, <c>GET ?sdl</c> for the schema, and status codes by the negotiated media type. WebSocket
/// upgrades go to <see cref="GraphQLTransportWsEndpoint{TSchema}"/>, POSTs accepting <c>text/event-stream</c> to
/// <see cref="GraphQLSseEndpoint{TSchema}"/>.
/// </summary>
internal sealed class GraphQLHttpEndpoint<TSchema>
    where TSchema : ISchema
{
    private const string SdlContentType = "text/plain; charset=utf-8";

    private readonly GraphQLRequestExecutor<TSchema> _executor;
    private readonly GraphQLTransportWsEndpoint<TSchema> _webSockets;
    private readonly GraphQLSseEndpoint<TSchema> _serverSentEvents;

    public GraphQLHttpEndpoint(ILogger logger)
    {
        _executor = new GraphQLRequestExecutor<TSchema>(logger);
        _webSockets = new GraphQLTransportWsEndpoint<TSchema>(_executor);
        _serverSentEvents = new GraphQLSseEndpoint<TSchema>(_executor);
    }

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
        catch (BadHttpRequestException) when (context.RequestAborted.IsCancellationRequested || context.Response.HasStarted)
        {
            // The client closed the connection before its body was complete: nobody is left to answer, and nothing failed here.
        }
        catch (BadHttpRequestException badRequest)
        {
            // Kestrel's own refusal of the request (a body shorter than its Content-Length, a malformed chunk): the client's
            // mistake, answered with Kestrel's status and a GraphQL error body, and not logged as a server failure.
            context.Response.Clear();
            var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
            await WriteAsync(context, serializer, badRequest.StatusCode, ResponseMediaType.JsonUtf8, new ExecutionResult(
                new HttpRequestError(badRequest.StatusCode, GraphQLHttpErrorCodes.BadRequest, "The request could not be read: " + badRequest.Message)))
                .ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var error = _executor.TransportFailed(context, exception);
            if (context.Response.HasStarted || context.WebSockets.IsWebSocketRequest)
                throw;
            context.Response.Clear();
            var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
            await WriteAsync(context, serializer, StatusCodes.Status500InternalServerError, ResponseMediaType.JsonUtf8,
                new ExecutionResult(error)).ConfigureAwait(false);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await _webSockets.HandleAsync(context).ConfigureAwait(false);
            return;
        }

        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();

        if (isGet && request.Query.ContainsKey("sdl"))
        {
            if (!context.RequestServices.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.EnableIntrospection)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
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

        if (!isGet && ResponseMediaType.AcceptsEventStream(request))
        {
            await _serverSentEvents.HandleAsync(context).ConfigureAwait(false);
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
            ? GraphQLRequestReader.ReadGet(request, serializer)
            : await GraphQLRequestReader.ReadPostAsync(request, serializer, context.RequestAborted).ConfigureAwait(false);
        if (read.Error is not null)
        {
            await WriteErrorAsync(context, serializer, contentType, read.Error).ConfigureAwait(false);
            return;
        }

        var result = await _executor.ExecuteAsync(context, read.Request!, context.RequestServices,
            isGet ? HttpOperationTypeRule.ForGet : HttpOperationTypeRule.ForPost, context.RequestAborted).ConfigureAwait(false);
        var status = StatusCodeOf(result, mediaType, context.RequestServices.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value);
        if (status == StatusCodes.Status405MethodNotAllowed)
            context.Response.Headers.Allow = "POST";
        // As Apollo Server does: a shared cache that kept "not found" for a GET would keep answering it after the client
        // registered its query.
        if (result.Errors?.Any(e => e is PersistedQueryNotFoundError or PersistedQueryNotSupportedError) == true)
            context.Response.Headers.CacheControl = "private, no-cache, must-revalidate";
        await WriteAsync(context, serializer, status, contentType, result).ConfigureAwait(false);
    }

    /// <summary>
    /// With <c>application/json</c> every GraphQL response is 200 (the request was well formed). With
    /// <c>application/graphql-response+json</c> a request that never executed (parse, validation or variable
    /// coercion errors) is a client error, 400, unless the server itself failed before execution (500) or the operation ran out
    /// of time (504); one only validated and measured on request (<c>GraphQL-Cost: validate</c>, no errors) is 200. A request
    /// refused before execution with errors whose codes <see cref="GraphQLHttpOptions.StatusCodesByErrorCode"/> maps gets that status.
    /// </summary>
    private static int StatusCodeOf(ExecutionResult result, string mediaType, GraphQLHttpOptions options)
    {
        var errors = result.Errors;
        if (errors is not null && errors.Any(e => e is MethodNotAllowedError))
            return StatusCodes.Status405MethodNotAllowed;
        if (!result.Executed && errors is { Count: > 0 } && MappedStatus(errors, options.StatusCodesByErrorCode) is { } mapped)
            return mapped;
        if (result.Executed || mediaType == ResponseMediaType.Json || errors is not { Count: > 0 })
            return StatusCodes.Status200OK;
        if (errors.Any(e => e is InternalServerError or UnhandledError))
            return StatusCodes.Status500InternalServerError;
        return errors.Any(e => e is ExecutionTimeoutError) ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status400BadRequest;
    }

    // The status every error's code maps to, when they all map to the same one.
    private static int? MappedStatus(ExecutionErrors errors, Dictionary<string, int> statusCodes)
    {
        int? status = null;
        foreach (var error in errors)
        {
            if (error.Code is null || !statusCodes.TryGetValue(error.Code, out var mapped) || (status is not null && status != mapped))
                return null;
            status = mapped;
        }
        return status;
    }

    private static Task WriteErrorAsync(HttpContext context, IGraphQLSerializer serializer, string contentType, HttpRequestError error)
    {
        GraphQLMetrics.RecordRefused(context, error);
        return WriteAsync(context, serializer, error.StatusCode, contentType, new ExecutionResult(error));
    }

    private static Task WriteAsync(HttpContext context, IGraphQLSerializer serializer, int status, string contentType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return BufferedResponse.WriteAsync(context.Response, serializer, result, context.RequestAborted);
    }

    private static Task WriteSdlAsync(HttpContext context)
    {
        var schema = context.RequestServices.GetRequiredService<TSchema>();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = SdlContentType;
        return context.Response.WriteAsync(SchemaSdl.Print(schema), context.RequestAborted);
    }
}
