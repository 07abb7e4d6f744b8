using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Hosting;

/// <summary>Registers the store the way the server and every command-line verb read it from the configuration.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DatabaseOptions"/> bound from the section <c>Database</c> and checked at start, with the connection
    /// string taken from <c>Database:ConnectionString</c>, else from <c>ConnectionStrings:ScholarGraph</c> (shipped as
    /// <c>Data Source=data/scholargraph.db</c>), and the store's context factory on that provider.
    /// </summary>
    public static IServiceCollection AddScholarGraphDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<DatabaseOptions>(configuration, DatabaseOptions.SectionName)
            .PostConfigure(database => database.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));
        services.AddScholarGraphStorage();
        return services;
    }
}
