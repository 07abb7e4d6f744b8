using System.Reflection;

namespace ScholarGraph.Architecture.Tests.Dependencies;

/// <summary>
/// Each library under <c>src/</c> uses only what DESIGN.md's table allows (<see cref="Layers.All"/>): no type of it depends on a
/// forbidden namespace, and its project file, with the projects it references in turn, brings in nothing forbidden.
/// </summary>
public sealed class DependencyTests
{
    [Theory]
    [MemberData(nameof(Layers.Names), MemberType = typeof(Layers))]
    public void No_type_uses_what_the_table_forbids(string name)
    {
        var layer = Layers.Named(name);

        var violations = TypeRules.Violations(Assembly.Load(layer.Name), TypeRules.Forbidden(layer));

        Assert.True(violations.Count == 0, $"{layer.Name} must not use these, but its types do:\n  " + string.Join("\n  ", violations));
    }

    [Theory]
    [MemberData(nameof(Layers.Names), MemberType = typeof(Layers))]
    public void The_project_references_nothing_the_table_forbids(string name)
    {
        var layer = Layers.Named(name);

        var violations = ProjectRules.Violations(layer);

        Assert.True(violations.Count == 0, $"{layer.Name}'s project must not reference these:\n  " + string.Join("\n  ", violations));
    }

    [Fact]
    public void Every_library_under_src_has_a_row()
    {
        var missing = Layers.SourceProjects().Where(p => p != Layers.App && Layers.All.All(layer => layer.Name != p)).ToList();

        Assert.True(missing.Count == 0,
            $"No row in {nameof(Layers)}.{nameof(Layers.All)} for {string.Join(", ", missing)}: add one saying what it may use (DESIGN.md's table).");
    }

    [Fact]
    public void The_table_names_only_projects_that_exist()
    {
        var projects = Layers.SourceProjects();
        var unknown = Layers.All.SelectMany(layer => layer.MayUse.Prepend(layer.Name)).Distinct().Where(p => !projects.Contains(p)).ToList();

        Assert.Empty(unknown);
    }
}
