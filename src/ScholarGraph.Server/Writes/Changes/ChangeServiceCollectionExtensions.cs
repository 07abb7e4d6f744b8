using Microsoft.Extensions.DependencyInjection.Extensions;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.Server.Writes.Changes.Instances;

namespace ScholarGraph.Server.Writes.Changes;

/// <summary>Registers the path from committed writes to their listeners.</summary>
public static class ChangeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singleton <see cref="GraphChangePublisher"/>, and what shares changes between instances on PostgreSQL: the
    /// <see cref="ChangeLog"/> every write adds to, and the <see cref="ChangeFeed"/> that applies the other instances' writes here,
    /// with <see cref="ChangeFeedOptions"/> bound from the section <c>ChangeFeed</c>. On other stores both do nothing.
    /// </summary>
    public static IServiceCollection AddGraphChanges(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddSingleton<GraphChangePublisher>();
        services.AddValidatedSection<ChangeFeedOptions>(configuration, ChangeFeedOptions.SectionName);
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChangeLog>();
        services.AddSingleton<ChangeFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<ChangeFeed>());
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
