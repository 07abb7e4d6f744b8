using System.Net.WebSockets;
using GraphQL.Types;
using ScholarGraph.GraphQL.AspNetCore.Execution;

namespace ScholarGraph.GraphQL.AspNetCore.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades of the GraphQL endpoint that speak the <c>graphql-transport-ws</c> subprotocol and runs a
/// <see cref="GraphQLTransportWsConnection{TSchema}"/> on each; a socket offering only other subprotocols is accepted and
/// closed at once with <c>4406: Subprotocol not acceptable</c>, as the npm <c>graphql-ws</c> server does.
/// </summary>
internal sealed class GraphQLTransportWsEndpoint<TSchema>(GraphQLRequestExecutor<TSchema> executor)
    where TSchema : ISchema
{
    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            using var refused = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await GraphQLTransportWsConnection<TSchema>.CloseQuietlyAsync(refused,
                GraphQLTransportWsCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable").ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol).ConfigureAwait(false);
        using var connection = new GraphQLTransportWsConnection<TSchema>(context, socket, executor);
        await connection.RunAsync().ConfigureAwait(false);
    }
}
