using Microsoft.Data.Sqlite;

namespace ScholarGraph.Storage.Database;

/// <summary>
/// Thrown when the store cannot be opened or created at all: its folder cannot be made, or SQLite cannot open, read or write its
/// file. The message says which file or folder and why, in words, without the connection string (which may hold a secret).
/// Nothing has been written when it is thrown.
/// </summary>
/// <param name="message">What cannot be opened, where, and why.</param>
/// <param name="innerException">The error the file system or SQLite reported.</param>
public sealed class StoreUnavailableException(string message, Exception innerException) : Exception(message, innerException)
{
    /// <summary>The exception for SQLite's refusal to open, read or write <paramref name="file"/>, or <c>null</c> for any other error.</summary>
    internal static StoreUnavailableException? FromSqlite(SqliteException error, string? file)
    {
        var reason = error.SqliteErrorCode switch
        {
            3 or 23 => "this user is not permitted to use it",
            5 => "another process holds it locked",
            8 => "it or its folder is read-only for this user",
            10 => "reading or writing it failed (a disk or file system error)",
            11 => "it is damaged (the database disk image is malformed); restore it from a backup",
            13 => "the disk is full",
            14 => "SQLite cannot open it (a folder of that name, a missing folder, or one this user may not read and write)",
            26 => "it is not a SQLite database",
            _ => null,
        };
        return reason is null ? null : new StoreUnavailableException($"The SQLite file '{file ?? ":memory:"}' cannot be used: {reason}.", error);
    }
}
