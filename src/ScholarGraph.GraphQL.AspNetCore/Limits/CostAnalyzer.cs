using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.AspNetCore.Execution;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>The measured cost of an operation, in Hot Chocolate's two figures.</summary>
/// <param name="FieldCost">The work of resolving its fields: each field's weight and those of its arguments, plus what is selected below it, times the list's size for a list.</param>
/// <param name="TypeCost">The objects it builds: each composite field's type weight plus what is selected below it, times the list's size for a list, plus the root type.</param>
internal readonly record struct OperationCost(double FieldCost, double TypeCost);

/// <summary>
/// Computes an operation's cost from the cost directives, as Hot Chocolate computes it following the IBM cost specification,
/// with the request's argument values (literals, variables and defaults, as validation parsed them). Fields of one response name
/// are merged, as execution merges them, so repeating a field under one name cannot hide what its second selection costs; for an
/// interface or union the most expensive possible type counts. The cost of a merged field is computed once per type and
/// enclosing list size, so fragments spread many times are not walked again. Introspection fields cost nothing. Input values are
/// weighed by their argument's weight alone, not field by field (the token and string limits bound their size).
/// </summary>
internal sealed class CostAnalyzer
{
    private readonly ValidationContext _context;
    private readonly Dictionary<GraphQLField, int> _fieldIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MergedFieldKey, OperationCost> _merged = [];
    private readonly HashSet<GraphQLField> _slicingChecked = new(ReferenceEqualityComparer.Instance);

    private CostAnalyzer(ValidationContext context) => _context = context;

    /// <summary>Errors found on the way: fields whose <c>@listSize</c> requires one slicing argument and got none or several.</summary>
    public List<ValidationError> Errors { get; } = [];

    /// <summary>
    /// Whether a value the cost was computed from came from a variable (a slicing argument given as <c>$first</c>, say): where none
    /// did, the cost is the document's alone and holds for every request of it.
    /// </summary>
    public bool ReadVariables { get; private set; }

    /// <summary>
    /// The cost of the validated selected operation of <paramref name="context"/>, and whether it read a value given by a variable
    /// (<see cref="ReadVariables"/>).
    /// </summary>
    public static (OperationCost Cost, List<ValidationError> Errors, bool ReadVariables) Analyze(ValidationContext context)
    {
        var analyzer = new CostAnalyzer(context);
        var root = context.Operation.Operation switch
        {
            OperationType.Mutation => context.Schema.Mutation,
            OperationType.Subscription => context.Schema.Subscription,
            _ => context.Schema.Query,
        };
        if (root is null)
            return (default, analyzer.Errors, false);
        var cost = analyzer.SelectionCost(root, [context.Operation.SelectionSet], sizing: null);
        return (Finite(cost with { TypeCost = cost.TypeCost + CostSettings.TypeWeight(root) }), analyzer.Errors, analyzer.ReadVariables);
    }

    private OperationCost SelectionCost(IGraphType type, IReadOnlyList<GraphQLSelectionSet> selectionSets, Sizing? sizing)
    {
        if (type is IObjectGraphType objectType)
            return ObjectSelectionCost(objectType, selectionSets, sizing);
        if (type is not IAbstractGraphType abstractType)
            return default;
        double fieldCost = 0, typeCost = 0;
        foreach (var possible in abstractType.PossibleTypes)
        {
            var cost = ObjectSelectionCost(possible, selectionSets, sizing);
            fieldCost = Math.Max(fieldCost, cost.FieldCost);
            typeCost = Math.Max(typeCost, cost.TypeCost);
        }
        return new(fieldCost, typeCost);
    }

    private OperationCost ObjectSelectionCost(IObjectGraphType type, IReadOnlyList<GraphQLSelectionSet> selectionSets, Sizing? sizing)
    {
        double fieldCost = 0, typeCost = 0;
        foreach (var fields in CollectFields(type, selectionSets).Values)
        {
            var cost = MergedFieldCost(type, fields, sizing);
            fieldCost += cost.FieldCost;
            typeCost += cost.TypeCost;
        }
        return new(fieldCost, typeCost);
    }

    private OperationCost MergedFieldCost(IObjectGraphType type, List<GraphQLField> fields, Sizing? sizing)
    {
        var key = new MergedFieldKey(string.Join(',', fields.Select(FieldId)), type, sizing);
        if (!_merged.TryGetValue(key, out var cost))
            _merged[key] = cost = ComputeMergedFieldCost(type, fields, sizing);
        return cost;
    }

    private OperationCost ComputeMergedFieldCost(IObjectGraphType type, List<GraphQLField> fields, Sizing? sizing)
    {
        var node = fields[0];
        var name = node.Name.StringValue;
        // __typename, __schema and __type: introspection reads the schema in memory.
        if (name.StartsWith("__", StringComparison.Ordinal) || type.GetField(name) is not { ResolvedType: { } returnType } definition)
            return default;

        var arguments = _context.ArgumentValues?.GetValueOrDefault(node);
        var fieldCost = CostSettings.FieldWeight(definition);
        foreach (var given in node.Arguments?.Items ?? [])
        {
            if (definition.Arguments?.Find(given.Name.StringValue) is { } argument)
                fieldCost += CostSettings.ArgumentWeight(argument);
        }

        var listSize = CostSettings.ListSize(definition);
        if (listSize is not null)
            NoteVariables(node, listSize);
        if (listSize is { RequireOneSlicingArgument: true })
            CheckOneSlicingArgument(type, definition, node, arguments, listSize);

        var namedType = returnType.GetNamedType();
        var typeCost = CostSettings.TypeWeight(namedType);
        double selectionCost = 0;
        var selectionSets = fields.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!).ToList();
        if (selectionSets.Count > 0)
        {
            var childSizing = listSize is { SizedFields.Count: > 0 } ? new Sizing(listSize.SizedFields, Size(listSize, definition, arguments)) : null;
            var selection = SelectionCost(namedType, selectionSets, childSizing);
            selectionCost = selection.FieldCost;
            typeCost += selection.TypeCost;
        }

        if (CostSettings.IsList(returnType))
        {
            var size = listSize is not null ? Size(listSize, definition, arguments)
                : sizing is not null && sizing.SizedFields.Contains(name) ? sizing.Size
                : 1;
            typeCost *= size;
            selectionCost *= size;
        }
        return new(Math.Max(0, fieldCost + selectionCost), typeCost);
    }

    private void NoteVariables(GraphQLField node, ListSizeSettings listSize)
    {
        if (ReadVariables || node.Arguments is null)
            return;
        foreach (var argument in node.Arguments.Items)
        {
            if (listSize.SlicingArguments.Contains(argument.Name.StringValue) && PreparedOperation.HoldsVariable(argument.Value))
                ReadVariables = true;
        }
    }

    /// <summary>The largest value given to a slicing argument, else the directive's default value, its assumed size, or 1.</summary>
    private static double Size(ListSizeSettings listSize, FieldType definition, IDictionary<string, ArgumentValue>? arguments)
    {
        double? largest = null;
        foreach (var name in listSize.SlicingArguments)
        {
            if (SlicingValue(name, definition, arguments) is { } value)
                largest = Math.Max(largest ?? 0, value);
        }
        return Math.Max(0, largest ?? listSize.SlicingArgumentDefaultValue ?? listSize.AssumedSize ?? 1);
    }

    private static double? SlicingValue(string name, FieldType definition, IDictionary<string, ArgumentValue>? arguments)
    {
        var value = arguments is not null && arguments.TryGetValue(name, out var given) ? given.Value : definition.Arguments?.Find(name)?.DefaultValue;
        return value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            double d => d,
            _ => null,
        };
    }

    private void CheckOneSlicingArgument(
        IObjectGraphType type, FieldType definition, GraphQLField node, IDictionary<string, ArgumentValue>? arguments, ListSizeSettings listSize)
    {
        if (!_slicingChecked.Add(node))
            return;
        var given = listSize.SlicingArguments.Count(name => SlicingValue(name, definition, arguments) is not null);
        if (given != 1)
            Errors.Add(new SlicingArgumentRequiredError(_context.Document.Source, $"{type.Name}.{definition.Name}", listSize.SlicingArguments, given, node));
    }

    /// <summary>
    /// The fields of <paramref name="selectionSets"/> that apply to <paramref name="type"/>, by response name, fragments followed
    /// (each at most once, as GraphQL's CollectFields does).
    /// </summary>
    private Dictionary<string, List<GraphQLField>> CollectFields(IObjectGraphType type, IReadOnlyList<GraphQLSelectionSet> selectionSets)
    {
        var fields = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selectionSet in selectionSets)
            Collect(selectionSet);
        return fields;

        void Collect(GraphQLSelectionSet selectionSet)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var responseName = (field.Alias?.Name ?? field.Name).StringValue;
                        if (!fields.TryGetValue(responseName, out var named))
                            fields[responseName] = named = [];
                        named.Add(field);
                        break;
                    case GraphQLInlineFragment inline when inline.TypeCondition is null || AppliesTo(inline.TypeCondition, type):
                        Collect(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when visitedFragments.Add(spread.FragmentName.Name.StringValue):
                        if (_context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } definition
                            && AppliesTo(definition.TypeCondition, type))
                            Collect(definition.SelectionSet);
                        break;
                }
            }
        }
    }

    private bool AppliesTo(GraphQLTypeCondition condition, IObjectGraphType type) =>
        _context.Schema.AllTypes[condition.Type.Name.Value] switch
        {
            IObjectGraphType objectType => objectType == type,
            IInterfaceGraphType interfaceType => type.ResolvedInterfaces.Contains(interfaceType),
            UnionGraphType union => union.PossibleTypes.Contains(type),
            _ => false,
        };

    private int FieldId(GraphQLField field)
    {
        if (!_fieldIds.TryGetValue(field, out var id))
            _fieldIds[field] = id = _fieldIds.Count;
        return id;
    }

    // A cost too large for a double is still over any limit; keep it finite so it can be written as JSON.
    private static OperationCost Finite(OperationCost cost) =>
        new(Math.Min(cost.FieldCost, double.MaxValue), Math.Min(cost.TypeCost, double.MaxValue));

    /// <summary>The list size a parent's <c>@listSize</c> with <c>sizedFields</c> gives to those fields of its result.</summary>
    private sealed record Sizing(IReadOnlyList<string> SizedFields, double Size);

    private readonly record struct MergedFieldKey(string Fields, IObjectGraphType Type, Sizing? Sizing);
}
