using Microsoft.Data.Sqlite;

namespace ScholarGraph.Storage.Database;

/// <summary>Tells a write that SQLite asks to be retried from one that failed for good.</summary>
public static class SqliteBusy
{
    private const int Busy = 5;    // SQLITE_BUSY: another connection holds the write lock, past the busy timeout; or (BUSY_SNAPSHOT) a
                                   // read transaction in WAL saw data another connection has since changed.
    private const int Locked = 6;  // SQLITE_LOCKED: a conflict on the same connection or shared cache.

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps, as EF Core's <c>DbUpdateException</c> does) is SQLite reporting the
    /// database busy or locked. Such a transaction wrote nothing (a <c>COMMIT</c> that fails so has not committed), so running
    /// it again from its start is safe.
    /// </summary>
    public static bool IsBusyOrLocked(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: Busy or Locked })
                return true;
        }
        return false;
    }
}
