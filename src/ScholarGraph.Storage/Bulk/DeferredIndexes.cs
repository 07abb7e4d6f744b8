using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ScholarGraph.Storage.Bulk;

/// <summary>
/// Builds the secondary indexes of tables that are empty when a bulk write begins after their rows rather than row by row: within
/// the writer's transaction each such index is dropped before the first write and created again, from its own statement in
/// <c>sqlite_master</c> (so the migration that made it stays its one definition), by <see cref="Complete"/> before the commit.
/// SQLite's DDL is transactional: a batch that fails or is cancelled rolls back with its indexes as they were, and a store is
/// never left without them. Only SQLite's writers use it; on another connection it does nothing.
/// </summary>
/// <remarks>
/// One sorted build per index instead of an insertion per row: on the real OpenAlex file's rows (about 110,000 in thirteen
/// tables, 62,000 of them waiting references) SQLite's own work fell from about 400 ms to about 200 ms (bench/README.md).
/// Key (primary and UNIQUE) indexes stay, since upserts find their conflicts through them, and so does any index of a table
/// that holds rows, which the batch's statements may read through it.
/// </remarks>
internal sealed class DeferredIndexes
{
    private readonly SqliteConnection? _connection;
    private readonly SqliteTransaction? _transaction;
    private readonly List<string> _dropped = [];

    private DeferredIndexes(SqliteConnection? connection, SqliteTransaction? transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>How many indexes were dropped, to be built again by <see cref="Complete"/>.</summary>
    public int Count => _dropped.Count;

    /// <summary>
    /// Drops the secondary indexes of those of <paramref name="tables"/> (unquoted names) that hold no row, before the bulk writer's
    /// statements are prepared (a schema change makes SQLite prepare them again).
    /// </summary>
    public static DeferredIndexes Begin(DbConnection connection, DbTransaction transaction, IEnumerable<string> tables)
    {
        if (connection is not SqliteConnection sqlite)
            return new DeferredIndexes(null, null);
        var deferred = new DeferredIndexes(sqlite, (SqliteTransaction)transaction);
        foreach (var table in tables.Distinct(StringComparer.Ordinal))
            deferred.Defer(table);
        return deferred;
    }

    private void Defer(string table)
    {
        if (Scalar($"SELECT EXISTS (SELECT 1 FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\")") is not 0L)
            return;
        // Indexes SQLite made for a PRIMARY KEY or UNIQUE constraint have no statement (sql is null) and cannot be dropped; an
        // index declared UNIQUE enforces a rule the batch's rows must meet as they go in, so it stays too.
        var indexes = new List<(string Name, string Sql)>();
        using (var command = Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL"))
        {
            command.Parameters.AddWithValue("@table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var sql = reader.GetString(1);
                if (!sql.TrimStart().StartsWith("CREATE UNIQUE", StringComparison.OrdinalIgnoreCase))
                    indexes.Add((reader.GetString(0), sql));
            }
        }
        foreach (var (name, sql) in indexes)
        {
            Execute($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            _dropped.Add(sql);
        }
    }

    /// <summary>Creates the dropped indexes again over the rows written; call it after the last write and before the commit. Calling it again does nothing.</summary>
    public void Complete()
    {
        foreach (var sql in _dropped)
            Execute(sql);
        _dropped.Clear();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection!.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }
}
