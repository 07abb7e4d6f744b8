using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using ScholarGraph.Storage.Database.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using ScholarGraph.Storage.Database.Replicas;

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
    /// Registers the read replica that <see cref="DatabaseOptions.ReplicaConnectionString"/> names: its
    /// <see cref="ReplicaAvailability"/> and its <see cref="ReadReplicaContextFactory"/> (with the same interceptors as the
    /// primary's). Call it only when a replica is configured; the primary's factory stays the store's
    /// <see cref="IDbContextFactory{TContext}"/>.
    /// </summary>
    public static IServiceCollection AddScholarGraphReadReplica(this IServiceCollection services)
    {
        services.AddSingleton(provider => new ReplicaAvailability(
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ReplicaConnectionString!, provider.GetRequiredService<ILogger<ReplicaAvailability>>()));
        services.AddSingleton(provider => new ReadReplicaContextFactory(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            provider.GetRequiredService<ReplicaAvailability>(), provider.GetServices<IInterceptor>(), provider.GetService<ILoggerFactory>()));
        return services;
    }

    /// <summary>
    /// Applies the provider and connection string of <paramref name="options"/> to <paramref name="builder"/>. On SQLite every
    /// connection gets <see cref="DatabaseOptions.BusyTimeout"/>, and migrations are applied one transaction each (see
    /// <see cref="StoreSchema.EnsureAsync"/>). The SQL of every command is logged at Debug, not Information, so a default log
    /// is for operators.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        Configure(builder, options, postgres: null);

    /// <summary>As <see cref="Configure(DbContextOptionsBuilder, DatabaseOptions)"/>, with <paramref name="postgres"/> applied to Npgsql's options on PostgreSQL.</summary>
    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options, Action<NpgsqlDbContextOptionsBuilder>? postgres)
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
                builder.UseNpgsql(options.ConnectionString, npgsql => postgres?.Invoke(npgsql)).SortNullsFirst();
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
