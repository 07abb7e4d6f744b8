using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.Storage.Database;
using ScholarGraph.Server.Hosting;

namespace ScholarGraph.Server.Hosting.ReadReplicas;

/// <summary>Registers the read replica's use by queries, when one is configured.</summary>
public static class ReadReplicaServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ReadReplicaOptions"/> (section <c>ReadReplica</c>) and, when <c>ConnectionStrings:ScholarGraphReplica</c> (or
    /// <c>Database:ReplicaConnectionString</c>) is set, registers the replica's contexts, its monitor and the routing of each
    /// operation's reads (<see cref="ReadRouting"/>). Without a replica nothing else is registered and every read goes to the primary.
    /// </summary>
    public static IServiceCollection AddScholarGraphReadReplica(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<ReadReplicaOptions>(configuration, ReadReplicaOptions.SectionName);
        if (DatabaseServiceCollectionExtensions.ReplicaConnectionStringIn(configuration) is null)
            return services;
        StorageServiceCollectionExtensions.AddScholarGraphReadReplica(services);
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RecentWriters>();
        services.AddSingleton<PrimaryStore>();
        services.AddHostedService<ReplicaMonitor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, ReadRouting>());
        return services;
    }
}
