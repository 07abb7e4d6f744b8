using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Execution;
using ScholarGraph.GraphQL.AspNetCore.Http;
using ScholarGraph.GraphQL.AspNetCore.Streaming;

namespace ScholarGraph.GraphQL.AspNetCore.WebSockets;

/// <summary>
/// One socket speaking graphql-transport-ws: <c>connection_init</c> (authorized by <see cref="IConnectionAuthorizer"/>,
/// within <see cref="GraphQLSubscriptionOptions.ConnectionInitTimeout"/>), <c>connection_ack</c>, <c>ping</c>/<c>pong</c>
/// both ways, and any number of concurrent operations, each <c>subscribe</c> → <c>next</c>* → <c>complete</c> (or one
/// <c>error</c> when the request fails before execution). Protocol violations close the socket with the protocol's codes
/// (<see cref="GraphQLTransportWsCloseCodes"/>). When the socket ends, however it ends, every operation is cancelled and
/// awaited before the connection is disposed.
/// </summary>
internal sealed class GraphQLTransportWsConnection<TSchema> : IDisposable
    where TSchema : ISchema
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);
    private static readonly byte[] ConnectionAck = """{"type":"connection_ack"}"""u8.ToArray();
    private static readonly byte[] Ping = """{"type":"ping"}"""u8.ToArray();
    private static readonly byte[] Pong = """{"type":"pong"}"""u8.ToArray();

    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly GraphQLRequestExecutor<TSchema> _executor;
    private readonly GraphQLSubscriptionOptions _options;
    private readonly IGraphQLSerializer _serializer;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _connection;
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private int _initReceived;
    private int _closing;
    private volatile bool _acknowledged;

    public GraphQLTransportWsConnection(HttpContext context, WebSocket socket, GraphQLRequestExecutor<TSchema> executor)
    {
        _context = context;
        _socket = socket;
        _executor = executor;
        _options = context.RequestServices.GetRequiredService<IOptions<GraphQLSubscriptionOptions>>().Value;
        _serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
        _connection = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
    }

    public async Task RunAsync()
    {
        var initTimeout = CloseUnlessInitializedAsync();
        var keepAlive = KeepAliveAsync();
        try
        {
            await ReceiveAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The socket died or the close handshake timed out: nothing is left to tell the client.
        }
        finally
        {
            await _connection.CancelAsync().ConfigureAwait(false);
            var running = _operations.Values.Select(o => o.Running).ToArray();
            await Task.WhenAll([initTimeout, keepAlive, .. running]).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _sendLock.Dispose();
    }

    /// <summary>Closes <paramref name="socket"/> with <paramref name="code"/>, waiting briefly for the client's answer; a dead socket is left alone.</summary>
    public static async Task CloseQuietlyAsync(WebSocket socket, int code, string reason)
    {
        using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
        try
        {
            await socket.CloseAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client did not answer the close; the socket is aborted when disposed.
        }
    }

    private async Task ReceiveAsync()
    {
        var message = new ArrayBufferWriter<byte>(4096);
        var token = _connection.Token;
        while (true)
        {
            message.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(message.GetMemory(4096), token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                        await SendCloseAsync(WebSocketCloseStatus.NormalClosure, null).ConfigureAwait(false);
                    return;
                }
                message.Advance(received.Count);
                if (message.WrittenCount > _options.MaxMessageSize)
                {
                    await CloseAsync(GraphQLTransportWsCloseCodes.BadRequest, $"Message larger than {_options.MaxMessageSize} bytes").ConfigureAwait(false);
                    break;
                }
            }
            while (!received.EndOfMessage);

            if (Volatile.Read(ref _closing) == 0)
                await HandleAsync(message.WrittenMemory).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            await CloseAsync(GraphQLTransportWsCloseCodes.BadRequest, "Invalid message received: not JSON").ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
                ? typeElement.GetString()
                : null;
            switch (type)
            {
                case "connection_init":
                    await InitializeAsync(root).ConfigureAwait(false);
                    break;
                case "ping":
                    await SendAsync(Pong, _connection.Token).ConfigureAwait(false);
                    break;
                case "pong":
                    break;
                case "subscribe":
                    await SubscribeAsync(root).ConfigureAwait(false);
                    break;
                case "complete":
                    await CompleteAsync(root).ConfigureAwait(false);
                    break;
                case null:
                    await CloseAsync(GraphQLTransportWsCloseCodes.BadRequest, "Invalid message received: no 'type' string").ConfigureAwait(false);
                    break;
                default:
                    await CloseAsync(GraphQLTransportWsCloseCodes.BadRequest, $"Invalid message received: type '{type}'").ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task InitializeAsync(JsonElement message)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            await CloseAsync(GraphQLTransportWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
            return;
        }

        IReadOnlyDictionary<string, object?>? payload = null;
        if (message.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null)
        {
            if (payloadElement.ValueKind != JsonValueKind.Object)
            {
                await CloseAsync(GraphQLTransportWsCloseCodes.BadRequest, "Invalid message received: connection_init payload must be an object").ConfigureAwait(false);
                return;
            }
            payload = _serializer.ReadNode<Inputs>(payloadElement);
        }

        var authorizer = _context.RequestServices.GetRequiredService<IConnectionAuthorizer>();
        var authorization = await authorizer.AuthorizeAsync(_context, payload, _connection.Token).ConfigureAwait(false);
        if (!authorization.IsAllowed)
        {
            await CloseAsync(GraphQLTransportWsCloseCodes.Forbidden, "Forbidden: " + authorization.Refusal).ConfigureAwait(false);
            return;
        }

        _context.User = authorization.User!;
        _acknowledged = true;
        await SendAsync(ConnectionAck, _connection.Token).ConfigureAwait(false);
    }

    private async Task SubscribeAsync(JsonElement message)
    {
        if (!_acknowledged)
        {
            await CloseAsync(GraphQLTransportWsCloseCodes.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }
        if (ReadId(message) is not { } id)
        {
            await CloseAsync(GraphQLTransportWsCloseCodes.BadRequest, "Invalid message received: subscribe needs a non-empty string 'id'").ConfigureAwait(false);
            return;
        }
        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            await CloseAsync(GraphQLTransportWsCloseCodes.BadRequest, "Invalid message received: subscribe needs a 'payload' object").ConfigureAwait(false);
            return;
        }
        var read = GraphQLRequestReader.ReadObject(payload, _serializer);
        if (read.Error is not null)
        {
            await CloseAsync(GraphQLTransportWsCloseCodes.BadRequest, "Invalid message received: " + read.Error.Message).ConfigureAwait(false);
            return;
        }

        var operation = new Operation(CancellationTokenSource.CreateLinkedTokenSource(_connection.Token));
        if (!_operations.TryAdd(id, operation))
        {
            operation.Cancellation.Dispose();
            await CloseAsync(GraphQLTransportWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists").ConfigureAwait(false);
            return;
        }
        operation.Running = Task.Run(() => RunOperationAsync(id, operation, read.Request!));
    }

    private Task CompleteAsync(JsonElement message)
    {
        if (ReadId(message) is not { } id)
            return CloseAsync(GraphQLTransportWsCloseCodes.BadRequest, "Invalid message received: complete needs a non-empty string 'id'");
        // An unknown id belongs to an operation that has already ended: the protocol says to ignore it.
        if (_operations.TryRemove(id, out var operation))
            operation.Cancel();
        return Task.CompletedTask;
    }

    private async Task RunOperationAsync(string id, Operation operation, GraphQLRequest request)
    {
        var token = operation.Cancellation.Token;
        try
        {
            var first = true;
            await foreach (var result in _executor.StreamAsync(_context, request, _options.BufferSize, token).ConfigureAwait(false))
            {
                if (first && !result.Executed && result.Errors is { Count: > 0 })
                {
                    // Refused before execution (parse, validation, variables): `error` ends the operation, with no `complete`.
                    // (Without errors it was only validated and measured, on request: its result travels as `next`.)
                    await SendAsync(await ErrorMessageAsync(id, result, token).ConfigureAwait(false), token).ConfigureAwait(false);
                    return;
                }
                first = false;
                await SendAsync(await NextMessageAsync(id, result, token).ConfigureAwait(false), token).ConfigureAwait(false);
            }
            await SendAsync(CompleteMessage(id), token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException && (token.IsCancellationRequested || _socket.State != WebSocketState.Open))
        {
            // The client completed the operation, or the socket is gone.
        }
        catch (Exception e)
        {
            var error = _executor.TransportFailed(_context, e);
            await CloseAsync(GraphQLTransportWsCloseCodes.InternalServerError, error.Message).ConfigureAwait(false);
        }
        finally
        {
            // Only this operation: after a client `complete` the id may already belong to a new one.
            _operations.TryRemove(new KeyValuePair<string, Operation>(id, operation));
            operation.Cancellation.Dispose();
        }
    }

    private async Task<ReadOnlyMemory<byte>> NextMessageAsync(string id, ExecutionResult result, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        WriteEnvelopeStart(buffer, id, "next");
        await _serializer.WriteAsync(buffer, result, cancellationToken).ConfigureAwait(false);
        buffer.WriteByte((byte)'}');
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private async Task<ReadOnlyMemory<byte>> ErrorMessageAsync(string id, ExecutionResult result, CancellationToken cancellationToken)
    {
        // The protocol's payload is the errors array alone; take it from the serialized result so errors are shaped as everywhere else.
        using var serialized = new MemoryStream();
        await _serializer.WriteAsync(serialized, result, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(serialized.GetBuffer().AsMemory(0, (int)serialized.Length));
        using var buffer = new MemoryStream();
        WriteEnvelopeStart(buffer, id, "error");
        using (var writer = new Utf8JsonWriter(buffer))
            document.RootElement.GetProperty("errors").WriteTo(writer);
        buffer.WriteByte((byte)'}');
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static byte[] CompleteMessage(string id) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["id"] = id, ["type"] = "complete" });

    /// <summary>Writes <c>{"id":…,"type":…,"payload":</c>; the caller writes the payload and the closing brace.</summary>
    private static void WriteEnvelopeStart(Stream buffer, string id, string type)
    {
        buffer.Write("{\"id\":"u8);
        buffer.Write(JsonSerializer.SerializeToUtf8Bytes(id));
        buffer.Write(Encoding.UTF8.GetBytes($",\"type\":\"{type}\",\"payload\":"));
    }

    private static string? ReadId(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;

    private async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A cancelled operation sends nothing more, even what it had ready; a closing socket takes nothing more.
            cancellationToken.ThrowIfCancellationRequested();
            if (Volatile.Read(ref _closing) == 0 && _socket.State == WebSocketState.Open)
                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Starts the close handshake with <paramref name="code"/>; the receive loop ends when the client answers, or after
    /// <see cref="CloseHandshakeTimeout"/> when it does not.
    /// </summary>
    private async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
            return;
        await SendCloseAsync((WebSocketCloseStatus)code, reason).ConfigureAwait(false);
        _connection.CancelAfter(CloseHandshakeTimeout);
    }

    private async Task SendCloseAsync(WebSocketCloseStatus status, string? reason)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(status, Truncate(reason), CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // The socket died first.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A close reason may hold at most 123 bytes of UTF-8.</summary>
    private static string? Truncate(string? reason)
    {
        if (reason is null || Encoding.UTF8.GetByteCount(reason) <= 123)
            return reason;
        var cut = reason[..Math.Min(reason.Length, 120)];
        while (Encoding.UTF8.GetByteCount(cut) > 120)
            cut = cut[..^1];
        return cut + "...";
    }

    private async Task CloseUnlessInitializedAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _connection.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (Volatile.Read(ref _initReceived) == 0)
            await CloseAsync(GraphQLTransportWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout").ConfigureAwait(false);
    }

    private async Task KeepAliveAsync()
    {
        if (_options.KeepAliveInterval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(_options.KeepAliveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_connection.Token).ConfigureAwait(false))
            {
                if (_acknowledged)
                    await SendAsync(Ping, _connection.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The connection ended.
        }
    }

    private sealed class Operation(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task Running { get; set; } = Task.CompletedTask;

        public void Cancel()
        {
            try
            {
                Cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The operation ended on its own meanwhile.
            }
        }
    }
}
