using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace ScholarGraph.Storage.Bulk;

/// <summary>
/// Writes rows of one entity type as upserts on an open connection and transaction. Table, columns, key and value conversions all
/// come from the EF Core model, so a change to the mappings changes this SQL with it:
/// <code>INSERT INTO "T" (k, a, b) &lt;rows&gt;
/// ON CONFLICT (k) DO UPDATE SET a = excluded.a, b = excluded.b
/// WHERE "T".a IS DISTINCT FROM excluded.a OR "T".b IS DISTINCT FROM excluded.b</code>
/// (the same clause on SQLite and PostgreSQL) so a row that exists with the same values is not touched (the database then reports 0
/// rows changed), and a table whose columns are all key columns uses <c>DO NOTHING</c>. A writer made with a list of merged
/// properties (the importer's) changes only those on a conflict, and keeps a stored value where the new one is null:
/// <c>SET a = COALESCE(excluded.a, "T".a)</c>.
/// </summary>
/// <remarks>
/// How the rows reach the database depends on the store (profiled on the real OpenAlex file, bench/README.md):
/// <list type="bullet">
/// <item>SQLite: each row at once, through one statement prepared on SQLite's own handle (<see cref="SqliteUpsertStatement"/>) with
/// its values bound by position: Microsoft.Data.Sqlite's command looks every parameter up by name at every execution, which cost
/// twice SQLite's own work per row.</item>
/// <item>PostgreSQL: rows are kept until <see cref="Flush"/>, then sent with binary <c>COPY</c> into a temporary staging table and
/// upserted from it by one statement (<see cref="PostgresStagedUpsert"/>): a round trip per batch instead of one per row.</item>
/// </list>
/// </remarks>
internal abstract class UpsertTableWriter : IDisposable
{
    private readonly IUpsertRows _rows;
    private readonly ColumnBinding[] _columns;
    // The values of a row bound at once (SQLite), reused from row to row.
    private readonly object?[] _values;

    private protected UpsertTableWriter(IUpsertRows rows, ColumnBinding[] columns, string table)
    {
        _rows = rows;
        _columns = columns;
        _values = new object?[columns.Length];
        Table = table;
    }

    /// <summary>The table's name, delimited for SQL.</summary>
    public string Table { get; }

    /// <summary>Rows handed to the writer.</summary>
    public long Offered { get; private set; }

    /// <summary>Rows the database inserted or changed (on PostgreSQL, of the rows flushed so far).</summary>
    public long Written { get; private set; }

    /// <summary>Whether rows handed to the writer may still wait to be written (PostgreSQL), so that <see cref="Flush"/> is needed before the table is read.</summary>
    public bool HasWaitingRows => _rows.Waiting > 0;

    /// <summary>Creates the writer of <typeparamref name="T"/>'s table.</summary>
    /// <param name="db">The context whose model maps the table.</param>
    /// <param name="connection">The open connection to write through (SQLite or PostgreSQL).</param>
    /// <param name="transaction">The transaction the writes belong to.</param>
    /// <param name="mergedProperties">
    /// Null (the default) to overwrite every non-key column of an existing row; else the properties an existing row takes from the
    /// new one, each only where the new value is not null (an empty list leaves existing rows alone).
    /// </param>
    /// <exception cref="NotSupportedException">The connection is neither SQLite's nor PostgreSQL's.</exception>
    public static UpsertTableWriter<T> Create<T>(
        DbContext db, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string>? mergedProperties = null) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of {db.GetType().Name}.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var storeObject = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var table = sql.DelimitIdentifier(tableName, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property, which the bulk writer cannot read from a row.");
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(storeObject)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} has no column in {tableName}."));

        var keys = entity.FindPrimaryKey()!.Properties;
        var updated = properties.Where(p => !keys.Contains(p) && (mergedProperties is null || mergedProperties.Contains(p.Name)));
        var values = updated.Select(Column).ToArray();
        string NewValue(string c) => mergedProperties is null ? $"excluded.{c}" : $"COALESCE(excluded.{c}, {table}.{c})";
        var conflict = values.Length == 0
            ? "DO NOTHING"
            : $"DO UPDATE SET {string.Join(", ", values.Select(c => $"{c} = {NewValue(c)}"))} "
              + $"WHERE {string.Join(" OR ", values.Select(c => $"{table}.{c} IS DISTINCT FROM {NewValue(c)}"))}";
        var shape = new UpsertShape(table, tableName, properties.Select(Column).ToArray(), keys.Select(Column).ToArray(),
            $"ON CONFLICT ({string.Join(", ", keys.Select(Column))}) {conflict}");

        var columns = properties.Select(p => new ColumnBinding(p.GetGetter(), ((RelationalTypeMapping)p.GetTypeMapping()).Converter)).ToArray();
        IUpsertRows rows = connection switch
        {
            SqliteConnection sqlite => new SqliteUpsertStatement(sqlite, shape),
            NpgsqlConnection postgres => new PostgresStagedUpsert(postgres, shape),
            _ => throw new NotSupportedException($"The bulk writers write SQLite or PostgreSQL, not {connection.GetType().Name}."),
        };
        return new UpsertTableWriter<T>(rows, columns, table);
    }

    /// <summary>Hands one row's values (converted to the store's types) to the database, or keeps them for <see cref="Flush"/>.</summary>
    private protected void Execute(object row)
    {
        var values = _rows.KeepsRows ? new object?[_columns.Length] : _values;
        for (var i = 0; i < values.Length; i++)
        {
            var value = _columns[i].Getter.GetClrValue(row);
            values[i] = value is not null && _columns[i].Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
        Offered++;
        Written += _rows.Write(values);
    }

    /// <summary>Rows handed to the writer and kept in memory (PostgreSQL): <see cref="Stage"/> or <see cref="Flush"/> sends them.</summary>
    public int Waiting => _rows.Waiting;

    /// <summary>
    /// Sends the rows kept so far to the staging table without writing them to the table (PostgreSQL), so they leave memory and
    /// the next <see cref="Flush"/> writes them; does nothing where rows are written at once (SQLite).
    /// </summary>
    public void Stage() => _rows.Stage();

    /// <summary>Writes the rows kept and staged so far (PostgreSQL); does nothing where rows are written at once (SQLite).</summary>
    public void Flush() => Written += _rows.Flush();

    /// <summary>Counts the table's rows (the rows kept so far are flushed first).</summary>
    public long CountRows()
    {
        Flush();
        return _rows.CountRows();
    }

    /// <inheritdoc />
    public void Dispose() => _rows.Dispose();

    /// <summary>Where a column's value comes from.</summary>
    internal sealed record ColumnBinding(IClrPropertyGetter Getter, ValueConverter? Converter);
}

/// <summary>The <see cref="UpsertTableWriter"/> of <typeparamref name="T"/>'s table.</summary>
internal sealed class UpsertTableWriter<T> : UpsertTableWriter where T : class
{
    internal UpsertTableWriter(IUpsertRows rows, ColumnBinding[] columns, string table) : base(rows, columns, table) { }

    /// <summary>Upserts <paramref name="row"/> (on PostgreSQL at the next <see cref="UpsertTableWriter.Flush"/>).</summary>
    public void Write(T row) => Execute(row);
}
