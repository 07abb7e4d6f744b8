namespace ScholarGraph.Tests.Shared;

/// <summary>Finds files of the repository from a test's output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScholarGraph.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No ScholarGraph.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => LazyRoot.Value;

    public static string SeedData => Path.Combine(Root, "seed-data");

    public static string SchemaFile => Path.Combine(Root, "schema", "schema.graphql");

    /// <summary>
    /// The node scripts running real npm clients (graphql-http's audit, graphql-ws, graphql-sse), kept once in the transport
    /// library's tests and run from the server's tests too; building the library's test project installs their packages.
    /// </summary>
    public static string NpmClients => Path.Combine(Root, "tests", "ScholarGraph.GraphQL.AspNetCore.Tests", "npm-clients");

    /// <summary>The source pages the seed data was read from, kept in the repository so a fresh clone can check against them.</summary>
    public static string SeedSources => Path.Combine(SeedData, "sources");

    /// <summary>The shared/seeds folder beside the repository (present on the team's machines and in CI), where the originals lie.</summary>
    public static string SharedSeeds => Path.Combine(Root, "..", "shared", "seeds");
}
