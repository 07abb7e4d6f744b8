using Microsoft.Extensions.Logging;
using Npgsql;

namespace ScholarGraph.Storage.Database.Replicas;

/// <summary>
/// Whether the read replica may take reads now. The server's replica monitor sets it from the replica's lag, and a read that fails
/// on the replica clears it (<see cref="ReportFailure"/>); the replica's contexts (<see cref="ReadReplicaContextFactory"/>) open
/// their connections on the primary while it is clear. It is clear until the first measurement says otherwise. Each change is
/// logged once (a warning when the replica stops taking reads, information when it takes them again), never per request.
/// </summary>
public sealed class ReplicaAvailability(string replicaConnectionString, ILogger<ReplicaAvailability> logger)
{
    private readonly Lock _gate = new();
    private readonly string _description = StoreDescription.PostgresDatabase(replicaConnectionString);
    // null before the first measurement, so that a replica found down at start is reported as well.
    private bool? _logged;
    private volatile bool _usable;

    /// <summary>Whether reads may go to the replica now.</summary>
    public bool IsUsable => _usable;

    /// <summary>Why the replica takes no reads, or <see langword="null"/> while it does or before its first measurement.</summary>
    public string? Reason { get; private set; }

    /// <summary>The replica in words (database, host and port; never a password), for messages.</summary>
    public string Description => _description;

    /// <summary>Lets reads go to the replica; logged when it did not take them before.</summary>
    public void SetUsable()
    {
        lock (_gate)
        {
            Reason = null;
            _usable = true;
            if (_logged == true)
                return;
            _logged = true;
        }
        logger.LogInformation("The read replica ({Replica}) takes the reads of queries.", _description);
    }

    /// <summary>Sends reads to the primary, for <paramref name="reason"/>; logged at warning when the replica took reads (or had not been measured).</summary>
    public void SetUnusable(string reason)
    {
        lock (_gate)
        {
            Reason = reason;
            _usable = false;
            if (_logged == false)
                return;
            _logged = false;
        }
        logger.LogWarning("The read replica ({Replica}) takes no reads: {Reason}. Reads go to the primary until it is back.", _description, reason);
    }

    /// <summary>
    /// Called when a read on the replica failed with <paramref name="exception"/>: the replica takes no reads until the monitor finds
    /// it well again, and its idle connections, which may be broken the same way, are dropped.
    /// </summary>
    public void ReportFailure(Exception exception)
    {
        SetUnusable($"a read failed ({exception.GetBaseException().Message.TrimEnd('.')})");
        using var connection = new NpgsqlConnection(replicaConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
