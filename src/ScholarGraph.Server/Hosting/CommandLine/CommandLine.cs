using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Generation;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Server.Hosting.CommandLine;

/// <summary>
/// The command-line verbs besides serving: <c>generate</c> writes a synthetic graph as seed files, <c>load</c> bulk-loads seed files
/// into a SQLite store, <c>import</c> imports OpenAlex works and seed files into one, <c>schema export</c> prints the schema. Without a verb (or with <c>serve</c>) the server starts.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        Usage:
          scholargraph [serve] [ASP.NET Core options such as --urls http://localhost:5000]
          scholargraph generate --papers N [--seed S] [--output DIR]    (defaults: --seed 1, --output generated-data)
          scholargraph load DIR [--database FILE]                        (streams seed files into SQLite; default: data/scholargraph.db)
          scholargraph import FILE... [--on-error skip|stop] [--database FILE] [--batch-size N]
                                                                         (OpenAlex works as JSON Lines, plain or gzipped, and seed files;
                                                                          defaults: skip, data/scholargraph.db, 2000 works a transaction)
          scholargraph schema export [--output FILE]                     (default: print to standard output)
        """;

    /// <summary>Runs the verb in <paramref name="args"/> and returns its exit code, or <c>null</c> when the server should start.</summary>
    public static async Task<int?> TryRunAsync(string[] args, Func<string?, Task<int>> exportSchema)
    {
        var verb = args.FirstOrDefault();
        switch (verb)
        {
            case null or "serve":
                return null;
            case "generate":
                return await RunGuardedAsync(() => GenerateAsync(Options(args.AsSpan(1))));
            case "load" when args.Length >= 2 && !args[1].StartsWith("--", StringComparison.Ordinal):
                return await RunGuardedAsync(() => LoadAsync(args[1], Options(args.AsSpan(2))));
            case "import":
                var files = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
                return await RunGuardedAsync(() => ImportCommand.RunAsync(files, Options(args.AsSpan(1 + files.Count)), OpenStore));
            case "schema" when args.ElementAtOrDefault(1) == "export":
                return await RunGuardedAsync(() => exportSchema(Options(args.AsSpan(2)).GetValueOrDefault("output")));
            case "--help" or "-h" or "help":
                Console.WriteLine(Usage);
                return 0;
            default:
                // Anything else that starts with "--" is a host option, such as --urls.
                if (verb.StartsWith("--", StringComparison.Ordinal))
                    return null;
                await Console.Error.WriteLineAsync($"Unknown command '{verb}'.\n{Usage}");
                return 2;
        }
    }

    private static async Task<int> RunGuardedAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n{Usage}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"scholargraph: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> GenerateAsync(Dictionary<string, string> options)
    {
        var papers = Int(options, "papers") ?? throw new ArgumentException("generate needs --papers N.");
        var generatorOptions = new GeneratorOptions { Papers = (int)papers, Seed = Int(options, "seed") ?? 1 };
        var output = options.GetValueOrDefault("output", "generated-data");
        var progress = new Progress<GenerationProgress>(p => Console.Error.Write($"\r{p.Stage}: {p.Papers:N0} of {p.TotalPapers:N0} papers   "));
        var summary = await SeedGenerator.WriteAsync(generatorOptions, output, progress);
        Console.Error.WriteLine();
        Console.WriteLine($"Wrote {summary.Files.Count} file(s), {summary.Bytes / 1e6:F1} MB, to {Path.GetFullPath(output)}: {summary.Counts}");
        return 0;
    }

    /// <summary>The SQLite file <c>load</c> and <c>import</c> write when no <c>--database</c> is given.</summary>
    internal const string DefaultDatabase = "data/scholargraph.db";

    // A context on the SQLite file at path, configured as the server configures its store.
    private static ScholarGraphDbContext OpenStore(string path)
    {
        var database = new DatabaseOptions { ConnectionString = $"Data Source={path}" };
        var builder = StorageServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<ScholarGraphDbContext>(), database);
        return new ScholarGraphDbContext((DbContextOptions<ScholarGraphDbContext>)builder.Options);
    }

    private static async Task<int> LoadAsync(string folder, Dictionary<string, string> options)
    {
        await using var db = OpenStore(options.GetValueOrDefault("database", DefaultDatabase));
        try
        {
            var result = await BulkSeedLoader.LoadDirectoryAsync(db, folder);
            Console.WriteLine($"Loaded {result.Files} file(s) from {Path.GetFullPath(folder)}: {result.Rows:N0} rows ({result.Inserted:N0} inserted, "
                + $"{result.Updated:N0} updated, {result.Unchanged:N0} unchanged) in {result.Elapsed.TotalSeconds:F1} s, {result.RowsPerSecond:N0} rows/s");
            return 0;
        }
        catch (SeedValidationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static Dictionary<string, string> Options(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            options[args[i][2..]] = args[++i];
        }
        return options;
    }

    /// <summary>The whole number given as <c>--name</c>, or null when it is not given.</summary>
    internal static long? Int(Dictionary<string, string> options, string name) =>
        !options.TryGetValue(name, out var text) ? null
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"--{name} must be a whole number, not '{text}'.");
}
