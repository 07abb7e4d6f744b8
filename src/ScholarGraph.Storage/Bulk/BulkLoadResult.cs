namespace ScholarGraph.Storage.Bulk;

/// <summary>What a bulk load did.</summary>
/// <param name="Files">Seed files read.</param>
/// <param name="Rows">Rows the files describe (every table together).</param>
/// <param name="Inserted">Rows that were new.</param>
/// <param name="Updated">Rows that existed with other values and were changed.</param>
/// <param name="Elapsed">Wall time of the whole load, both passes and the commit included.</param>
public sealed record BulkLoadResult(int Files, long Rows, long Inserted, long Updated, TimeSpan Elapsed)
{
    /// <summary>Rows that existed with the same values and were left alone.</summary>
    public long Unchanged => Rows - Inserted - Updated;

    /// <summary>Rows described per second of <see cref="Elapsed"/>.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;
}
