using GraphQLParser;
using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.Data.Execution;

/// <summary>Whether directives (such as <c>@include(if: $flag)</c>) may make the fields a selection set collects depend on the request.</summary>
internal static class SelectionDirectives
{
    /// <summary>
    /// Whether a directive stands on a field of <paramref name="selectionSet"/>, on a fragment it spreads or inlines, or on that
    /// fragment's definition; with <paramref name="inSubSelections"/>, also anywhere in the fields' own selection sets.
    /// </summary>
    public static bool AnyIn(GraphQLSelectionSet? selectionSet, GraphQLDocument document, bool inSubSelections) =>
        AnyIn(selectionSet, document, inSubSelections, []);

    private static bool AnyIn(GraphQLSelectionSet? selectionSet, GraphQLDocument document, bool inSubSelections, HashSet<string> fragmentsSeen)
    {
        if (selectionSet is null)
            return false;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (field.Directives?.Count > 0 || (inSubSelections && AnyIn(field.SelectionSet, document, true, fragmentsSeen)))
                        return true;
                    break;
                case GraphQLInlineFragment inline:
                    if (inline.Directives?.Count > 0 || AnyIn(inline.SelectionSet, document, inSubSelections, fragmentsSeen))
                        return true;
                    break;
                case GraphQLFragmentSpread spread:
                    if (spread.Directives?.Count > 0)
                        return true;
                    // A fragment met twice has been looked through (validation forbids cycles; this guards them anyway).
                    if (!fragmentsSeen.Add(spread.FragmentName.Name.StringValue))
                        break;
                    var fragment = document.FindFragmentDefinition(spread.FragmentName.Name.Value);
                    if (fragment is null || fragment.Directives?.Count > 0 || AnyIn(fragment.SelectionSet, document, inSubSelections, fragmentsSeen))
                        return true;
                    break;
                default:
                    return true;
            }
        }
        return false;
    }
}
