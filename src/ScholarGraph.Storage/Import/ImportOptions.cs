namespace ScholarGraph.Storage.Import;

/// <summary>What the importer does with a record it cannot import.</summary>
public enum ImportErrorMode
{
    /// <summary>Report the record and go on with the next one.</summary>
    Skip,

    /// <summary>Report the record and stop; the works before it stay written, nothing of it is.</summary>
    Stop,
}

/// <summary>How <see cref="StoreImporter"/> imports.</summary>
public sealed record ImportOptions
{
    /// <summary>What to do with a bad record. Default: <see cref="ImportErrorMode.Skip"/>.</summary>
    public ImportErrorMode OnError { get; init; } = ImportErrorMode.Skip;

    /// <summary>
    /// Works written per transaction. Default: 2,000. A larger batch commits less often; an import killed midway loses at most
    /// the batch it was writing, which a rerun writes again.
    /// </summary>
    public int BatchSize { get; init; } = 2_000;
}
