using System.Text.Json;
using Json.Schema;
using ScholarGraph.Storage.Seeding;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Generation.Tests;

/// <summary>The generator is deterministic, writes valid split seed files, and documents its defaults truthfully.</summary>
public sealed class SeedGeneratorTests
{
    private static readonly GeneratorOptions Small = new() { Papers = 1_500, Seed = 11, PapersPerFile = 600 };

    private static Dictionary<string, byte[]> ReadFiles(string directory) =>
        Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public async Task The_same_options_write_byte_identical_files()
    {
        using TemporaryDirectory first = new(), second = new();
        await SeedGenerator.WriteAsync(Small, first.Path);
        await SeedGenerator.WriteAsync(Small with { }, second.Path);

        var (a, b) = (ReadFiles(first.Path), ReadFiles(second.Path));
        Assert.Equal(["generated-0001.json", "generated-0002.json", "generated-0003.json"], a.Keys.Order());
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.All(a, file => Assert.True(file.Value.AsSpan().SequenceEqual(b[file.Key]), $"{file.Key} differs between runs"));
    }

    [Fact]
    public async Task Indented_output_is_deterministic_too_and_holds_the_same_graph()
    {
        using TemporaryDirectory compact = new(), first = new(), second = new();
        await SeedGenerator.WriteAsync(Small, compact.Path);
        await SeedGenerator.WriteAsync(Small with { Indented = true }, first.Path);
        await SeedGenerator.WriteAsync(Small with { Indented = true }, second.Path);

        var (a, b) = (ReadFiles(first.Path), ReadFiles(second.Path));
        Assert.All(a, file => Assert.True(file.Value.AsSpan().SequenceEqual(b[file.Key]), $"{file.Key} differs between runs"));
        Assert.DoesNotContain((byte)'\r', a["generated-0001.json"]);
        Assert.Equal(Serialized(compact.Path), Serialized(first.Path));
    }

    [Fact]
    public async Task A_seed_keeps_naming_the_same_graph()
    {
        // Benchmarks compare runs across commits by seed, so a change to what a seed generates must be deliberate: if this fails
        // because the model changed on purpose, update the hash and say in the commit that seeds now name different graphs.
        using var directory = new TemporaryDirectory();
        var summary = await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = 300, Seed = 1, PapersPerFile = 200 }, directory.Path);

        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in summary.Files)
            hash.AppendData(File.ReadAllBytes(file));
        Assert.Equal("2e72b801befd8afd64b72692e5605fc287e9e42aa1a19e3225db392bc0d9fb58", Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [Fact]
    public async Task A_different_seed_gives_a_different_graph()
    {
        using TemporaryDirectory first = new(), second = new();
        await SeedGenerator.WriteAsync(Small, first.Path);
        await SeedGenerator.WriteAsync(Small with { Seed = 12 }, second.Path);

        var (a, b) = (SeedReader.ReadDirectory(first.Path), SeedReader.ReadDirectory(second.Path));
        static HashSet<string> Citations(SeedGraph g) => g.Citations.Select(c => c.CitingPaperId + ">" + c.CitedPaperId).ToHashSet();
        Assert.NotEqual(a.Papers.Select(p => p.Title), b.Papers.Select(p => p.Title));
        Assert.NotEqual(a.Authors.Select(p => p.Name), b.Authors.Select(p => p.Name));
        Assert.False(Citations(a).SetEquals(Citations(b)));
    }

    [Fact]
    public async Task How_the_papers_are_split_into_files_does_not_change_the_graph()
    {
        using TemporaryDirectory split = new(), whole = new();
        await SeedGenerator.WriteAsync(Small, split.Path);
        await SeedGenerator.WriteAsync(Small with { PapersPerFile = 50_000 }, whole.Path);

        Assert.Single(Directory.GetFiles(whole.Path));
        Assert.Equal(Serialized(whole.Path), Serialized(split.Path));
    }

    [Fact]
    public async Task Files_hold_at_most_PapersPerFile_papers_and_the_first_holds_every_other_entity()
    {
        using var directory = new TemporaryDirectory();
        var summary = await SeedGenerator.WriteAsync(Small, directory.Path);

        var documents = summary.Files.Select(f => JsonSerializer.Deserialize<SeedDocument>(File.ReadAllText(f), SeedReader.SerializerOptions)!).ToList();
        Assert.Equal([600, 600, 300], documents.Select(d => d.Papers.Count));
        Assert.Equal(summary.Counts.Authors, documents[0].Authors.Count);
        Assert.Equal(summary.Counts.Topics, documents[0].Topics.Count);
        Assert.Equal(summary.Counts.Institutions, documents[0].Institutions.Count);
        Assert.All(documents.Skip(1), d => Assert.Empty(d.Authors.Concat<object>(d.Topics).Concat(d.Institutions)));
        Assert.All(documents, d => Assert.Equal("generator:seed-11", d.Source.Id));
        Assert.NotEmpty(documents[0].Source.Notes);
    }

    [Fact]
    public async Task The_written_files_hold_what_GenerateFiles_returns()
    {
        using var directory = new TemporaryDirectory();
        var generator = new SeedGenerator(Small);
        await generator.WriteAsync(directory.Path);

        var inMemory = generator.GenerateFiles().ToList();
        Assert.Equal(inMemory.Select(f => f.FileName), Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order());
        foreach (var file in inMemory)
        {
            var written = JsonSerializer.Deserialize<SeedDocument>(File.ReadAllText(Path.Combine(directory.Path, file.FileName)), SeedReader.SerializerOptions);
            Assert.Equal(JsonSerializer.Serialize(file.Document, SeedReader.SerializerOptions), JsonSerializer.Serialize(written, SeedReader.SerializerOptions));
        }
    }

    [Fact]
    public async Task Generated_files_validate_against_the_json_schema()
    {
        using var directory = new TemporaryDirectory();
        var summary = await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = 300, Seed = 3, PapersPerFile = 200 }, directory.Path);

        // A registry of our own: the seed data tests register the same schema id in the global one, which refuses a second.
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryPaths.SeedData, "seed.schema.json"),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        foreach (var file in summary.Files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            Assert.True(result.IsValid, $"{Path.GetFileName(file)}: {string.Join("; ", errors.Take(10))}");
        }
    }

    [Fact]
    public async Task Writing_again_replaces_the_earlier_graphs_files_and_leaves_other_files_alone()
    {
        using var directory = new TemporaryDirectory();
        await SeedGenerator.WriteAsync(Small, directory.Path);
        File.WriteAllText(Path.Combine(directory.Path, "profile.json"), "{}");

        await SeedGenerator.WriteAsync(Small with { Papers = 100 }, directory.Path);

        Assert.Equal(["generated-0001.json", "profile.json"], Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Progress_is_reported_for_both_stages_up_to_the_last_paper()
    {
        using var directory = new TemporaryDirectory();
        var reports = new List<GenerationProgress>();
        await SeedGenerator.WriteAsync(new GeneratorOptions { Papers = 10_000, PapersPerFile = 4_000 }, directory.Path, new Recorder(reports));

        Assert.Contains(new GenerationProgress(GenerationStage.Building, 10_000, 10_000), reports);
        Assert.Equal(new GenerationProgress(GenerationStage.Writing, 10_000, 10_000), reports[^1]);
        Assert.True(reports.Count(r => r.Stage == GenerationStage.Writing) >= 3);
    }

    [Fact]
    public async Task A_cancelled_run_stops_and_leaves_no_partial_file()
    {
        using var directory = new TemporaryDirectory();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SeedGenerator.WriteAsync(Small, directory.Path, cancellationToken: cancellation.Token));

        Assert.Empty(Directory.Exists(directory.Path) ? Directory.GetFiles(directory.Path) : []);
    }

    [Fact]
    public void Derived_counts_follow_the_documented_defaults()
    {
        var counts = new SeedGenerator(new GeneratorOptions { Papers = 5_000 }).Counts();

        // authors round(0.6 × 5000) = 3000; institutions round(3000 / 150) = 20; communities round(5000 / 400) = 13;
        // topic budget clamp(round(5000 / 250), 12, 4500) = 20: fields clamp(round(∛20), 2, 26) = 3,
        // subfields max(2, round(√(20 / 3))) = 3, topics per subfield max(2, ⌈20 / 9⌉) = 3, so 27 topics; venues max(2 × 3, round(5000 / 500)) = 10.
        Assert.Equal((5_000, 3_000, 20, 13, 27, 10), (counts.Papers, counts.Authors, counts.Institutions, counts.Communities, counts.Topics, counts.Venues));
        var defaults = new GeneratorOptions();
        Assert.Equal((1_000, 1L, 2000, 2025, 10.0, 50, 0.1, 50_000, false),
            (defaults.Papers, defaults.Seed, defaults.FirstYear, defaults.LastYear, defaults.MeanReferences, defaults.MaxAuthorsPerPaper,
                defaults.CrossCommunityShare, defaults.PapersPerFile, defaults.Indented));
    }

    [Fact]
    public void Explicit_counts_are_honoured()
    {
        var options = new GeneratorOptions { Papers = 800, Authors = 250, Institutions = 7, Communities = 5, Fields = 2, SubfieldsPerField = 3, TopicsPerSubfield = 4, Venues = 9 };
        var counts = new SeedGenerator(options).Counts();
        Assert.Equal((800, 250, 7, 5, 24, 9), (counts.Papers, counts.Authors, counts.Institutions, counts.Communities, counts.Topics, counts.Venues));
    }

    [Fact]
    public void A_graph_of_one_paper_is_valid()
    {
        var files = new SeedGenerator(new GeneratorOptions { Papers = 1 }).GenerateFiles().ToList();
        var graph = SeedReader.Read(files.Select(f => (f.FileName, (Stream)new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(f.Document, SeedReader.SerializerOptions)))));
        Assert.Single(graph.Papers);
        Assert.Empty(graph.Citations);
        Assert.NotEmpty(graph.Authorships);
    }

    [Theory]
    [InlineData(nameof(GeneratorOptions.Papers))]
    [InlineData(nameof(GeneratorOptions.LastYear))]
    [InlineData(nameof(GeneratorOptions.CrossCommunityShare))]
    [InlineData(nameof(GeneratorOptions.PapersPerFile))]
    [InlineData(nameof(GeneratorOptions.Venues))]
    public void Out_of_range_options_are_refused_by_name(string option)
    {
        var options = option switch
        {
            nameof(GeneratorOptions.Papers) => new GeneratorOptions { Papers = 0 },
            nameof(GeneratorOptions.LastYear) => new GeneratorOptions { FirstYear = 2010, LastYear = 2009 },
            nameof(GeneratorOptions.CrossCommunityShare) => new GeneratorOptions { CrossCommunityShare = 1.5 },
            nameof(GeneratorOptions.Venues) => new GeneratorOptions { Venues = 0 },
            _ => new GeneratorOptions { PapersPerFile = 0 },
        };
        var error = Assert.Throws<ArgumentException>(() => new SeedGenerator(options));
        Assert.Equal(option, error.ParamName);
        Assert.StartsWith(option, error.Message);
    }

    [Fact]
    public void Community_lookups_refuse_ids_not_in_the_graph()
    {
        var generator = new SeedGenerator(new GeneratorOptions { Papers = 50 });
        Assert.Equal("community:1", generator.CommunityOfAuthor("author:1"));
        Assert.Throws<ArgumentException>(() => generator.CommunityOfAuthor("author:100000"));
        Assert.Throws<ArgumentException>(() => generator.CommunityOfPaper("paper:0"));
        Assert.Throws<ArgumentException>(() => generator.CommunityOfPaper("devvrit-khatri"));
    }

    private static string Serialized(string directory)
    {
        var graph = SeedReader.ReadDirectory(directory);
        return JsonSerializer.Serialize(new { graph.Papers, graph.Authorships, graph.Citations, graph.PaperTopics, graph.Authors });
    }

    // Progress<T> posts to the thread pool, so reports could arrive after the run; this records them as they are made.
    private sealed class Recorder(List<GenerationProgress> reports) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            lock (reports)
                reports.Add(value);
        }
    }
}
