namespace ScholarGraph.Storage.Database;

/// <summary>
/// An exclusive lock on <c>FILE-migrations.lock</c> beside a SQLite store, held while its schema changes. The operating system
/// drops it when the process ends, however it ends (on Unix .NET takes it with <c>flock</c>; on Windows it is the file's share
/// mode), which EF Core's own lock, a row in the database, cannot promise.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    // How .NET reports a file another process holds: ERROR_SHARING_VIOLATION on Windows, flock's EWOULDBLOCK (the errno:
    // 11 on Linux, 35 on macOS) on Unix.
    private static readonly int[] HeldElsewhere = [unchecked((int)0x80070020), 11, 35];
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _file;

    private MigrationLock(FileStream file) => _file = file;

    /// <summary>Waits until no other process migrates the store of <paramref name="connectionString"/>; <c>null</c> for an in-memory store.</summary>
    public static async Task<MigrationLock?> AcquireAsync(string connectionString, CancellationToken cancellationToken)
    {
        if (SqliteStoreFile.PathOf(connectionString) is not { } store)
            return null;
        var path = SqliteStoreFile.MigrationLockOf(store);
        while (true)
        {
            try
            {
                return new MigrationLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (e.GetType() == typeof(IOException) && HeldElsewhere.Contains(e.HResult))
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>Releases the lock. The file stays: deleting it could let two processes lock two different files of one name.</summary>
    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
