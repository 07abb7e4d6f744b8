using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Hosting;

/// <summary>Registers the store the way the server and every command-line verb read it from the configuration.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DatabaseOptions"/> bound from the section <c>Database</c> and checked at start, with the connection
    /// string taken from <c>Database:ConnectionString</c>, else from <c>ConnectionStrings:ScholarGraph</c> (shipped as
    /// <c>Data Source=data/scholargraph.db</c>), the store's context factory on that provider, and how the data layer's string
    /// operators are translated for it (<see cref="StoreStringMatching"/>).
    /// </summary>
    public static IServiceCollection AddScholarGraphDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<DatabaseOptions>(configuration, DatabaseOptions.SectionName)
            .PostConfigure(database => database.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));
        services.AddScholarGraphStorage();
        services.AddSingleton(provider => StoreStringMatching.For(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        return services;
    }
}
