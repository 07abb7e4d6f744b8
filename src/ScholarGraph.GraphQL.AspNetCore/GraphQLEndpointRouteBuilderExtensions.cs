using GraphQL.Types;
using ScholarGraph.GraphQL.AspNetCore.Http;

namespace ScholarGraph.GraphQL.AspNetCore;

/// <summary>Maps the GraphQL endpoint of a schema.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>The log category of the transports' own messages (unhandled exceptions, transport failures).</summary>
    public const string LogCategory = "ScholarGraph.GraphQL.AspNetCore";

    /// <summary>
    /// Serves <typeparamref name="TSchema"/> at <paramref name="path"/>: POST (<c>application/json</c> body) and GET
    /// (URL parameters, queries only) per GraphQL over HTTP, <c>GET {path}?sdl</c> for the schema as SDL, subscriptions (and
    /// every other operation) over WebSocket with graphql-transport-ws, and over SSE for a POST with
    /// <c>Accept: text/event-stream</c>. WebSockets need the app's <c>UseWebSockets</c> middleware.
    /// Needs <see cref="GraphQLServiceCollectionExtensions.AddGraphQLHttp"/> and GraphQL.NET's <c>AddGraphQL</c>
    /// with the schema and a System.Text.Json serializer (<c>AddSystemTextJson</c>). For the IDE in front of it, call
    /// <c>UseGraphQLIde</c> with the same path before mapping.
    /// </summary>
    /// <typeparam name="TSchema">The schema type registered with GraphQL.NET.</typeparam>
    /// <param name="endpoints">The app's endpoints.</param>
    /// <param name="path">The endpoint's path. Default: <c>/graphql</c>.</param>
    /// <returns>The endpoint's builder, for conventions such as authorization or CORS.</returns>
    public static IEndpointConventionBuilder MapGraphQL<TSchema>(this IEndpointRouteBuilder endpoints, string path = "/graphql")
        where TSchema : ISchema
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var endpoint = new GraphQLHttpEndpoint<TSchema>(logger);
        return endpoints.Map(path, endpoint.HandleAsync).WithDisplayName($"GraphQL ({typeof(TSchema).Name})");
    }
}
