using System.Text.Encodings.Web;
using GraphQL;
using ScholarGraph.GraphQL.Data.Execution;
using GraphQL.MicrosoftDI;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Filtering.Extensions;
using ScholarGraph.GraphQL.Data.Paging;

namespace ScholarGraph.Server.Schema;

/// <summary>Registers the GraphQL schema and what its resolvers need.</summary>
public static class SchemaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ScholarGraphSchema"/> with GraphQL.NET, paging options bound from the configuration section
    /// <c>Paging</c> and validated at start (defaults: page size 10, maximum 50), a per-request <see cref="BatchLoaderRegistry"/>, a service scope
    /// per subscription event, and the cost directives of every paged field (<see cref="PagedFieldCosts"/>).
    /// </summary>
    public static IServiceCollection AddScholarGraphSchema(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<PagingOptions>(configuration, PagingOptions.SectionName);
        // The data layer and the graph types take the settled value, not the options wrapper.
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PagingOptions>>().Value);
        services.AddScoped<BatchLoaderRegistry>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<ScholarGraphSchema>()
            // UTF-8 as it is: "Tomás" and "Let's", not "Tom\u00E1s" and "Let\u0027s". The responses are JSON, never inlined in
            // HTML, so the HTML-safe escaping of the default encoder only costs bytes and readability.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // Each subscription event runs in a scope of its own (the subscribing request's scope is gone by then).
            .AddScopedSubscriptionExecutionStrategy(serialExecution: false)
            // Queries: GraphQL.NET's parallel strategy, reading plain member fields without a resolve context and collecting
            // each selection set's fields once per document instead of once per object.
            .AddExecutionStrategy(new LeanParallelExecutionStrategy(), GraphQLParser.AST.OperationType.Query)
            .AddFilteringTypes()
            .AddSchemaVisitor<PagedFieldCosts>()
            .AddGraphTypes(typeof(ScholarGraphSchema).Assembly)
            .AddGraphTypes(typeof(GraphQL.Data.Relay.Types.NodeInterfaceGraphType).Assembly));
        return services;
    }
}
