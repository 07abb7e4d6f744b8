using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ScholarGraph.Storage.Database;

/// <summary>What <see cref="StoreSchema.EnsureAsync"/> found and did.</summary>
public enum StoreSchemaOutcome
{
    /// <summary>The store was brought up to date by migrations (a new store, or one already under migrations).</summary>
    Migrated,

    /// <summary>
    /// The store was created by <c>EnsureCreated</c> before migrations existed; its tables matched the initial migration, so
    /// that migration was recorded as applied and later ones were run.
    /// </summary>
    Baselined,

    /// <summary>A provider without migrations (InMemory): the schema was created if missing.</summary>
    Created,
}

/// <summary>Thrown when the store's schema cannot be brought up to date safely; nothing has been changed when it is thrown.</summary>
/// <param name="message">What was found and how to rebuild the store.</param>
public sealed class StoreSchemaException(string message) : Exception(message);

/// <summary>
/// Brings the store's schema up to date: EF Core migrations on relational providers, so that data written by users survives
/// schema changes; <c>EnsureCreated</c> on InMemory, which has no schema to migrate.
/// </summary>
public static class StoreSchema
{
    private const string HistoryTable = "__EFMigrationsHistory";
    private const string EfTablePrefix = "__EF";

    // EF Core's SQLite migration lock (SqliteHistoryRepository.DefaultLockTableName): one row while a migration runs.
    private const string LockTable = "__EFMigrationsLock";

    /// <summary>
    /// Applies pending migrations. A SQLite store made by <c>EnsureCreated</c> before migrations (tables but no
    /// <c>__EFMigrationsHistory</c>) is baselined when its tables, columns and indexes equal those of the initial migration,
    /// and refused with a <see cref="StoreSchemaException"/> otherwise.
    /// </summary>
    /// <exception cref="StoreUnavailableException">SQLite cannot open, read or write the file.</exception>
    /// <remarks>
    /// On SQLite the file is switched to WAL (readers go on while a write commits), and migrations are safe to interrupt: each
    /// runs in one transaction, with foreign keys off on the connection for the table rebuilds SQLite needs (see
    /// <see cref="TransactionalSqliteMigrationsSqlGenerator"/>), so a process killed midway leaves the store as the last
    /// applied migration left it. Only one process migrates a file at a time: it holds <c>FILE-migrations.lock</c> beside
    /// the store, which the operating system releases when the process ends however it ends, so the lock row EF Core leaves
    /// behind a killed migration (<c>__EFMigrationsLock</c>) is known to be abandoned and is cleared rather than waited for.
    /// </remarks>
    public static async Task<StoreSchemaOutcome> EnsureAsync(ScholarGraphDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsRelational())
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
            return StoreSchemaOutcome.Created;
        }
        if (!db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync(cancellationToken);
            return StoreSchemaOutcome.Migrated;
        }

        var connection = db.Database.GetDbConnection();
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await ScalarAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        }
        catch (SqliteException e) when (StoreUnavailableException.FromSqlite(e, SqliteStoreFile.PathOf(connection.ConnectionString)) is { } unavailable)
        {
            await db.Database.CloseConnectionAsync();
            throw unavailable;
        }
        try
        {
            if (!await IsLegacyStoreAsync(db, cancellationToken) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                return StoreSchemaOutcome.Migrated;

            await using var exclusive = await MigrationLock.AcquireAsync(connection.ConnectionString, cancellationToken);
            var outcome = StoreSchemaOutcome.Migrated;
            // Asked again under the lock: another process may have done it meanwhile.
            if (await IsLegacyStoreAsync(db, cancellationToken))
            {
                await BaselineAsync(db, cancellationToken);
                outcome = StoreSchemaOutcome.Baselined;
            }
            await ClearAbandonedLockAsync(connection, cancellationToken);
            var foreignKeys = await ScalarAsync(connection, "PRAGMA foreign_keys;", cancellationToken);
            await ScalarAsync(connection, "PRAGMA foreign_keys = 0;", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                // The connection goes back to the pool afterwards; it must not keep foreign keys off.
                await ScalarAsync(connection, $"PRAGMA foreign_keys = {foreignKeys};", CancellationToken.None);
            }
            return outcome;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ClearAbandonedLockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        const string table = LockTable;
        if (Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'", cancellationToken), CultureInfo.InvariantCulture) > 0)
            await ScalarAsync(connection, $"DELETE FROM \"{table}\"", cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<bool> IsLegacyStoreAsync(ScholarGraphDbContext db, CancellationToken cancellationToken)
    {
        var tables = await ReadSchemaAsync(db.Database.GetDbConnection(), tablesOnly: true, cancellationToken);
        return tables.Count > 0 && !tables.Contains(HistoryTable);
    }

    private static async Task BaselineAsync(ScholarGraphDbContext db, CancellationToken cancellationToken)
    {
        var initial = db.Database.GetMigrations().First();
        var actual = await ReadSchemaAsync(db.Database.GetDbConnection(), tablesOnly: false, cancellationToken);
        var expected = await InitialSchemaAsync(db, initial, cancellationToken);
        if (!actual.SetEquals(expected))
        {
            var missing = expected.Except(actual).Take(5);
            var extra = actual.Except(expected).Take(5);
            throw new StoreSchemaException(
                $"The database '{db.Database.GetDbConnection().DataSource}' was created before ScholarGraph used migrations, and its "
                + $"tables differ from the initial migration '{initial}' (missing: {Describe(missing)}; unexpected: {Describe(extra)}). "
                + "It cannot be upgraded safely. Move the file (and its -wal and -shm files) away and start again to rebuild it "
                + "from the seed data; nothing was changed.");
        }

        var history = db.GetService<IHistoryRepository>();
        var script = history.GetCreateIfNotExistsScript() + history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion()));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
#pragma warning disable EF1002 // The script is EF Core's own, with no user input in it.
        await db.Database.ExecuteSqlRawAsync(script, cancellationToken);
#pragma warning restore EF1002
        await transaction.CommitAsync(cancellationToken);
    }

    // The schema the initial migration creates, read from a scratch in-memory database, so the comparison is with what
    // SQLite itself reports rather than with EF Core's model.
    private static async Task<HashSet<string>> InitialSchemaAsync(ScholarGraphDbContext db, string initial, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite("Data Source=:memory:").Options;
        await using var scratch = new ScholarGraphDbContext(options);
        await scratch.Database.OpenConnectionAsync(cancellationToken);
        await scratch.GetService<IMigrator>().MigrateAsync(initial, cancellationToken);
        return await ReadSchemaAsync(scratch.Database.GetDbConnection(), tablesOnly: false, cancellationToken);
    }

    /// <summary>One line per table (and, unless <paramref name="tablesOnly"/>, per column and index), in a comparable form.</summary>
    private static async Task<HashSet<string>> ReadSchemaAsync(DbConnection connection, bool tablesOnly, CancellationToken cancellationToken)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(cancellationToken);
        var lines = new HashSet<string>(StringComparer.Ordinal);
        await ReadLinesAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", lines, cancellationToken);
        if (tablesOnly)
            return lines;
        await ReadLinesAsync(connection,
            "SELECT m.name || '.' || c.name || ' ' || c.type || (CASE WHEN c.\"notnull\" THEN ' NOT NULL' ELSE '' END) || ' pk' || c.pk "
            + "FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            lines, cancellationToken);
        await ReadLinesAsync(connection,
            "SELECT 'index ' || name || ' ON ' || tbl_name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'",
            lines, cancellationToken);
        // EF Core's own bookkeeping (history, migration lock) is not part of the model's schema.
        lines.RemoveWhere(line => line.StartsWith(EfTablePrefix, StringComparison.Ordinal) || line.Contains(" ON " + EfTablePrefix, StringComparison.Ordinal));
        return lines;
    }

    private static async Task ReadLinesAsync(DbConnection connection, string sql, HashSet<string> lines, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(reader.GetString(0));
    }

    private static string Describe(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        return list.Count == 0 ? "nothing" : string.Join(", ", list);
    }
}
