using Microsoft.Data.Sqlite;

namespace ScholarGraph.Storage.Database;

/// <summary>Where a SQLite connection string keeps its data.</summary>
public static class SqliteStoreFile
{
    /// <summary>
    /// The full path of the database file <paramref name="connectionString"/> opens (relative paths are taken from the working
    /// directory, as SQLite takes them), or <c>null</c> for an in-memory database.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is malformed or has a keyword SQLite does not know.</exception>
    public static string? PathOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "";
        return inMemory ? null : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>The lock file beside <paramref name="databaseFile"/> that a process migrating it holds (see <see cref="StoreSchema.EnsureAsync"/>).</summary>
    public static string MigrationLockOf(string databaseFile) => databaseFile + "-migrations.lock";

    /// <summary>
    /// <paramref name="databaseFile"/> and the files SQLite and ScholarGraph keep beside it (<c>-wal</c>, <c>-shm</c>,
    /// <c>-journal</c>, the migration lock): what to move or delete together.
    /// </summary>
    public static IReadOnlyList<string> WithCompanions(string databaseFile) =>
        [databaseFile, databaseFile + "-wal", databaseFile + "-shm", databaseFile + "-journal", MigrationLockOf(databaseFile)];
}
