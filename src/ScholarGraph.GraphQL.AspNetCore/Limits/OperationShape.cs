using GraphQLParser;
using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// The size of an operation's selection as the limits see it: its depth in fields, its aliases and its directives, fragments
/// followed. Each fragment is measured once and its measure reused at every spread, so a document that spreads fragments into
/// one another many times is measured in time linear in its size; a fragment met again while it is being measured (a cycle,
/// which GraphQL.NET's <c>NoFragmentCycles</c> rule reports) counts as empty, so measuring always ends. Counts saturate rather
/// than overflow.
/// </summary>
internal sealed class OperationShape
{
    private readonly GraphQLDocument _document;
    private readonly Dictionary<GraphQLFragmentDefinition, Measure?> _fragments = [];

    private OperationShape(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        _document = document;
        var selection = MeasureSelection(operation.SelectionSet);
        var directives = Add(selection.Directives, Count(operation.Directives));
        foreach (var variable in operation.Variables?.Items ?? [])
            directives = Add(directives, Count(variable.Directives));
        (Depth, Aliases, Directives) = (selection.Depth, selection.Aliases, directives);
    }

    /// <summary>The most fields on one path from the root to a leaf; introspection subtrees (<c>__schema</c>, <c>__type</c>) not counted.</summary>
    public int Depth { get; }

    /// <summary>The aliases, those of a fragment counted at every spread.</summary>
    public long Aliases { get; }

    /// <summary>The directives on the operation, its variables, fields, fragments and spreads, a fragment's counted at every spread.</summary>
    public long Directives { get; }

    public static OperationShape Of(GraphQLDocument document, GraphQLOperationDefinition operation) => new(document, operation);

    /// <summary>Whether <paramref name="field"/> is an introspection entry point, whose subtree the depth limit does not count.</summary>
    public static bool IsIntrospection(GraphQLField field) => field.Name.Value == "__schema" || field.Name.Value == "__type";

    private Measure MeasureSelection(GraphQLSelectionSet? selectionSet)
    {
        var measure = default(Measure);
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field:
                    var inner = MeasureSelection(field.SelectionSet);
                    var depth = IsIntrospection(field) ? 0 : inner.Depth + 1;
                    measure = measure.With(depth, inner, field.Alias is null ? 0 : 1, Count(field.Directives));
                    break;
                case GraphQLInlineFragment inline:
                    var fragment = MeasureSelection(inline.SelectionSet);
                    measure = measure.With(fragment.Depth, fragment, 0, Count(inline.Directives));
                    break;
                case GraphQLFragmentSpread spread:
                    var definition = _document.FindFragmentDefinition(spread.FragmentName.Name.Value);
                    var spreadMeasure = definition is null ? default : MeasureFragment(definition);
                    measure = measure.With(spreadMeasure.Depth, spreadMeasure, 0, Count(spread.Directives));
                    break;
            }
        }
        return measure;
    }

    private Measure MeasureFragment(GraphQLFragmentDefinition definition)
    {
        if (_fragments.TryGetValue(definition, out var known))
            return known ?? default; // null: met again while being measured, a cycle
        _fragments[definition] = null;
        var measure = MeasureSelection(definition.SelectionSet);
        measure = measure with { Directives = Add(measure.Directives, Count(definition.Directives)) };
        _fragments[definition] = measure;
        return measure;
    }

    private static long Count(GraphQLDirectives? directives) => directives?.Count ?? 0;

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private readonly record struct Measure(int Depth, long Aliases, long Directives)
    {
        /// <summary>
        /// This measure with a sibling selection of <paramref name="depth"/> added: its inner counts and its own aliases and
        /// directives.
        /// </summary>
        public Measure With(int depth, Measure inner, long ownAliases, long ownDirectives) => new(
            Math.Max(Depth, depth),
            Add(Add(Aliases, inner.Aliases), ownAliases),
            Add(Add(Directives, inner.Directives), ownDirectives));
    }
}
