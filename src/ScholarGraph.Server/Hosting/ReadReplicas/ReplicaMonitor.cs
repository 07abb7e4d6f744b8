using Microsoft.Extensions.Options;
using Npgsql;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Database.Replicas;

namespace ScholarGraph.Server.Hosting.ReadReplicas;

/// <summary>
/// Measures the read replica every <see cref="ReadReplicaOptions.ProbeInterval"/> and sets <see cref="ReplicaAvailability"/>: usable
/// while it answers and is at most <see cref="ReadReplicaOptions.MaxLag"/> behind the primary. The lag is the time since the
/// primary first held a WAL position the replica has not replayed, read from the primary positions of earlier probes, so an idle
/// primary does not make a caught-up replica look old (as the time since its last replayed commit would).
/// </summary>
internal sealed class ReplicaMonitor(IOptions<DatabaseOptions> database, IOptions<ReadReplicaOptions> options, ReplicaAvailability availability,
    TimeProvider time, ILogger<ReplicaMonitor> logger) : BackgroundService
{
    // The primary's position at each recent probe, oldest first; enough to measure lags up to a little beyond MaxLag.
    private readonly Queue<(DateTimeOffset At, long Written)> _primaryHistory = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.ProbeInterval, time);
        do
        {
            await ProbeAsync(settings, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Measures once and sets the availability; never throws but for cancellation.</summary>
    internal async Task ProbeAsync(ReadReplicaOptions settings, CancellationToken cancellationToken)
    {
        ReplicaPositions positions;
        try
        {
            positions = await ReplicaPositions.MeasureAsync(database.Value.ConnectionString!, database.Value.ReplicaConnectionString!, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // Also when the primary cannot be reached: then nothing can be compared, and reads would fail on the primary anyway.
            availability.SetUnusable($"it cannot be measured ({e.GetBaseException().Message.TrimEnd('.')})");
            logger.LogDebug(e, "Measuring the read replica failed");
            return;
        }

        var now = time.GetUtcNow();
        _primaryHistory.Enqueue((now, positions.PrimaryWritten));
        while (_primaryHistory.Count > 1 && now - _primaryHistory.Peek().At > settings.MaxLag + 2 * settings.ProbeInterval)
            _primaryHistory.Dequeue();
        var lag = Lag(positions, now);
        if (lag > settings.MaxLag)
            availability.SetUnusable($"it is {lag.TotalSeconds:0.0} s behind the primary, more than ReadReplica:MaxLag ({settings.MaxLag.TotalSeconds:0.0} s)"
                + (positions.LastReplayedCommit is { } last ? $"; its last replayed commit is from {last:u}" : ""));
        else
            availability.SetUsable();
    }

    private TimeSpan Lag(ReplicaPositions positions, DateTimeOffset now)
    {
        if (positions.CaughtUp)
            return TimeSpan.Zero;
        // The oldest probe at which the primary had already written past what the replica has replayed; the history is dropped
        // beyond the bound, so a replica behind for longer reads as behind since the oldest probe kept, which is over the bound.
        foreach (var (at, written) in _primaryHistory)
        {
            if (written > positions.ReplicaReplayed)
                return now - at;
        }
        return TimeSpan.Zero;
    }
}
