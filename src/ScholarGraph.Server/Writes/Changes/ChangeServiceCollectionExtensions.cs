namespace ScholarGraph.Server.Writes.Changes;

/// <summary>Registers the path from committed writes to their listeners.</summary>
public static class ChangeServiceCollectionExtensions
{
    /// <summary>Registers the singleton <see cref="GraphChangePublisher"/>.</summary>
    public static IServiceCollection AddGraphChanges(this IServiceCollection services)
    {
        services.AddSingleton<GraphChangePublisher>();
        return services;
    }

    /// <summary>Registers <typeparamref name="TListener"/> as a singleton listener, also resolvable as itself.</summary>
    public static IServiceCollection AddGraphChangeListener<TListener>(this IServiceCollection services)
        where TListener : class, IGraphChangeListener
    {
        services.AddSingleton<TListener>();
        services.AddSingleton<IGraphChangeListener>(sp => sp.GetRequiredService<TListener>());
        return services;
    }
}
