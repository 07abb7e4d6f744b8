using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.Data.Projection;

/// <summary>
/// Collects the fields a query selects on an entity type below a field, following the given paths (such as <c>nodes</c> or
/// <c>edges { node }</c>), inline fragments and named fragment spreads, also below a field of a union type. Directives (<c>@skip</c>, <c>@include</c>) are not
/// evaluated: a field they leave out is still collected, which reads a column too many but never one too few.
/// </summary>
internal static class SelectionWalker
{
    /// <summary>The fields of <paramref name="target"/> selected in <paramref name="field"/> (of type <paramref name="fieldType"/>) along <paramref name="paths"/>.</summary>
    public static IReadOnlySet<FieldType> SelectedFields(
        GraphQLDocument document, GraphQLField field, IGraphType fieldType, SelectionPaths paths, IComplexGraphType target)
    {
        var found = new HashSet<FieldType>();
        // A union has no fields of its own: what is selected on it are fragments on its members, the target among them.
        var start = fieldType.GetNamedType() switch { IComplexGraphType complex => complex, UnionGraphType => target, _ => null };
        if (start is not null && field.SelectionSet is { } selections)
        {
            foreach (var path in paths.Paths)
                Walk(document, start, selections, path, 0, target, found);
        }
        return found;
    }

    private static void Walk(GraphQLDocument document, IComplexGraphType type, GraphQLSelectionSet selections, string[] path, int depth,
        IComplexGraphType target, HashSet<FieldType> found)
    {
        var atTarget = depth == path.Length;
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField child when atTarget:
                    if (target.GetField(child.Name.StringValue) is { } selected)
                        found.Add(selected);
                    break;
                case GraphQLField child when child.Name.StringValue == path[depth] && child.SelectionSet is { } next:
                    if (type.GetField(child.Name.StringValue)?.ResolvedType?.GetNamedType() is IComplexGraphType nextType)
                        Walk(document, nextType, next, path, depth + 1, target, found);
                    break;
                case GraphQLInlineFragment inline when Matches(inline.TypeCondition, atTarget ? target : type):
                    Walk(document, type, inline.SelectionSet, path, depth, target, found);
                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name == spread.FragmentName.Name);
                    if (fragment is not null && Matches(fragment.TypeCondition, atTarget ? target : type))
                        Walk(document, type, fragment.SelectionSet, path, depth, target, found);
                    break;
            }
        }
    }

    // A fragment applies when it names the type itself or an interface the type implements; one without a condition always applies.
    private static bool Matches(GraphQLTypeCondition? condition, IComplexGraphType type)
    {
        if (condition is null)
            return true;
        var name = condition.Type.Name.StringValue;
        return name == type.Name || (type is IObjectGraphType o && o.ResolvedInterfaces.Any(i => i.Name == name));
    }
}
