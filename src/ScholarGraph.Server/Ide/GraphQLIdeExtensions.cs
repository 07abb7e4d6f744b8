using GraphQL.Types;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ScholarGraph.Server.Transport;

namespace ScholarGraph.Server.Ide;

/// <summary>Registers and maps the GraphQL endpoint together with the Banana Cake Pop IDE in front of it.</summary>
public static partial class GraphQLIdeExtensions
{
    /// <summary>
    /// Registers the GraphQL-over-HTTP transport (<see cref="GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp"/>) and
    /// <see cref="GraphQLIdeOptions"/>, both bound from <c>builder.Configuration</c> (sections <c>GraphQLHttp</c> and <c>GraphQLIde</c>).
    /// </summary>
    /// <param name="builder">The app's builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static WebApplicationBuilder AddGraphQLHttpWithIde(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGraphQLHttp(builder.Configuration);
        builder.Services.AddOptions<GraphQLIdeOptions>().Bind(builder.Configuration.GetSection(GraphQLIdeOptions.SectionName));
        return builder;
    }

    /// <summary>
    /// Serves <typeparamref name="TSchema"/> over HTTP at <paramref name="path"/>
    /// (<see cref="GraphQLHttpEndpointRouteBuilderExtensions.MapGraphQLHttp{TSchema}"/>) and, unless
    /// <see cref="GraphQLIdeOptions.Enabled"/> is off, the IDE with <see cref="UseGraphQLIde"/>.
    /// </summary>
    /// <typeparam name="TSchema">The schema type registered with GraphQL.NET.</typeparam>
    /// <param name="app">The built app.</param>
    /// <param name="path">The endpoint's path. Default: <c>/graphql</c>.</param>
    /// <returns>The GraphQL endpoint's builder.</returns>
    public static IEndpointConventionBuilder MapGraphQLHttpWithIde<TSchema>(this WebApplication app, string path = "/graphql")
        where TSchema : ISchema
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseGraphQLIde(path);
        return app.MapGraphQLHttp<TSchema>(path);
    }

    /// <summary>
    /// Adds middleware that serves the IDE's files at <c>{path}/</c> (its settings at <c>{path}/bcp-config.json</c>) and
    /// redirects (301) a <c>GET {path}</c> whose <c>Accept</c> contains <c>text/html</c> to <c>{path}/</c>, keeping the query
    /// string. Every other request passes through. Does nothing when <see cref="GraphQLIdeOptions.Enabled"/> is off, and
    /// logs a warning instead of failing when the IDE's files are missing.
    /// </summary>
    /// <param name="app">The app's pipeline.</param>
    /// <param name="path">The GraphQL endpoint's path. Default: <c>/graphql</c>.</param>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    public static IApplicationBuilder UseGraphQLIde(this IApplicationBuilder app, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<GraphQLIdeOptions>>();
        if (!options.Value.Enabled)
            return app;

        var filesPath = options.Value.ResolvedFilesPath;
        if (!File.Exists(Path.Combine(filesPath, "index.html")))
        {
            var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("ScholarGraph.Server.Ide");
            LogIdeFilesMissing(logger, filesPath);
            return app;
        }

        return app.UseMiddleware<GraphQLIdeMiddleware>(app, new PathString(path), new PhysicalFileProvider(filesPath));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The IDE is enabled but its files are missing from {FilesPath}; building the server installs them with npm.")]
    private static partial void LogIdeFilesMissing(ILogger logger, string filesPath);
}
