using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Configuration;

namespace ScholarGraph.GraphQL.AspNetCore.Ide;

/// <summary>Registers and serves the Banana Cake Pop IDE in front of a GraphQL endpoint.</summary>
public static partial class GraphQLIdeApplicationBuilderExtensions
{
    /// <summary>The log category of the IDE middleware's messages.</summary>
    public const string LogCategory = "ScholarGraph.GraphQL.AspNetCore.Ide";

    /// <summary>
    /// Registers <see cref="GraphQLIdeOptions"/>, bound to the section <c>GraphQLIde</c> of <paramref name="configuration"/>
    /// when given and validated when the host starts (a bad value fails the start with a message such as
    /// <c>GraphQLIde:SubscriptionProtocol must be one of auto, graphql-transport-ws, graphql-ws, graphql-sse, not 'sse'</c>).
    /// Defaults set in code with <c>services.Configure&lt;GraphQLIdeOptions&gt;</c> before this call still give way to the section.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">The app's configuration; optional (without it the options keep their defaults).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddGraphQLIde(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedSection<GraphQLIdeOptions>(configuration, GraphQLIdeOptions.SectionName);
        return services;
    }

    /// <summary>
    /// Adds middleware that serves the IDE's files at <c>{path}/</c> (its settings at <c>{path}/bcp-config.json</c>) and
    /// redirects (301) a <c>GET {path}</c> whose <c>Accept</c> contains <c>text/html</c> to <c>{path}/</c>, keeping the query
    /// string. Every other request passes through, to the GraphQL endpoint mapped at the same path. Does nothing when
    /// <see cref="GraphQLIdeOptions.Enabled"/> is off, and logs a warning instead of failing when the IDE's files are missing.
    /// Needs <see cref="AddGraphQLIde"/>.
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
            var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
            LogIdeFilesMissing(logger, filesPath);
            return app;
        }

        return app.UseMiddleware<GraphQLIdeMiddleware>(app, new PathString(path), new PhysicalFileProvider(filesPath));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The IDE is enabled but its files are missing from {FilesPath}; building a project that references ScholarGraph.GraphQL.AspNetCore installs them with npm.")]
    private static partial void LogIdeFilesMissing(ILogger logger, string filesPath);
}
