using ScholarGraph.Storage.Seeding;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Generation.Tests;

/// <summary>One generated graph of 5,000 papers, written, read back through the seed reader, and shared by the structural tests.</summary>
public sealed class GeneratedGraphFixture : IAsyncLifetime
{
    public const int Papers = 5_000;

    private readonly TemporaryDirectory _directory = new();

    public SeedGenerator Generator { get; } = new(new GeneratorOptions { Papers = Papers, Seed = 7, PapersPerFile = 2_000 });

    public GenerationSummary Summary { get; private set; } = null!;

    /// <summary>The graph as <see cref="SeedReader.ReadDirectory"/> reads it: reading it is the round-trip check.</summary>
    public SeedGraph Graph { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Summary = await Generator.WriteAsync(_directory.Path);
        Graph = SeedReader.ReadDirectory(_directory.Path);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
