using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Telemetry;
using ScholarGraph.GraphQL.AspNetCore.Execution;
using ScholarGraph.GraphQL.AspNetCore.Http;
using ScholarGraph.GraphQL.AspNetCore.Streaming;

namespace ScholarGraph.GraphQL.AspNetCore.Sse;

/// <summary>
/// Serves GraphQL over Server-Sent Events in the "distinct connections mode" of the graphql-sse protocol: a POST with
/// <c>Accept: text/event-stream</c> gets a <c>text/event-stream</c> response with one <c>event: next</c> per result (one for a
/// query or mutation, one per event for a subscription, errors included) and a final <c>event: complete</c>. The client
/// ends a subscription by closing the request. Idle streams get a comment line every
/// <see cref="GraphQLSubscriptionOptions.KeepAliveInterval"/>.
/// </summary>
internal sealed class GraphQLSseEndpoint<TSchema>(GraphQLRequestExecutor<TSchema> executor)
    where TSchema : ISchema
{
    private static readonly byte[] NextEventStart = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] CompleteEvent = "event: complete\ndata: \n\n"u8.ToArray();
    private static readonly byte[] KeepAliveComment = ":\n\n"u8.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLSerializer>();
        var options = services.GetRequiredService<IOptions<GraphQLSubscriptionOptions>>().Value;

        // Problems with the request itself are answered as GraphQL over HTTP answers them, before any stream starts.
        var read = await GraphQLRequestReader.ReadPostAsync(context.Request, serializer, context.RequestAborted).ConfigureAwait(false);
        if (read.Error is not null)
        {
            await WriteJsonErrorAsync(context, serializer, read.Error).ConfigureAwait(false);
            return;
        }

        var authorization = await services.GetRequiredService<IConnectionAuthorizer>()
            .AuthorizeAsync(context, payload: null, context.RequestAborted).ConfigureAwait(false);
        if (!authorization.IsAllowed)
        {
            await WriteJsonErrorAsync(context, serializer, new HttpRequestError(
                StatusCodes.Status401Unauthorized, GraphQLHttpErrorCodes.Unauthorized, authorization.Refusal!)).ConfigureAwait(false);
            return;
        }
        context.User = authorization.User!;

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ResponseMediaType.EventStream + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // Tells nginx-style proxies not to buffer the stream.
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);

        using var writeLock = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var keepAlive = KeepAliveAsync(response.Body, writeLock, options.KeepAliveInterval, stop.Token);
        try
        {
            // Errors found before execution (validation, variables) travel as a `next` event too, as the protocol asks.
            await foreach (var result in executor.StreamAsync(context, read.Request!, options.BufferSize, context.RequestAborted).ConfigureAwait(false))
                await WriteAsync(response.Body, writeLock, body => WriteNextAsync(body, serializer, result, context.RequestAborted), context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(response.Body, writeLock, body => body.WriteAsync(CompleteEvent, context.RequestAborted), context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await keepAlive.ConfigureAwait(false);
        }
    }

    private static async ValueTask WriteNextAsync(Stream body, IGraphQLSerializer serializer, ExecutionResult result, CancellationToken cancellationToken)
    {
        // The serializer writes compact JSON, so the result is one `data:` line (line breaks inside strings are escaped).
        await body.WriteAsync(NextEventStart, cancellationToken).ConfigureAwait(false);
        await serializer.WriteAsync(body, result, cancellationToken).ConfigureAwait(false);
        await body.WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(Stream body, SemaphoreSlim writeLock, Func<Stream, ValueTask> write, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await write(body).ConfigureAwait(false);
            await body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private static async Task KeepAliveAsync(Stream body, SemaphoreSlim writeLock, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                await WriteAsync(body, writeLock, b => b.WriteAsync(KeepAliveComment, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The stream ended, or the client went away.
        }
    }

    private static Task WriteJsonErrorAsync(HttpContext context, IGraphQLSerializer serializer, HttpRequestError error)
    {
        GraphQLMetrics.RecordRefused(context, error);
        context.Response.StatusCode = error.StatusCode;
        context.Response.ContentType = ResponseMediaType.JsonUtf8;
        return serializer.WriteAsync(context.Response.Body, new ExecutionResult(error), context.RequestAborted);
    }
}
