using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ScholarGraph.Storage.Database.Replicas;

/// <summary>
/// Pooled contexts for reads on the read replica (<see cref="DatabaseOptions.ReplicaConnectionString"/>), which never fail for the
/// replica's sake: each connection opens on the replica while <see cref="ReplicaAvailability.IsUsable"/>, else on the primary, and a
/// read that fails on the replica for a reason of the connection (it stopped, restarted, or cancelled the query for a conflict with
/// recovery) marks the replica unusable and runs once more, on the primary. Writes never use these contexts.
/// </summary>
public sealed class ReadReplicaContextFactory : IDbContextFactory<ScholarGraphDbContext>
{
    private readonly PooledDbContextFactory<ScholarGraphDbContext> _pool;

    /// <summary>
    /// Contexts on the replica of <paramref name="options"/>, with <paramref name="interceptors"/> (as the primary's contexts
    /// have) and EF Core's logging to <paramref name="loggers"/>.
    /// </summary>
    public ReadReplicaContextFactory(DatabaseOptions options, ReplicaAvailability availability, IEnumerable<IInterceptor> interceptors, ILoggerFactory? loggers)
    {
        var replica = options.ReplicaConnectionString ?? throw new ArgumentException("No read replica is configured.", nameof(options));
        var builder = new DbContextOptionsBuilder<ScholarGraphDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = replica },
            npgsql => npgsql.ExecutionStrategy(dependencies => new RetryOnPrimary(dependencies, availability)));
        builder.AddInterceptors([new ReplicaOrPrimary(replica, options.ConnectionString!, availability), .. interceptors]);
        if (loggers is not null)
            builder.UseLoggerFactory(loggers);
        _pool = new PooledDbContextFactory<ScholarGraphDbContext>(builder.Options);
    }

    /// <inheritdoc />
    public ScholarGraphDbContext CreateDbContext() => _pool.CreateDbContext();

    /// <inheritdoc />
    public Task<ScholarGraphDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => _pool.CreateDbContextAsync(cancellationToken);

    /// <summary>Whether <paramref name="exception"/> is a failure of the replica's connection rather than of the query.</summary>
    internal static bool IsReplicaFailure(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        // 40001 covers "canceling statement due to conflict with recovery" (a hot standby replaying WAL the query needed).
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure } => true,
        _ => exception.InnerException is { } inner && IsReplicaFailure(inner),
    };

    // Chooses the server at every open, so a pooled context that last read the primary reads the replica again once it is back.
    private sealed class ReplicaOrPrimary(string replica, string primary, ReplicaAvailability availability) : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Choose(connection);
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Choose(connection);
            return ValueTask.FromResult(result);
        }

        private void Choose(DbConnection connection)
        {
            var wanted = availability.IsUsable ? replica : primary;
            if (!string.Equals(connection.ConnectionString, wanted, StringComparison.Ordinal))
                connection.ConnectionString = wanted;
        }
    }

    // One more attempt, at once, after a failure of the replica: by then the replica is marked unusable, so it opens on the primary.
    private sealed class RetryOnPrimary(ExecutionStrategyDependencies dependencies, ReplicaAvailability availability)
        : ExecutionStrategy(dependencies, maxRetryCount: 1, maxRetryDelay: TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception)
        {
            if (!IsReplicaFailure(exception))
                return false;
            availability.ReportFailure(exception);
            return true;
        }

        protected override TimeSpan? GetNextDelay(Exception lastException) => base.GetNextDelay(lastException) is null ? null : TimeSpan.Zero;
    }
}
