using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Examples;

/// <summary>
/// A copy of <c>examples/</c> (its sources and settings, with its installed <c>node_modules</c> linked in) in a temporary
/// folder, so a test can generate and compile it against any schema without touching the repository or another test's copy.
/// </summary>
public sealed class ClientExamples : IDisposable
{
    private static readonly string[] Generated = ["node_modules", "gql", "build"];

    private readonly TemporaryDirectory _folder = new();

    public ClientExamples()
    {
        var source = Path.Combine(RepositoryPaths.Root, "examples");
        var modules = Path.Combine(source, "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "@graphql-codegen", "cli")),
            $"The examples' packages are not installed in {modules}; building the server's test project runs 'npm ci' there.");
        Copy(source, Folder);
        Directory.CreateSymbolicLink(Path.Combine(Folder, "node_modules"), modules);
    }

    public string Folder => _folder.Path;

    /// <summary>Runs <c>npm run <paramref name="script"/></c> with the types generated from <paramref name="schema"/> (the approved schema by default).</summary>
    public Task<ToolProcess.Outcome> RunAsync(string script, string? schema = null) =>
        ToolProcess.RunAsync("npm", ["run", "--silent", script], Folder,
            new Dictionary<string, string> { ["SCHOLARGRAPH_SCHEMA"] = schema ?? RepositoryPaths.SchemaFile });

    /// <summary>Runs a compiled example (<c>build/<paramref name="script"/></c>) under node with <paramref name="arguments"/>.</summary>
    public Task<ToolProcess.Outcome> RunCompiledAsync(string script, params string[] arguments) =>
        ToolProcess.RunAsync("node", [Path.Combine("build", script), .. arguments], Folder);

    public void Dispose() => _folder.Dispose();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(from).Where(d => !Generated.Contains(Path.GetFileName(d))))
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
    }
}
