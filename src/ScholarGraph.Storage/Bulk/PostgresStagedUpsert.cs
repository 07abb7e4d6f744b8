using System.Globalization;
using Npgsql;

namespace ScholarGraph.Storage.Bulk;

/// <summary>
/// One table's upsert on PostgreSQL, in sets: rows are kept in memory until <see cref="Flush"/>, which sends them with binary
/// <c>COPY</c> into a temporary staging table shaped like the table (<c>LIKE</c>, plus the order the rows came in) and then
/// upserts them from it in one statement, the same <c>ON CONFLICT</c> clause as a row-by-row upsert:
/// <code>INSERT INTO "T" (k, a) SELECT DISTINCT ON (k) k, a FROM stage ORDER BY k, ordinal DESC ON CONFLICT (k) ...</code>
/// A key given twice among the kept rows takes the last row, as upserting them one by one would (one statement cannot change a
/// row twice). The staging table is created in the writer's transaction and dropped at its commit.
/// </summary>
/// <remarks>
/// <see cref="Stage"/> sends the kept rows to the staging table without the upsert, so a writer may stage many batches (and hold
/// none in memory) and upsert them all at its end: the seed loader does so to write its tables parents first, whatever the order
/// of its files (<see cref="BulkSeedLoader"/>).
/// </remarks>
internal sealed class PostgresStagedUpsert : IUpsertRows
{
    private const string OrdinalColumn = "\"import_ordinal\"";

    private readonly NpgsqlConnection _connection;
    private readonly UpsertShape _shape;
    private readonly string _stage;
    private readonly List<object?[]> _rows = [];
    private bool _staged;
    // The order of the next row among the rows staged since the last upsert (the last of a key's rows wins).
    private int _ordinal;
    // Whether the staging table holds rows the next upsert must write.
    private bool _stagedRows;

    public PostgresStagedUpsert(NpgsqlConnection connection, UpsertShape shape)
    {
        _connection = connection;
        _shape = shape;
        _stage = $"\"import_stage_{shape.TableName}\"";
    }

    public bool KeepsRows => true;

    public int Waiting => _rows.Count;

    public int Write(object?[] values)
    {
        _rows.Add(values);
        return 0;
    }

    public void Stage()
    {
        if (_rows.Count == 0)
            return;
        if (!_staged)
        {
            // Temporary tables belong to the session; ON COMMIT DROP ties this one to the transaction that made it, so a rolled
            // back batch leaves none behind and the next batch makes its own.
            Run($"CREATE TEMPORARY TABLE IF NOT EXISTS {_stage} (LIKE {_shape.Table}) ON COMMIT DROP; "
                + $"ALTER TABLE {_stage} ADD COLUMN IF NOT EXISTS {OrdinalColumn} integer");
            _staged = true;
        }
        var columns = string.Join(", ", _shape.Columns);
        using (var copy = _connection.BeginBinaryImport($"COPY {_stage} ({columns}, {OrdinalColumn}) FROM STDIN (FORMAT BINARY)"))
        {
            copy.Timeout = TimeSpan.Zero;
            foreach (var row in _rows)
            {
                copy.StartRow();
                foreach (var value in row)
                {
                    if (value is null)
                        copy.WriteNull();
                    else
                        copy.Write(value);
                }
                copy.Write(_ordinal++);
            }
            copy.Complete();
        }
        _rows.Clear();
        _stagedRows = true;
    }

    public int Flush()
    {
        Stage();
        if (!_stagedRows)
            return 0;
        var columns = string.Join(", ", _shape.Columns);
        var keys = string.Join(", ", _shape.Keys);
        var changed = Run(
            $"INSERT INTO {_shape.Table} ({columns}) SELECT DISTINCT ON ({keys}) {columns} FROM {_stage} "
            + $"ORDER BY {keys}, {OrdinalColumn} DESC {_shape.OnConflict}");
        Run($"TRUNCATE {_stage}");
        _ordinal = 0;
        _stagedRows = false;
        return changed;
    }

    public long CountRows()
    {
        using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM {_shape.Table}", _connection);
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // Commands on a connection join its open transaction without naming it (Npgsql has one transaction per connection). A bulk
    // statement's time grows with the rows staged (a million papers' citations take minutes), so it has no command timeout: the
    // 30 s default stopped a 1,000,000-paper load at its last upsert.
    private int Run(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        return command.ExecuteNonQuery();
    }

    // A transaction cut short (an exception) leaves its rows here; they are the transaction's, which is rolled back.
    public void Dispose() => _rows.Clear();
}
