using System.Text.Json;
using ScholarGraph.Generation;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Bench.Graph;

/// <summary>Generates seed files once per size and streams them, file by file, straight into the index builder.</summary>
internal static class GeneratedGraphs
{
    /// <summary>Writes the graph of <paramref name="papers"/> papers under <paramref name="root"/> unless a complete copy is there.</summary>
    public static async Task<string> EnsureAsync(string root, int papers)
    {
        var folder = Path.Combine(root, $"papers-{papers}");
        var done = Path.Combine(folder, "complete");
        if (File.Exists(done))
            return folder;
        Console.Error.WriteLine($"generating {papers:N0} papers into {folder} ...");
        await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = papers, Seed = 1 }, folder);
        await File.WriteAllTextAsync(done, DateTime.UtcNow.ToString("O"));
        return folder;
    }

    /// <summary>
    /// Reads every generated file of <paramref name="folder"/> into <paramref name="builder"/>. One file (50,000 papers) is
    /// deserialised at a time and dropped before the next, so memory stays near one file plus the builder's rows, where reading the
    /// whole graph with <see cref="SeedReader.ReadDirectory"/> would hold every document at once (about 5.5 GiB at a million papers).
    /// </summary>
    public static async Task FeedAsync(string folder, ScholarlyIndexBuilder builder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "generated-*.json").Order(StringComparer.Ordinal))
        {
            SeedDocument? document;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
                document = await JsonSerializer.DeserializeAsync<SeedDocument>(stream, SeedReader.SerializerOptions);
            if (document is null)
                throw new InvalidDataException($"{file} holds no seed document");
            Feed(document, builder);
        }
    }

    /// <summary>Adds one seed document's topics, authors and papers (with dates, venues, authorships, scored topics and citations) to the builder.</summary>
    public static void Feed(SeedDocument document, ScholarlyIndexBuilder builder)
    {
        foreach (var topic in document.Topics)
            builder.AddTopic(topic.Id);
        foreach (var author in document.Authors)
            builder.AddAuthor(author.Id);
        foreach (var paper in document.Papers)
        {
            builder.AddPaper(paper.Id, paper.Date, paper.Venue);
            foreach (var authorship in paper.Authors)
                builder.AddAuthorship(paper.Id, authorship.Author);
            foreach (var topic in paper.Topics)
                builder.AddPaperTopic(paper.Id, topic.Topic, topic.Score ?? 1.0);
            foreach (var cited in paper.Cites)
                builder.AddCitation(paper.Id, cited);
        }
    }
}
