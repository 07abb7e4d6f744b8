using System.Reflection;
using NetArchTest.Rules;

namespace ScholarGraph.Architecture.Tests.Dependencies;

/// <summary>The type-level rules: which types of an assembly depend on a forbidden namespace, by NetArchTest.</summary>
public static class TypeRules
{
    /// <summary>
    /// One line per forbidden namespace that some type of <paramref name="assembly"/> uses, naming that namespace, what it
    /// belongs to and every type that uses it; none when the assembly keeps to the rule.
    /// </summary>
    public static IReadOnlyList<string> Violations(Assembly assembly, IEnumerable<(string Namespace, string Owner)> forbidden)
    {
        var lines = new List<string>();
        foreach (var (ns, owner) in forbidden)
        {
            var result = Types.InAssembly(assembly).Should().NotHaveDependencyOn(ns).GetResult();
            if (!result.IsSuccessful)
                lines.Add($"{ns} ({owner}) is used by {string.Join(", ", result.FailingTypeNames.Order(StringComparer.Ordinal))}");
        }
        return lines;
    }

    /// <summary>The namespaces <paramref name="layer"/> must not use: the other projects of ours it may not use, and its forbidden outside libraries'.</summary>
    public static IEnumerable<(string Namespace, string Owner)> Forbidden(Layer layer) =>
        Layers.ForbiddenOfOurs(layer).Select(project => (project, "our project " + project))
            .Concat(layer.MustNotUse.SelectMany(outside => outside.Namespaces.Select(ns => (ns, outside.Name))));
}
