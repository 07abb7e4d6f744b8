namespace ScholarGraph.Server.Transport;

/// <summary>
/// Settings of the streaming transports (graphql-transport-ws over WebSocket, GraphQL over SSE), bound from the
/// configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class GraphQLSubscriptionOptions
{
    /// <summary>The configuration section these options are read from: <c>GraphQLSubscriptions</c>.</summary>
    public const string SectionName = "GraphQLSubscriptions";

    /// <summary>
    /// How long a new WebSocket may wait before sending <c>connection_init</c>; after that it is closed with
    /// <c>4408: Connection initialisation timeout</c>. Default: 10 seconds.
    /// </summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an idle connection gets a keep-alive: a graphql-transport-ws <c>ping</c> message, or an SSE comment line,
    /// so proxies do not cut it and dead peers are noticed. Zero turns keep-alives off. Default: 15 seconds.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many results one subscription may have waiting to be sent to a slow client. When one more arrives, the
    /// subscription sends what it holds, then ends with a <see cref="GraphQLHttpErrorCodes.SubscriptionBufferOverflow"/>
    /// error and completes; the connection stays open and other subscriptions go on. Default: 100.
    /// </summary>
    public int BufferSize { get; set; } = 100;

    /// <summary>The largest graphql-transport-ws message accepted, in bytes; a larger one closes the socket with 4400. Default: 1 MiB.</summary>
    public int MaxMessageSize { get; set; } = 1 << 20;
}
