using ScholarGraph.Server.Writes.Changes;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>Registers and starts the in-memory graph index.</summary>
public static class GraphIndexServiceCollectionExtensions
{
    /// <summary>Registers the singleton <see cref="GraphIndexHolder"/> as the graph change listener that runs first.</summary>
    public static IServiceCollection AddGraphIndex(this IServiceCollection services) =>
        services.AddGraphChangeListener<GraphIndexHolder>();

    /// <summary>Builds the first snapshot from the store; call it after the seed load and before the server takes requests.</summary>
    public static Task BuildGraphIndexAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<GraphIndexHolder>().RebuildAsync(cancellationToken);
}
