using System.CommandLine;
using ScholarGraph.Server.Writes.Changes.Instances;
using ScholarGraph.Storage.Import;

namespace ScholarGraph.Server.Hosting.CommandLine;

/// <summary>
/// <c>scholargraph import FILE... [--on-error skip|stop] [--database FILE] [--batch-size N]</c>: imports OpenAlex works and
/// seed files into the configured store through <see cref="StoreImporter"/>, printing each bad record as it is found, progress
/// while it runs, and a summary at the end naming the store. The store is written directly; on PostgreSQL one change is then
/// logged (<see cref="ChangeLog.LogBulkWriteAsync"/>) and running instances rebuild their graph index, while a server on a SQLite
/// file sees the import at its next start.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(IReadOnlyList<string> settings, TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("FILE") { Description = "OpenAlex works as JSON Lines (plain or gzipped) and seed files.", Arity = ArgumentArity.OneOrMore };
        // The parser takes any word as a file; one that starts with "--" is a misspelled option.
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
                result.AddError($"Unrecognized option '{token.Value}'.");
        });
        var onError = new Option<string>("--on-error") { Description = "What a bad record does: skip it and go on, or stop the import.", DefaultValueFactory = _ => "skip" };
        onError.AcceptOnlyFromAmong("skip", "stop");
        var batchSize = ScholarGraphCommandLine.PositiveInt("--batch-size", "Works written per transaction.", new ImportOptions().BatchSize);
        var database = LoadCommand.DatabaseOption();
        var command = new Command("import", "Imports OpenAlex works and seed files into the store the server reads.") { files, onError, database, batchSize };
        command.SetAction(parsed => ScholarGraphCommandLine.Guarded(error, () =>
        {
            var options = new ImportOptions
            {
                OnError = parsed.GetValue(onError) == "stop" ? ImportErrorMode.Stop : ImportErrorMode.Skip,
                BatchSize = parsed.GetValue(batchSize),
            };
            return RunAsync(parsed.GetValue(files)!, options, settings, parsed.GetValue(database), output);
        }));
        return command;
    }

    /// <summary>
    /// Runs the import. Exit code 0 when every record asked for was written (a record older than the stored version of its work
    /// counts as done); 1 when any was not: skipped as bad, or the import stopped at one (<c>--on-error stop</c>).
    /// </summary>
    private static async Task<int> RunAsync(
        IReadOnlyList<string> files, ImportOptions importOptions, IReadOnlyList<string> settings, string? sqliteFile, TextWriter output)
    {
        await using var store = VerbSettings.OpenStore(settings, sqliteFile, "import");
        var db = store.Db;
        using var progress = ConsoleImportProgress.Create();
        var summary = await StoreImporter.ImportAsync(db, files, importOptions, progress);
        progress.Finish();
        // Other instances learn of the import once, after its last commit (works and seed rows are committed batch by batch).
        var logged = (summary.WorksWritten > 0 || summary.SeedRows > 0)
            && await ChangeLog.LogBulkWriteAsync(db, $"scholargraph import of {files.Count} file(s)");
        output.WriteLine(
            $"Imported into the {store.Description} in {summary.Elapsed.TotalSeconds:F1} s: {summary.WorksRead:N0} works read, {summary.WorksWritten:N0} written "
            + $"({summary.WorksCreated:N0} new, {summary.WorksPerSecond:N0} works/s), {summary.WorksSkipped:N0} skipped; "
            + (summary.WorksKeptNewer > 0 ? $"{summary.WorksKeptNewer:N0} older than the stored version of their work, kept out; " : "")
            + $"created {summary.AuthorsCreated:N0} authors, {summary.InstitutionsCreated:N0} institutions, {summary.TopicsCreated:N0} topics, {summary.VenuesCreated:N0} venues; "
            + $"{summary.CitationsResolved:N0} citations linked, {summary.ReferencesPending:N0} waiting for works not yet stored"
            + (summary.SeedRows > 0 ? $"; {summary.SeedRows:N0} seed rows" : "")
            + (summary.Stopped ? ". Stopped at the first bad record (--on-error stop)." : "."));
        if (logged)
            output.WriteLine("Logged the import in the change log: running instances rebuild their graph index from the store.");
        foreach (var group in summary.ProblemsByKind())
        {
            output.WriteLine($"  {group.Count:N0} skipped: {group.Kind} (first: {string.Join(", ", group.FirstLocations)}"
                + (group.Count > group.FirstLocations.Count ? ", ..." : "") + ")");
        }
        if (!summary.Complete)
            output.WriteLine(summary.Stopped
                ? "Not everything was written: the import stopped at the first bad record; the works before it are written, nothing after."
                : $"Not everything was written: {summary.WorksSkipped:N0} records were skipped (above); fix or drop them and import again.");
        return summary.Complete ? 0 : 1;
    }
}
