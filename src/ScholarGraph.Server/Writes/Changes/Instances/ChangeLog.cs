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
}
