using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Hosting;

/// <summary>Registers the store the way the server and every command-line verb read it from the configuration.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>The configured read replica: <c>Database:ReplicaConnectionString</c>, else <c>ConnectionStrings:ScholarGraphReplica</c>; null when neither is set.</summary>
    public static string? ReplicaConnectionStringIn(IConfiguration configuration) =>
        configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ReplicaConnectionString)}"] is { Length: > 0 } own
            ? own
            : configuration.GetConnectionString(DatabaseOptions.ReplicaConnectionStringName) is { Length: > 0 } named ? named : null;

    /// <summary>
    /// Registers <see cref="DatabaseOptions"/> bound from the section <c>Database</c> and checked at start, with the connection
    /// string taken from <c>Database:ConnectionString</c>, else from <c>ConnectionStrings:ScholarGraph</c> (shipped as
    /// <c>Data Source=data/scholargraph.db</c>) and the read replica's from <see cref="ReplicaConnectionStringIn"/>, the store's context factory on that provider, and how the data layer's string
    /// operators are translated for it (<see cref="StoreStringMatching"/>).
    /// </summary>
    public static IServiceCollection AddScholarGraphDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<DatabaseOptions>(configuration, DatabaseOptions.SectionName)
            .PostConfigure(database =>
            {
                database.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
                database.ReplicaConnectionString = ReplicaConnectionStringIn(configuration);
            });
        services.AddScholarGraphStorage();
        services.AddSingleton(provider => StoreStringMatching.For(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        return services;
    }
}
