using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.Server.Writes.Changes;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>Registers and starts the in-memory graph index.</summary>
public static class GraphIndexServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singleton <see cref="GraphIndexHolder"/> as the graph change listener that runs first, with
    /// <see cref="GraphIndexOptions"/> bound from the section <c>GraphIndex</c> (default merge threshold 10,000 papers).
    /// </summary>
    public static IServiceCollection AddGraphIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<GraphIndexOptions>(configuration, GraphIndexOptions.SectionName);
        return services.AddGraphChangeListener<GraphIndexHolder>();
    }

    /// <summary>Builds the first snapshot from the store; call it after the seed load and before the server takes requests.</summary>
    public static Task BuildGraphIndexAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<GraphIndexHolder>().RebuildAsync(cancellationToken);
}
