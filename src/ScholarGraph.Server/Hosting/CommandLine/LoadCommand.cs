using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Server.Writes.Changes.Instances;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Server.Hosting.CommandLine;

/// <summary>
/// <c>scholargraph load DIR [--database FILE]</c>: streams a folder of seed files into the configured store (on SQLite and PostgreSQL
/// without holding them in memory), then says what it wrote where. Exit code 0 when every file was loaded; 1 when the data was refused
/// (nothing is written then).
/// </summary>
internal static class LoadCommand
{
    public static Command Create(IReadOnlyList<string> settings, TextWriter output, TextWriter error)
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "The folder of seed JSON files (as generate writes them)." };
        var database = DatabaseOption();
        var command = new Command("load", "Loads a folder of seed files into the store the server reads.") { folder, database };
        command.SetAction(parsed => ScholarGraphCommandLine.Guarded(error, () =>
            RunAsync(parsed.GetValue(folder)!, settings, parsed.GetValue(database), output, error)));
        return command;
    }

    /// <summary>The <c>--database FILE</c> shortcut shared by the verbs that write the store.</summary>
    internal static Option<string> DatabaseOption() => new("--database")
    {
        Description = "A SQLite file to write, instead of the configured store (Database:Provider and ConnectionStrings:ScholarGraph; "
            + "shipped as data/scholargraph.db).",
        HelpName = "FILE",
    };

    private static async Task<int> RunAsync(DirectoryInfo folder, IReadOnlyList<string> settings, string? sqliteFile, TextWriter output, TextWriter error)
    {
        if (!folder.Exists)
            throw new VerbUsageException($"load: there is no folder {folder.FullName}.");
        await using var store = VerbSettings.OpenStore(settings, sqliteFile, "load");
        try
        {
            if (store.Db.Database.IsSqlite() || store.Db.Database.IsNpgsql())
            {
                var bulk = await BulkSeedLoader.LoadDirectoryAsync(store.Db, folder.FullName);
                if (bulk.Inserted + bulk.Updated > 0
                    && await ChangeLog.LogBulkWriteAsync(store.Db, $"scholargraph load of {bulk.Files} file(s) from {folder.Name}"))
                    await output.WriteLineAsync("Logged the load in the change log: running instances rebuild their graph index from the store.");
                await output.WriteLineAsync($"Loaded {bulk.Files} file(s) from {folder.FullName} into the {store.Description}: {bulk.Rows:N0} rows "
                    + $"({bulk.Inserted:N0} inserted, {bulk.Updated:N0} updated, {bulk.Unchanged:N0} unchanged) in {bulk.Elapsed.TotalSeconds:F1} s, "
                    + $"{bulk.RowsPerSecond:N0} rows/s.");
                return 0;
            }
            var result = await SeedLoader.LoadDirectoryAsync(store.Db, folder.FullName);
            await output.WriteLineAsync($"Loaded {folder.FullName} into the {store.Description}: {result.Inserted:N0} rows inserted, "
                + $"{result.Updated:N0} updated, {result.Unchanged:N0} unchanged.");
            return 0;
        }
        catch (SeedValidationException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync($"Nothing was written to the {store.Description}.");
            return 1;
        }
    }
}
