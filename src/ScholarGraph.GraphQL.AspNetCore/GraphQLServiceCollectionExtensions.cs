using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.GraphQL.AspNetCore.Documents;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Execution;
using ScholarGraph.GraphQL.AspNetCore.Http;
using ScholarGraph.GraphQL.AspNetCore.Limits;
using ScholarGraph.GraphQL.AspNetCore.Streaming;
using ScholarGraph.GraphQL.AspNetCore.Telemetry;

namespace ScholarGraph.GraphQL.AspNetCore;

/// <summary>Registers what the GraphQL transports need besides GraphQL.NET's own <c>AddGraphQL</c>.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Registers the services of <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL{TSchema}"/>:
    /// <see cref="GraphQLHttpOptions"/> (section <c>GraphQLHttp</c>) and <see cref="GraphQLSubscriptionOptions"/> (section
    /// <c>GraphQLSubscriptions</c>), bound from <paramref name="configuration"/> when given and validated when the host starts
    /// (a bad value fails the start with a message such as <c>GraphQLSubscriptions:BufferSize must be at least 1</c>); the
    /// default <see cref="IConnectionAuthorizer"/>, which allows every connection (an earlier registration wins); the
    /// document cache (active while <see cref="GraphQLHttpOptions.EnableDocumentCache"/> is on, the default); and forces
    /// GraphQL.NET's <see cref="ErrorInfoProviderOptions.ExposeExceptionDetails"/> off, whatever else configures it; and the
    /// error formatting that drops "Did you mean ...?" suggestions outside Development (<see cref="GraphQLHttpOptions.EnableSuggestions"/>);
    /// trusted documents with automatic persisted queries (<see cref="TrustedDocumentOptions"/>, section
    /// <c>TrustedDocuments</c>; off by default), with the default <see cref="IArbitraryDocumentPolicy"/>, which lets
    /// authenticated callers send query text in <see cref="TrustedDocumentMode.AllowArbitraryForAuthorized"/> (an earlier
    /// registration wins). The trusted documents are read when the settings are validated at start: a bad file fails the start
    /// like a bad setting, with a line naming it; and the telemetry of every operation (<see cref="GraphQLTelemetry"/>: a span, metrics, a logging scope and a log line),
    /// with <see cref="GraphQLTelemetryOptions"/> (section <c>GraphQLTelemetry</c>);
    /// and the query limits of <see cref="GraphQLLimitsOptions"/> (section <c>GraphQLLimits</c>, validated at start) on every
    /// execution of the schema, with the cost directives (<see cref="CostDirectives"/>) declared in every schema built from these
    /// services.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">The app's configuration; optional (without it the options keep their defaults).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedSection<GraphQLHttpOptions>(configuration, GraphQLHttpOptions.SectionName);
        services.AddValidatedSection<GraphQLSubscriptionOptions>(configuration, GraphQLSubscriptionOptions.SectionName);
        services.AddValidatedSection<GraphQLLimitsOptions>(configuration, GraphQLLimitsOptions.SectionName);
        services.TryAddSingleton<IConnectionAuthorizer, AllowAllConnectionAuthorizer>();

        // PostConfigure runs after every Configure, so no other registration can turn exception details back on.
        services.PostConfigure<ErrorInfoProviderOptions>(errors => errors.ExposeExceptionDetails = false);
        // Replace, not TryAdd: GraphQL.NET's AddGraphQL may have registered its own provider already.
        services.Replace(ServiceDescriptor.Singleton<IErrorInfoProvider, SuggestionHidingErrorInfoProvider>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, DocumentCache>());
        // Replace, not TryAdd, for the same reason: cached documents are checked without GraphQL.NET's walk of every node.
        services.Replace(ServiceDescriptor.Singleton<IDocumentValidator, VisitorFreeRulesValidator>());
        AddTrustedDocuments(services, configuration);

        services.AddValidatedSection<GraphQLTelemetryOptions>(configuration, GraphQLTelemetryOptions.SectionName);
        services.AddMetrics();
        services.TryAddSingleton<GraphQLMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, GraphQLOperationTelemetry>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, QueryLimitsExecution>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureSchema, CostDirectivesSchemaConfiguration>());
        return services;
    }

    private static void AddTrustedDocuments(IServiceCollection services, IConfiguration? configuration)
    {
        services.AddValidatedSection<TrustedDocumentOptions>(configuration, TrustedDocumentOptions.SectionName);
        services.TryAddSingleton<TrustedDocumentStore>();
        // The store reads its folder as the settings are validated, so a bad document stops the start.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrustedDocumentOptions>, TrustedDocumentStore>(
            provider => provider.GetRequiredService<TrustedDocumentStore>()));
        services.TryAddSingleton<AutomaticPersistedQueryStore>();
        services.TryAddSingleton<IArbitraryDocumentPolicy, AuthenticatedCallerPolicy>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, PersistedDocumentHandler>());
    }
}
