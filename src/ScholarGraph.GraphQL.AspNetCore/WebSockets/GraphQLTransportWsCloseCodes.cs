using ScholarGraph.GraphQL.AspNetCore.Streaming;

namespace ScholarGraph.GraphQL.AspNetCore.WebSockets;

/// <summary>
/// The WebSocket close codes of the graphql-transport-ws protocol (GRAPHQL_TRANSPORT_WS_PROTOCOL.md of the npm
/// <c>graphql-ws</c> package) that this library sends.
/// </summary>
public static class GraphQLTransportWsCloseCodes
{
    /// <summary>A message that is not JSON, has an unknown or unexpected <c>type</c>, or lacks a field its type needs.</summary>
    public const int BadRequest = 4400;

    /// <summary>A <c>subscribe</c> before the server acknowledged the connection.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The <see cref="IConnectionAuthorizer"/> refused the <c>connection_init</c>.</summary>
    public const int Forbidden = 4403;

    /// <summary>The socket did not offer the <c>graphql-transport-ws</c> subprotocol.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No <c>connection_init</c> within <see cref="GraphQLSubscriptionOptions.ConnectionInitTimeout"/>.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> with the id of an operation that is still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The server failed; the details are in its log.</summary>
    public const int InternalServerError = 4500;
}
