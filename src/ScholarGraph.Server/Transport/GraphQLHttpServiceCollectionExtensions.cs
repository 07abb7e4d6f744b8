using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ScholarGraph.Server.Transport;

/// <summary>Registers what the GraphQL-over-HTTP transport needs besides GraphQL.NET's own <c>AddGraphQL</c>.</summary>
public static class GraphQLHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GraphQLHttpOptions"/> and <see cref="GraphQLSubscriptionOptions"/> (bound to the <c>GraphQLHttp</c>
    /// and <c>GraphQLSubscriptions</c> sections of <paramref name="configuration"/> when given), the default
    /// <see cref="IConnectionAuthorizer"/> (allows every connection; an earlier registration wins), the document cache (active while <see cref="GraphQLHttpOptions.EnableDocumentCache"/> is on), and forces
    /// GraphQL.NET's <see cref="ErrorInfoProviderOptions.ExposeExceptionDetails"/> off, whatever else configures it.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">The app's configuration; optional.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GraphQLHttpOptions>();
        var subscriptions = services.AddOptions<GraphQLSubscriptionOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(GraphQLHttpOptions.SectionName));
            subscriptions.Bind(configuration.GetSection(GraphQLSubscriptionOptions.SectionName));
        }
        services.TryAddSingleton<IConnectionAuthorizer, AllowAllConnectionAuthorizer>();

        // PostConfigure runs after every Configure, so no other registration can turn exception details back on.
        services.PostConfigure<ErrorInfoProviderOptions>(errors => errors.ExposeExceptionDetails = false);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, DocumentCache>());
        return services;
    }
}
