using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Architecture.Tests.Dependencies;

/// <summary>
/// An outside library a project may be forbidden: the namespaces its types live in (for the type-level rules) and the package,
/// framework-reference or SDK names that bring it in (for the project-file rules); a name matches itself and what lies below it.
/// </summary>
public sealed record Outside(string Name, string[] Namespaces, string[] References)
{
    public override string ToString() => Name;
}

/// <summary>
/// One row of DESIGN.md's table: a library under <c>src/</c>, the projects of ours it may use (every other one is forbidden,
/// so a new project is forbidden to all until a row allows it), and the outside libraries it must not use.
/// </summary>
public sealed record Layer(string Name, string[] MayUse, Outside[] MustNotUse)
{
    public override string ToString() => Name;
}

/// <summary>The table the rules hold the projects to.</summary>
public static class Layers
{
    public static readonly Outside GraphQL = new("GraphQL.NET", ["GraphQL", "GraphQLParser"], ["GraphQL", "GraphQL-Parser"]);

    public static readonly Outside EfCore = new("EF Core", ["Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql"],
        ["Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql"]);

    public static readonly Outside AspNetCore = new("ASP.NET Core", ["Microsoft.AspNetCore"], ["Microsoft.AspNetCore", "Microsoft.NET.Sdk.Web"]);

    /// <summary>The app: it may use everything, so it has no row (DESIGN.md: "all of the above").</summary>
    public const string App = "ScholarGraph.Server";

    public static readonly Layer[] All =
    [
        new("ScholarGraph.Domain", MayUse: [], MustNotUse: [EfCore, GraphQL, AspNetCore]),
        new("ScholarGraph.Storage", MayUse: ["ScholarGraph.Domain"], MustNotUse: [GraphQL, AspNetCore]),
        // "Nothing, or Domain's ids": Domain's ids are plain strings, so the graph library uses nothing of ours.
        new("ScholarGraph.Graph", MayUse: [], MustNotUse: [EfCore, GraphQL, AspNetCore]),
        new("ScholarGraph.GraphQL.Data", MayUse: [], MustNotUse: [AspNetCore]),
        new("ScholarGraph.GraphQL.AspNetCore", MayUse: [], MustNotUse: [EfCore]),
        new("ScholarGraph.Generation", MayUse: ["ScholarGraph.Domain", "ScholarGraph.Storage"], MustNotUse: [GraphQL, AspNetCore]),
    ];

    public static Layer Named(string name) => All.Single(layer => layer.Name == name);

    /// <summary>The projects under <c>src/</c>, by folder name (each folder's project and root namespace share its name).</summary>
    public static IReadOnlyList<string> SourceProjects() =>
        Directory.GetDirectories(SourceFolder)
            .Where(folder => File.Exists(ProjectFile(Path.GetFileName(folder))))
            .Select(folder => Path.GetFileName(folder))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Ours that <paramref name="layer"/> must not use: every project under <c>src/</c> but itself and those it may use.</summary>
    public static IReadOnlyList<string> ForbiddenOfOurs(Layer layer) =>
        SourceProjects().Where(project => project != layer.Name && !layer.MayUse.Contains(project)).ToList();

    public static string SourceFolder => Path.Combine(RepositoryPaths.Root, "src");

    public static string ProjectFile(string project) => Path.Combine(SourceFolder, project, project + ".csproj");

    public static TheoryData<string> Names() => [.. All.Select(layer => layer.Name)];
}
