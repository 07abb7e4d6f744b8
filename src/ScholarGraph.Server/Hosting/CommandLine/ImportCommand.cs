using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;

namespace ScholarGraph.Server.Hosting.CommandLine;

/// <summary>
/// <c>scholargraph import FILE... [--on-error skip|stop] [--database FILE] [--batch-size N]</c>: imports OpenAlex works and
/// seed files into a SQLite store through <see cref="StoreImporter"/>, printing each bad record as it is found, progress while it
/// runs, and a summary at the end. The store is written directly: a running server sees the import at its next start.
/// </summary>
internal static class ImportCommand
{
    /// <summary>
    /// Runs the import. Exit code 0 when every record asked for was written (a record older than the stored version of its work
    /// counts as done); 1 when any was not: skipped as bad, or the import stopped at one (<c>--on-error stop</c>).
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> files, Dictionary<string, string> options, Func<string, ScholarGraphDbContext> openStore)
    {
        if (files.Count == 0)
            throw new ArgumentException("import needs at least one FILE.");
        var onError = options.GetValueOrDefault("on-error", "skip") switch
        {
            "skip" => ImportErrorMode.Skip,
            "stop" => ImportErrorMode.Stop,
            var other => throw new ArgumentException($"--on-error must be 'skip' or 'stop', not '{other}'."),
        };
        var importOptions = new ImportOptions { OnError = onError };
        if (CommandLine.Int(options, "batch-size") is { } batchSize)
        {
            if (batchSize < 1)
                throw new ArgumentException($"--batch-size must be at least 1, not {batchSize}.");
            importOptions = importOptions with { BatchSize = (int)batchSize };
        }

        await using var db = openStore(options.GetValueOrDefault("database", CommandLine.DefaultDatabase));
        using var progress = ConsoleImportProgress.Create();
        var summary = await StoreImporter.ImportAsync(db, files, importOptions, progress);
        progress.Finish();
        Console.WriteLine(
            $"Imported in {summary.Elapsed.TotalSeconds:F1} s: {summary.WorksRead:N0} works read, {summary.WorksWritten:N0} written "
            + $"({summary.WorksCreated:N0} new, {summary.WorksPerSecond:N0} works/s), {summary.WorksSkipped:N0} skipped; "
            + (summary.WorksKeptNewer > 0 ? $"{summary.WorksKeptNewer:N0} older than the stored version of their work, kept out; " : "")
            + $"created {summary.AuthorsCreated:N0} authors, {summary.InstitutionsCreated:N0} institutions, {summary.TopicsCreated:N0} topics, {summary.VenuesCreated:N0} venues; "
            + $"{summary.CitationsResolved:N0} citations linked, {summary.ReferencesPending:N0} waiting for works not yet stored"
            + (summary.SeedRows > 0 ? $"; {summary.SeedRows:N0} seed rows" : "")
            + (summary.Stopped ? ". Stopped at the first bad record (--on-error stop)." : "."));
        foreach (var group in summary.ProblemsByKind())
        {
            Console.WriteLine($"  {group.Count:N0} skipped: {group.Kind} (first: {string.Join(", ", group.FirstLocations)}"
                + (group.Count > group.FirstLocations.Count ? ", ..." : "") + ")");
        }
        if (!summary.Complete)
            Console.WriteLine(summary.Stopped
                ? "Not everything was written: the import stopped at the first bad record; the works before it are written, nothing after."
                : $"Not everything was written: {summary.WorksSkipped:N0} records were skipped (above); fix or drop them and import again.");
        return summary.Complete ? 0 : 1;
    }
}
