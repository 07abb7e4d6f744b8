using Npgsql;

namespace ScholarGraph.Storage.Database.Replicas;

/// <summary>
/// Where a streaming replica stands against its primary, in WAL positions (bytes since the start of the WAL): how far the primary
/// has written (<c>pg_current_wal_lsn()</c>) and how far the replica has replayed (<c>pg_last_wal_replay_lsn()</c>), with the commit
/// time of the last transaction it replayed (<c>pg_last_xact_replay_timestamp()</c>).
/// </summary>
/// <param name="PrimaryWritten">The primary's current WAL position.</param>
/// <param name="ReplicaReplayed">The replica's last replayed position; null when it is not a standby (not in recovery).</param>
/// <param name="LastReplayedCommit">When the last transaction the replica replayed committed on the primary, if any.</param>
public sealed record ReplicaPositions(long PrimaryWritten, long? ReplicaReplayed, DateTimeOffset? LastReplayedCommit)
{
    /// <summary>Whether the replica has replayed everything the primary had written when it was measured.</summary>
    public bool CaughtUp => ReplicaReplayed is not { } replayed || replayed >= PrimaryWritten;

    /// <summary>
    /// Measures both servers, the primary first: a replica that has replayed up to the primary's position has everything committed
    /// before the measurement began.
    /// </summary>
    /// <exception cref="NpgsqlException">Either server cannot be reached or refuses the query.</exception>
    public static async Task<ReplicaPositions> MeasureAsync(string primaryConnectionString, string replicaConnectionString, CancellationToken cancellationToken)
    {
        long written;
        await using (var primary = new NpgsqlConnection(primaryConnectionString))
        {
            await primary.OpenAsync(cancellationToken);
            await using var position = new NpgsqlCommand("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint", primary);
            written = (long)(await position.ExecuteScalarAsync(cancellationToken))!;
        }
        await using var replica = new NpgsqlConnection(replicaConnectionString);
        await replica.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint, pg_last_xact_replay_timestamp()", replica);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var replayed = reader.GetBoolean(0) && !reader.IsDBNull(1) ? reader.GetInt64(1) : (long?)null;
        var lastCommit = reader.IsDBNull(2) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(2);
        return new ReplicaPositions(written, replayed, lastCommit);
    }
}
