using GraphQL.Types;

namespace ScholarGraph.Server.Transport;

/// <summary>Maps the GraphQL-over-HTTP endpoint for a schema.</summary>
public static class GraphQLHttpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <typeparamref name="TSchema"/> at <paramref name="path"/>: POST (<c>application/json</c> body) and GET
    /// (URL parameters, queries only) per GraphQL over HTTP, <c>GET {path}?sdl</c> for the schema as SDL, subscriptions (and
    /// every other operation) over WebSocket with graphql-transport-ws, and over SSE for a POST with
    /// <c>Accept: text/event-stream</c>. WebSockets need the app's <c>UseWebSockets</c> middleware.
    /// Needs <see cref="GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp"/> and GraphQL.NET's <c>AddGraphQL</c>
    /// with the schema and a System.Text.Json serializer (<c>AddSystemTextJson</c>).
    /// </summary>
    /// <typeparam name="TSchema">The schema type registered with GraphQL.NET.</typeparam>
    /// <param name="endpoints">The app's endpoints.</param>
    /// <param name="path">The endpoint's path. Default: <c>/graphql</c>.</param>
    /// <returns>The endpoint's builder, for conventions such as authorization or CORS.</returns>
    public static IEndpointConventionBuilder MapGraphQLHttp<TSchema>(this IEndpointRouteBuilder endpoints, string path = "/graphql")
        where TSchema : ISchema
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ScholarGraph.Server.Transport.GraphQLHttp");
        var endpoint = new GraphQLHttpEndpoint<TSchema>(logger);
        return endpoints.Map(path, endpoint.HandleAsync).WithDisplayName($"GraphQL over HTTP ({typeof(TSchema).Name})");
    }
}
