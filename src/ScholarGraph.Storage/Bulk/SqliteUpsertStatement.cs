using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ScholarGraph.Storage.Bulk;

/// <summary>
/// One table's upsert on SQLite, prepared once on the connection's own handle (<c>sqlite3_prepare_v2</c>) and run per row with its
/// values bound by position, then reset: no command object, no parameter looked up by name, no data reader per row. The transaction
/// is the connection's (SQLite has one per connection).
/// </summary>
internal sealed class SqliteUpsertStatement : IUpsertRows
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly string _table;
    // Text is encoded into this buffer and bound from it (SQLite copies it), rather than into a new array per value.
    private byte[] _text = new byte[1024];

    public SqliteUpsertStatement(SqliteConnection connection, UpsertShape shape)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        _table = shape.Table;
        // "WHERE true" is not needed after VALUES; ?N binds by position.
        var sql = $"INSERT INTO {shape.Table} ({string.Join(", ", shape.Columns)}) "
                  + $"VALUES ({string.Join(", ", shape.Columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))}) {shape.OnConflict}";
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public bool KeepsRows => false;

    public int Waiting => 0;

    public void Stage() { }

    public int Write(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            Check(Bind(i + 1, values[i]));
        var rc = raw.sqlite3_step(_statement);
        // A failed step's error is reported by the reset too; reset first so the statement is usable (and the error read) either way.
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
            Check(rc);
        return raw.sqlite3_changes(_db);
    }

    public int Flush() => 0;

    public long CountRows()
    {
        Check(raw.sqlite3_prepare_v2(_db, $"SELECT COUNT(*) FROM {_table}", out var count));
        using (count)
        {
            Check(raw.sqlite3_step(count) == raw.SQLITE_ROW ? raw.SQLITE_OK : raw.sqlite3_errcode(_db));
            return raw.sqlite3_column_int64(count, 0);
        }
    }

    // The store forms are Microsoft.Data.Sqlite's (what EF Core writes through it), so rows read back the same whichever wrote them.
    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string text => BindText(index, text),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        short number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        float number => raw.sqlite3_bind_double(_statement, index, number),
        DateOnly date => BindText(index, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime at => BindText(index, at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"The SQLite bulk writer cannot bind a {value.GetType().Name} (a column of {_table})."),
    };

    private int BindText(int index, string text)
    {
        var most = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _text.Length)
            _text = new byte[Math.Max(most, _text.Length * 2)];
        var length = System.Text.Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, length));
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
