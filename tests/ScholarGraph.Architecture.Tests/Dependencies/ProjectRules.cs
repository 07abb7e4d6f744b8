using System.Xml.Linq;

namespace ScholarGraph.Architecture.Tests.Dependencies;

/// <summary>
/// The project-file rules: what a library's <c>.csproj</c> brings in, with the projects it references in turn (their packages
/// come along): projects of ours, packages, framework references and the SDK.
/// </summary>
public static class ProjectRules
{
    /// <summary>One line per forbidden project or outside reference, saying through which project files it comes.</summary>
    public static IReadOnlyList<string> Violations(Layer layer)
    {
        var forbiddenOfOurs = Layers.ForbiddenOfOurs(layer);
        var lines = new List<string>();
        foreach (var (project, path) in Closure(Layers.ProjectFile(layer.Name)))
        {
            var chain = string.Join(" -> ", path);
            if (forbiddenOfOurs.Contains(project.Name))
                lines.Add($"our project {project.Name} (through {chain})");
            foreach (var reference in project.References)
            {
                var outside = layer.MustNotUse.FirstOrDefault(o => o.References.Any(name => Matches(reference, name)));
                if (outside is not null)
                    lines.Add($"{reference} ({outside.Name}) in {chain}");
            }
        }
        return lines;
    }

    private static bool Matches(string reference, string name) =>
        reference.Equals(name, StringComparison.OrdinalIgnoreCase) || reference.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase);

    /// <summary>The project itself and every project it references, directly or not, each with the chain of names that leads to it.</summary>
    private static IEnumerable<(ProjectFile Project, IReadOnlyList<string> Path)> Closure(string file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<(string File, IReadOnlyList<string> Path)>([(Path.GetFullPath(file), [])]);
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next.File))
                continue;
            var project = ProjectFile.Read(next.File);
            IReadOnlyList<string> path = [.. next.Path, project.Name];
            yield return (project, path);
            foreach (var referenced in project.ProjectReferences)
                pending.Enqueue((referenced, path));
        }
    }

    /// <summary>What one project file says it uses.</summary>
    private sealed record ProjectFile(string Name, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> References)
    {
        public static ProjectFile Read(string file)
        {
            var root = XDocument.Load(file).Root!;
            var folder = Path.GetDirectoryName(file)!;
            IEnumerable<string> Includes(string item) =>
                root.Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>();
            return new ProjectFile(
                Path.GetFileNameWithoutExtension(file),
                [.. Includes("ProjectReference").Select(p => Path.GetFullPath(Path.Combine(folder, p.Replace('\\', '/'))))],
                [.. Includes("PackageReference"), .. Includes("FrameworkReference"), .. ((string?)root.Attribute("Sdk") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)]);
        }
    }
}
