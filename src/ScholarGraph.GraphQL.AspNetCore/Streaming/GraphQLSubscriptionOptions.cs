using System.ComponentModel.DataAnnotations;
using ScholarGraph.GraphQL.AspNetCore.Errors;

namespace ScholarGraph.GraphQL.AspNetCore.Streaming;

/// <summary>
/// Settings of the streaming transports (graphql-transport-ws over WebSocket, GraphQL over SSE), bound from the
/// configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class GraphQLSubscriptionOptions : IValidatableObject
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
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int BufferSize { get; set; } = 100;

    /// <summary>The largest graphql-transport-ws message accepted, in bytes; a larger one closes the socket with 4400. Default: 1 MiB.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int MaxMessageSize { get; set; } = 1 << 20;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConnectionInitTimeout <= TimeSpan.Zero)
            yield return new ValidationResult($"must be longer than zero, not {ConnectionInitTimeout}", [nameof(ConnectionInitTimeout)]);
        if (KeepAliveInterval < TimeSpan.Zero)
            yield return new ValidationResult($"must not be negative (zero turns keep-alives off), not {KeepAliveInterval}", [nameof(KeepAliveInterval)]);
    }
}
