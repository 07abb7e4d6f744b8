using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ScholarGraph.Storage.Bulk;

/// <summary>
/// Writes rows of one entity type through one prepared, parameterised upsert on an open connection and transaction. Table, columns,
/// key and value conversions all come from the EF Core model, so a change to the mappings changes this SQL with it:
/// <code>INSERT INTO "T" (k, a, b) VALUES (@p0, @p1, @p2)
/// ON CONFLICT (k) DO UPDATE SET a = excluded.a, b = excluded.b
/// WHERE "T".a IS DISTINCT FROM excluded.a OR "T".b IS DISTINCT FROM excluded.b</code>
/// (the same SQL on SQLite and PostgreSQL) so a row that exists with the same values is not touched (the database then reports 0
/// rows changed), and a table whose columns are all key columns uses <c>DO NOTHING</c>. A writer made with a list of merged properties (the importer's) changes only those on a
/// conflict, and keeps a stored value where the new one is null: <c>SET a = COALESCE(excluded.a, "T".a)</c>.
/// </summary>
internal abstract class UpsertTableWriter : IDisposable
{
    private readonly DbCommand _command;

    protected UpsertTableWriter(DbCommand command, string table)
    {
        _command = command;
        Table = table;
    }

    /// <summary>The table's name, delimited for SQL.</summary>
    public string Table { get; }

    /// <summary>Rows handed to the writer.</summary>
    public long Offered { get; private set; }

    /// <summary>Rows the database inserted or changed.</summary>
    public long Written { get; private set; }

    /// <summary>Creates the writer of <typeparamref name="T"/>'s table.</summary>
    /// <param name="db">The context whose model maps the table.</param>
    /// <param name="connection">The open connection to write through.</param>
    /// <param name="transaction">The transaction the writes belong to.</param>
    /// <param name="mergedProperties">
    /// Null (the default) to overwrite every non-key column of an existing row; else the properties an existing row takes from the
    /// new one, each only where the new value is not null (an empty list leaves existing rows alone).
    /// </param>
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

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", properties.Select(Column))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))}) "
            + $"ON CONFLICT ({string.Join(", ", keys.Select(Column))}) {conflict}";
        var columns = new ColumnBinding[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var mapping = (RelationalTypeMapping)properties[i].GetTypeMapping();
            var parameter = mapping.CreateParameter(command, "@p" + i, null, properties[i].IsNullable);
            command.Parameters.Add(parameter);
            columns[i] = new ColumnBinding(parameter, properties[i].GetGetter(), mapping.Converter);
        }
        command.Prepare();
        return new UpsertTableWriter<T>(command, table, columns);
    }

    /// <summary>Binds one row's values and runs the upsert.</summary>
    protected void Execute(object row, ColumnBinding[] columns)
    {
        foreach (var column in columns)
        {
            var value = column.Getter.GetClrValue(row);
            if (value is not null && column.Converter is not null)
                value = column.Converter.ConvertToProvider(value);
            column.Parameter.Value = value ?? DBNull.Value;
        }
        Offered++;
        Written += _command.ExecuteNonQuery();
    }

    /// <summary>Counts the table's rows.</summary>
    public long CountRows()
    {
        using var count = _command.Connection!.CreateCommand();
        count.Transaction = _command.Transaction;
        count.CommandText = $"SELECT COUNT(*) FROM {Table}";
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Dispose() => _command.Dispose();

    /// <summary>A parameter of the upsert and where its value comes from.</summary>
    internal sealed record ColumnBinding(DbParameter Parameter, IClrPropertyGetter Getter, ValueConverter? Converter);
}

/// <summary>The <see cref="UpsertTableWriter"/> of <typeparamref name="T"/>'s table.</summary>
internal sealed class UpsertTableWriter<T> : UpsertTableWriter where T : class
{
    private readonly ColumnBinding[] _columns;

    internal UpsertTableWriter(DbCommand command, string table, ColumnBinding[] columns) : base(command, table) => _columns = columns;

    /// <summary>Upserts <paramref name="row"/>.</summary>
    public void Write(T row) => Execute(row, _columns);
}
