namespace ScholarGraph.Storage.Database.ChangeLog;

/// <summary>
/// One committed write's changes, as the PostgreSQL table <c>GraphChanges</c> keeps them for the other instances of the server: written
/// in the write's own transaction, announced with <c>NOTIFY</c> (<see cref="StoredGraphChange.Channel"/>, the id as payload), and read
/// back in id order by instances that catch up. Only PostgreSQL has this table: one SQLite file is served by one instance.
/// </summary>
public sealed class StoredGraphChange
{
    /// <summary>The <c>LISTEN</c>/<c>NOTIFY</c> channel that announces new rows.</summary>
    public const string Channel = "scholargraph_changes";

    /// <summary>The id, increasing in commit order (writers take <see cref="WriterLockKey"/> before they insert).</summary>
    public long Id { get; set; }

    /// <summary>When the write stored it, just before its commit (the database server's clock).</summary>
    public DateTimeOffset CommittedAt { get; set; }

    /// <summary>The instance that made the write (its id, made at its start), which has already applied it.</summary>
    public string Instance { get; set; } = "";

    /// <summary>A fingerprint of the caller that wrote (never the caller's name or address), so other instances route its reads to the primary too; null when unknown.</summary>
    public string? Writer { get; set; }

    /// <summary>The changes, as JSON text (the server's format; this project does not read it).</summary>
    public string Changes { get; set; } = "[]";

    /// <summary>
    /// The key of the transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>) every writer holds from inserting its row to
    /// its commit, so that ids become visible in increasing order and a reader that has seen id n never later finds a smaller one.
    /// </summary>
    public const long WriterLockKey = 0x5343_4847_4348_4e47; // "SCHGCHNG"
}
