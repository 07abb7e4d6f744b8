using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ScholarGraph.Storage.Database.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ScholarGraph.Storage.Database;

/// <summary>Registers the store with dependency injection.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{TContext}"/> for <see cref="ScholarGraphDbContext"/> (resolvers running in
    /// parallel each create their own short-lived context) with the provider chosen by the registered
    /// <see cref="IOptions{TOptions}"/> of <see cref="DatabaseOptions"/> (register and bind those first). Every
    /// <see cref="IInterceptor"/> registered as a service is added to the contexts (for telemetry, and for tests that count queries).
    /// </summary>
    public static IServiceCollection AddScholarGraphStorage(this IServiceCollection services)
    {
        services.AddPooledDbContextFactory<ScholarGraphDbContext>((provider, builder) =>
            Configure(builder, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value).AddInterceptors(provider.GetServices<IInterceptor>()));
        return services;
    }

    /// <summary>The SQLite store used when no connection string is configured: <c>Data Source=data/scholargraph.db</c>.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/scholargraph.db";

    /// <summary>Applies the provider and connection string of <paramref name="options"/> to <paramref name="builder"/>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ResolveSqliteConnectionString(options.ConnectionString));
                break;
            case DatabaseProvider.InMemory:
                builder.UseInMemoryDatabase(string.IsNullOrWhiteSpace(options.ConnectionString) ? "scholargraph" : options.ConnectionString);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString).SortNullsFirst();
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{options.Provider}' is unknown; use 'Sqlite', 'Postgres' or 'InMemory'.");
        }
        return builder;
    }

    /// <summary>
    /// Fills in the default SQLite file (<c>data/scholargraph.db</c>) and creates the folder of a file database, so that a first
    /// start on a fresh machine needs no set-up.
    /// </summary>
    private static string ResolveSqliteConnectionString(string? connectionString)
    {
        if (StoreDescription.SqliteFile(connectionString) is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        return string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString;
    }
}
