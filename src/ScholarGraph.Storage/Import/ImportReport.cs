namespace ScholarGraph.Storage.Import;

/// <summary>A record the importer could not import.</summary>
/// <param name="Location">Where it is: <c>file:line</c> for a work, the file and JSON path for a seed item.</param>
/// <param name="Reason">Why it was refused.</param>
public sealed partial record ImportProblem(string Location, string Reason)
{
    /// <summary>
    /// The reason without what varies from record to record (list indexes become <c>[]</c>, quoted values <c>'…'</c>), so that
    /// records refused for the same reason are counted together.
    /// </summary>
    public string Kind => QuotedValue().Replace(Index().Replace(Reason, "[]"), "'…'");

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex Index();

    [System.Text.RegularExpressions.GeneratedRegex(@"'[^']*'")]
    private static partial System.Text.RegularExpressions.Regex QuotedValue();

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Reason}";
}

/// <summary>How far an import has come.</summary>
/// <param name="File">The file being read.</param>
/// <param name="BytesRead">Bytes read so far of every file together (of the compressed file where it is gzipped).</param>
/// <param name="TotalBytes">The size of every file together.</param>
/// <param name="WorksRead">Works read so far, bad ones included.</param>
/// <param name="WorksWritten">Works written in committed batches so far.</param>
/// <param name="Elapsed">Time since the import started.</param>
public sealed record ImportProgress(string File, long BytesRead, long TotalBytes, long WorksRead, long WorksWritten, TimeSpan Elapsed)
{
    /// <summary>Works written per second so far.</summary>
    public double WorksPerSecond => Elapsed > TimeSpan.Zero ? WorksWritten / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the rate so far, from the bytes still to read; null until there is a rate.</summary>
    public TimeSpan? Remaining => BytesRead > 0 && TotalBytes >= BytesRead && Elapsed > TimeSpan.Zero
        ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (TotalBytes - BytesRead) / BytesRead)
        : null;
}

/// <summary>Hears of an import's problems as they are found and of its progress after every batch.</summary>
public interface IImportObserver
{
    /// <summary>A record was refused (and skipped, or the import stops, as <see cref="ImportOptions.OnError"/> says).</summary>
    void Problem(ImportProblem problem);

    /// <summary>A batch was committed, or a file was finished.</summary>
    void Progress(ImportProgress progress);
}

/// <summary>What an import did.</summary>
/// <param name="WorksRead">OpenAlex works read, bad ones included.</param>
/// <param name="WorksWritten">Works written (new or updated; a rerun writes them again without changing them).</param>
/// <param name="WorksCreated">Works new to the store.</param>
/// <param name="WorksSkipped">Bad works, not written.</param>
/// <param name="AuthorsCreated">Authors new to the store.</param>
/// <param name="InstitutionsCreated">Institutions new to the store.</param>
/// <param name="TopicsCreated">Topics new to the store, hierarchy levels included.</param>
/// <param name="CitationsResolved">References to works stored earlier or later in the import (or in an earlier one) that became citations.</param>
/// <param name="ReferencesPending">References to works not in the store, kept to become citations when those works arrive.</param>
/// <param name="SeedRows">Rows the seed files among the inputs described (0 when there were none).</param>
/// <param name="Stopped">True when a bad record stopped the import (<see cref="ImportErrorMode.Stop"/>).</param>
/// <param name="Problems">Every refused record.</param>
/// <param name="Elapsed">Wall time of the whole import.</param>
public sealed record ImportSummary(
    long WorksRead, long WorksWritten, long WorksCreated, long WorksSkipped, long AuthorsCreated, long InstitutionsCreated,
    long TopicsCreated, long CitationsResolved, long ReferencesPending, long SeedRows, bool Stopped,
    IReadOnlyList<ImportProblem> Problems, TimeSpan Elapsed)
{
    /// <summary>Works written per second of <see cref="Elapsed"/>.</summary>
    public double WorksPerSecond => Elapsed > TimeSpan.Zero ? WorksWritten / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// Records of works the store already held in a newer version (a later <c>updated_date</c>), which they therefore did not
    /// overwrite; counted in <see cref="WorksRead"/>, neither written nor skipped. Default 0.
    /// </summary>
    public long WorksKeptNewer { get; init; }

    /// <summary>Venues new to the store. Default 0.</summary>
    public long VenuesCreated { get; init; }

    /// <summary>True when every record asked for was written or was an older version of a stored work: nothing skipped, not stopped.</summary>
    public bool Complete => !Stopped && Problems.Count == 0;

    /// <summary>The refused records grouped by <see cref="ImportProblem.Kind"/>, the most frequent first, each with where its first ones are.</summary>
    /// <param name="examples">How many locations to keep per reason. Default 3.</param>
    public IReadOnlyList<ImportProblemGroup> ProblemsByKind(int examples = 3) =>
        Problems.GroupBy(p => p.Kind, StringComparer.Ordinal)
            .Select(g => new ImportProblemGroup(g.Key, g.Count(), g.Take(examples).Select(p => p.Location).ToList()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Kind, StringComparer.Ordinal)
            .ToList();
}

/// <summary>Records refused for one reason.</summary>
/// <param name="Kind">The reason, as <see cref="ImportProblem.Kind"/> states it.</param>
/// <param name="Count">How many records it refused.</param>
/// <param name="FirstLocations">Where the first of them are (<c>file:line</c>), in reading order.</param>
public sealed record ImportProblemGroup(string Kind, int Count, IReadOnlyList<string> FirstLocations);
