using System.CommandLine;
using ScholarGraph.Generation;

namespace ScholarGraph.Server.Hosting.CommandLine;

/// <summary>
/// <c>scholargraph generate --papers N [--seed S] [--output DIR]</c>: writes a deterministic synthetic graph as seed files and says
/// which files it made and what they hold.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var papers = ScholarGraphCommandLine.PositiveInt("--papers", "How many papers to generate (required).");
        papers.Required = true;
        var seed = new Option<long>("--seed") { Description = "The random seed; the same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var folder = new Option<string>("--output") { Description = "The folder to write the seed files to.", DefaultValueFactory = _ => "generated-data", HelpName = "DIR" };
        var command = new Command("generate", "Writes a deterministic synthetic graph as seed files (power-law authorship, research "
            + "communities, a topic hierarchy, citations forward in time).") { papers, seed, folder };
        command.SetAction(parsed => ScholarGraphCommandLine.Guarded(error, () =>
            RunAsync(new GeneratorOptions { Papers = parsed.GetValue(papers), Seed = parsed.GetValue(seed) }, parsed.GetValue(folder)!, output, error)));
        return command;
    }

    private static async Task<int> RunAsync(GeneratorOptions options, string folder, TextWriter output, TextWriter error)
    {
        var progress = new Progress<GenerationProgress>(p => error.Write($"\r{p.Stage}: {p.Papers:N0} of {p.TotalPapers:N0} papers   "));
        GenerationSummary summary;
        try
        {
            summary = await SeedGenerator.WriteAsync(options, folder, progress);
        }
        catch (ArgumentException e) when (e.ParamName is not null)
        {
            // The generator names the option in its message; the parameter suffix .NET appends adds nothing for a reader.
            throw new VerbUsageException("generate: " + e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        }
        await error.WriteLineAsync();
        var counts = summary.Counts;
        await output.WriteLineAsync(
            $"Wrote {summary.Files.Count:N0} seed file(s), {summary.Bytes / 1e6:F1} MB, to {Path.GetFullPath(folder)}: {counts.Papers:N0} papers, "
            + $"{counts.Authors:N0} authors, {counts.Institutions:N0} institutions, {counts.Topics:N0} topics, {counts.Authorships:N0} authorships, "
            + $"{counts.PaperTopics:N0} paper topics and {counts.Citations:N0} citations, from seed {options.Seed}.");
        await output.WriteLineAsync($"Load them with: scholargraph load {folder}");
        return 0;
    }
}
