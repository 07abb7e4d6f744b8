using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ScholarGraph.Storage.Database;

/// <summary>
/// Sets SQLite's <c>busy_timeout</c> on every connection as it opens: a write waiting for another connection's commit then
/// waits inside SQLite, retried in short steps, instead of failing with <c>SQLITE_BUSY</c> at once. (Microsoft.Data.Sqlite only
/// retries a busy statement every 150 ms.) The setting belongs to the connection, not the file, hence on every open.
/// </summary>
internal sealed class SqliteConnectionSettings(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA busy_timeout = {((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
