using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ScholarGraph.Storage.Bulk;

/// <summary>
/// Reads columns of an entity's table with a plain <c>SELECT</c> on the context's connection (opened when closed), the table and
/// columns named from the EF Core model, for the bulk writers' own reads: no LINQ query to compile, which on a short import
/// costs more than the rows.
/// </summary>
internal sealed class ModelRows(DbContext db)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    /// <summary>The delimited column of <typeparamref name="T"/>'s <paramref name="property"/>.</summary>
    public string Column<T>(string property)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return _sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);
    }

    /// <summary>The delimited table of <typeparamref name="T"/>.</summary>
    public string Table<T>()
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return _sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    /// <summary>Hands every row of <typeparamref name="T"/>'s table to <paramref name="read"/>, its columns those of <paramref name="properties"/> in order.</summary>
    public async Task ReadAsync<T>(CancellationToken cancellationToken, string[] properties, Action<DbDataReader> read)
    {
        await using var command = await CommandAsync(
            $"SELECT {string.Join(", ", properties.Select(Column<T>))} FROM {Table<T>()}", cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            read(reader);
    }

    /// <summary>Runs <paramref name="sql"/> (ours, never input) and returns its one value as a number.</summary>
    public async Task<long> CountAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, cancellationToken);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }
}
