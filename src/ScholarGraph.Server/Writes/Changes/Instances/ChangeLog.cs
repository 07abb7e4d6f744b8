using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Database.ChangeLog;

namespace ScholarGraph.Server.Writes.Changes.Instances;

/// <summary>
/// Writes each committed write's changes to the PostgreSQL change log (<see cref="StoredGraphChange"/>) inside the write's own
/// transaction, and announces it with <c>NOTIFY</c>, which PostgreSQL delivers only when the transaction commits: the other
/// instances (<see cref="ChangeFeed"/>) then apply it as this one applies its own writes. Does nothing on SQLite and InMemory.
/// </summary>
public sealed class ChangeLog(IOptions<DatabaseOptions> database)
{
    /// <summary>This instance's id in the log, new at every start, so its feed skips the writes it has already applied.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Whether the store is shared by instances (PostgreSQL), so that writes are logged and followed.</summary>
    public bool IsShared => database.Value.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Stages the log row of <paramref name="changes"/> in <paramref name="db"/>, to be saved with the write's rows; call it inside
    /// the write's transaction after its handler. It first takes the writers' advisory lock (<see cref="StoredGraphChange.WriterLockKey"/>),
    /// held to the commit, so log ids become visible in order. Returns the row, or null when nothing is logged.
    /// </summary>
    public async Task<StoredGraphChange?> StageAsync(ScholarGraphDbContext db, IReadOnlyList<GraphChange> changes, string? writer, CancellationToken cancellationToken)
    {
        if (!IsShared || changes.Count == 0)
            return null;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({StoredGraphChange.WriterLockKey})", cancellationToken);
        var row = new StoredGraphChange { Instance = Instance, Writer = writer, Changes = GraphChangeJson.Serialize(changes) };
        db.Set<StoredGraphChange>().Add(row);
        return row;
    }

    /// <summary>Announces <paramref name="row"/>, once saved, to the listening instances; delivered when the transaction commits.</summary>
    public static Task AnnounceAsync(ScholarGraphDbContext db, StoredGraphChange row, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({StoredGraphChange.Channel}, {row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)})", cancellationToken);

    /// <summary>
    /// Logs one <see cref="BulkChange"/> for a bulk write made outside any running instance (the <c>load</c> and <c>import</c>
    /// verbs) and announces it, in a transaction of its own after the bulk write committed: every instance's feed then rebuilds its
    /// graph index from the store, rather than follow millions of rows one by one, and serves the data without a restart. Does
    /// nothing unless <paramref name="db"/> is on PostgreSQL. A process killed between the bulk write's commit and this call leaves
    /// the write unannounced (the instances see it at their next start or rebuild).
    /// </summary>
    /// <param name="db">The context the bulk write used.</param>
    /// <param name="reason">What was written, for the instances' logs (for example "scholargraph load of 12 files").</param>
    /// <param name="cancellationToken">Stops the logging; the bulk write stays.</param>
    /// <returns>Whether a change was logged.</returns>
    public static async Task<bool> LogBulkWriteAsync(ScholarGraphDbContext db, string reason, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
            return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({StoredGraphChange.WriterLockKey})", cancellationToken);
        // An instance id of its own: no running instance has applied this change, so every one does.
        var row = new StoredGraphChange { Instance = "bulk-" + Guid.NewGuid().ToString("N"), Changes = GraphChangeJson.Serialize([new BulkChange(reason)]) };
        db.Set<StoredGraphChange>().Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await AnnounceAsync(db, row, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
