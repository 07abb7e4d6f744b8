using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

    /// <summary>
    /// Applies the provider and connection string of <paramref name="options"/> to <paramref name="builder"/>. On SQLite every
    /// connection gets <see cref="DatabaseOptions.BusyTimeout"/>, and migrations are applied one transaction each (see
    /// <see cref="StoreSchema.EnsureAsync"/>). The SQL of every command is logged at Debug, not Information, so a default log
    /// is for operators.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        // A failed connection is not logged as an error here: the exception reaches the caller, which reports it once (a start
        // refused in one line, a request's error log).
        builder.ConfigureWarnings(warnings => warnings.Log((RelationalEventId.CommandExecuted, LogLevel.Debug), (RelationalEventId.ConnectionError, LogLevel.Debug)));
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ResolveSqliteConnectionString(options.ConnectionString))
                    .ReplaceService<IMigrationsSqlGenerator, TransactionalSqliteMigrationsSqlGenerator>()
                    .AddInterceptors(new SqliteConnectionSettings(options.BusyTimeout));
                break;
            case DatabaseProvider.InMemory:
                builder.UseInMemoryDatabase(string.IsNullOrWhiteSpace(options.ConnectionString) ? "scholargraph" : options.ConnectionString);
                break;
            case DatabaseProvider.Postgres:
                throw new InvalidOperationException(
                    "Database:Provider 'Postgres' is not available in this build yet; use 'Sqlite' or 'InMemory'.");
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{options.Provider}' is unknown; use 'Sqlite' or 'InMemory'.");
        }
        return builder;
    }

    /// <summary>
    /// Fills in the default SQLite file (<c>data/scholargraph.db</c>) and creates the folder of a file database, so that a first
    /// start on a fresh machine needs no set-up.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The folder cannot be created.</exception>
    private static string ResolveSqliteConnectionString(string? connectionString)
    {
        var resolved = string.IsNullOrWhiteSpace(connectionString) ? DatabaseOptions.DefaultSqliteConnectionString : connectionString;
        var folder = SqliteStoreFile.PathOf(resolved) is { } file ? Path.GetDirectoryName(file) : null;
        try
        {
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"The folder '{folder}' for the SQLite file cannot be created: {e.Message}", e);
        }
        return new SqliteConnectionStringBuilder(resolved).ToString();
    }
}
