using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Hosting.Observability;

/// <summary>
/// Ready when the store answers a query. EF Core's own <c>CanConnect</c> only looks for a SQLite file, so a trivial query follows;
/// it never creates a missing file. The description is for the public health page and never quotes an exception (the log has it).
/// </summary>
internal sealed partial class StoreReachableCheck(IDbContextFactory<ScholarGraphDbContext> contexts, ILogger<StoreReachableCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The store cannot be reached.");
            if (db.Database.IsRelational())
                await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy("The store answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUnreachable(logger, exception);
            return HealthCheckResult.Unhealthy("The store cannot be reached.");
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "The readiness check could not reach the store.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}

/// <summary>Ready when every migration the server knows is applied to the store (always, on a provider without migrations).</summary>
internal sealed partial class MigrationsAppliedCheck(IDbContextFactory<ScholarGraphDbContext> contexts, ILogger<MigrationsAppliedCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!db.Database.IsRelational())
                return HealthCheckResult.Healthy("The store's provider has no migrations.");
            // Reading the history of a missing SQLite file would create it.
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The store cannot be reached, so its migrations cannot be read.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("Every migration is applied.")
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied yet.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUnreadable(logger, exception);
            return HealthCheckResult.Unhealthy("The store's migrations cannot be read.");
        }
    }

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "The readiness check could not read the store's migrations.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}

/// <summary>Ready once the graph index has its first snapshot; later rebuilds keep the previous one current, so stay ready.</summary>
internal sealed class GraphIndexBuiltCheck(GraphIndexHolder index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsBuilt
            ? HealthCheckResult.Healthy($"Built: {index.Current.Index.Papers.Count} papers, {index.Current.Index.Authors.Count} authors.")
            : HealthCheckResult.Unhealthy("The graph index is not built yet."));
}
