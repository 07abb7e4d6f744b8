using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.WebSockets;

/// <summary>A bare graphql-transport-ws peer on <see cref="ClientWebSocket"/>, for protocol edge cases a well-behaved client never sends.</summary>
public sealed class TransportWsClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private TransportWsClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<TransportWsClient> ConnectAsync(Uri url, string subProtocol = "graphql-transport-ws", IReadOnlyDictionary<string, string>? headers = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(subProtocol);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            socket.Options.SetRequestHeader(name, value);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(url, timeout.Token);
        return new TransportWsClient(socket);
    }

    /// <summary>Connects, sends <c>connection_init</c> and expects <c>connection_ack</c>.</summary>
    public static async Task<TransportWsClient> ConnectAndInitAsync(Uri url, object? payload = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var client = await ConnectAsync(url, headers: headers);
        await client.SendAsync(new { type = "connection_init", payload });
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message; fails if the server closes the socket instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var text = await ReceiveTextAsync();
        Assert.True(text is not null, $"The server closed the socket: {Socket.CloseStatus} {Socket.CloseStatusDescription}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Waits for the server to close the socket, failing on any message before, and returns the close code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        var text = await ReceiveTextAsync();
        Assert.True(text is null, $"Expected the socket to close, got: {text}");
        return ((int)Socket.CloseStatus!.Value, Socket.CloseStatusDescription);
    }

    private async Task<string?> ReceiveTextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                return null;
            }
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
    }

    public void Dispose() => Socket.Dispose();
}
