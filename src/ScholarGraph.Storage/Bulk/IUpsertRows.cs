namespace ScholarGraph.Storage.Bulk;

/// <summary>An upsert of one table as the store runs it (<see cref="SqliteUpsertStatement"/>, <see cref="PostgresStagedUpsert"/>).</summary>
internal interface IUpsertRows : IDisposable
{
    /// <summary>Whether rows handed over are kept until <see cref="Flush"/> (so each needs an array of its own), rather than written at once.</summary>
    bool KeepsRows { get; }

    /// <summary>Rows handed over and not yet written.</summary>
    int Waiting { get; }

    /// <summary>Writes or keeps one row, its values in the order of <see cref="UpsertShape.Columns"/>; returns the rows changed now.</summary>
    int Write(object?[] values);

    /// <summary>
    /// Moves the rows kept so far out of memory into the store's staging, to be written by the next <see cref="Flush"/>; does
    /// nothing where rows are written at once.
    /// </summary>
    void Stage();

    /// <summary>Writes the rows kept and staged; returns the rows changed.</summary>
    int Flush();

    /// <summary>Counts the table's rows.</summary>
    long CountRows();
}

/// <summary>The parts of one table's upsert, named and delimited from the EF Core model.</summary>
/// <param name="Table">The table, delimited.</param>
/// <param name="TableName">The table's name as it is, for naming what belongs to it.</param>
/// <param name="Columns">Every column, delimited, in the order values come.</param>
/// <param name="Keys">The primary key's columns, delimited.</param>
/// <param name="OnConflict">The <c>ON CONFLICT ...</c> clause.</param>
internal sealed record UpsertShape(string Table, string TableName, string[] Columns, string[] Keys, string OnConflict);
