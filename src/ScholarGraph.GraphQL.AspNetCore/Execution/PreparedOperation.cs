using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.AspNetCore.Execution;

/// <summary>
/// The part of GraphQL.NET's per-request validation of a cached operation that depends on the document alone, worked out once:
/// the graph type of each variable and whether a usage needs it non-null, the fields and directives that take arguments, and
/// the argument values that hold no variable, parsed. GraphQL.NET redoes all of it on every request by walking the operation
/// twice (finding the variables' usages, then parsing every argument): half of a small query's time in one process. A request
/// then costs the parsing of its variables and of the arguments that use them.
/// </summary>
/// <remarks>
/// Only the path where every value is valid is taken here: variables of scalar types (lists and input objects go to GraphQL.NET),
/// given or defaulted. Whatever else happens (a missing or null non-null variable, a value a scalar refuses, an argument that fails
/// its parser) leaves the request to GraphQL.NET's validator, so every error reads as it always has. The parsed constant values
/// are shared by the requests of the document: execution and the rules read argument values and never change them.
/// </remarks>
internal sealed class PreparedOperation
{
    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, PreparedOperation> Prepared = new();

    private readonly ISchema _schema;
    private readonly PreparedVariable[] _variables = [];
    private readonly List<(GraphQLField Node, QueryArguments Definitions)> _fieldsWithVariables = [];
    private readonly List<IHasDirectivesNode> _directivesWithVariables = [];
    private readonly Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? _constantArguments;
    private readonly Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? _constantDirectives;

    // False where the operation uses what this class does not prepare: every request then goes to GraphQL.NET's validator.
    private readonly bool _preparable;

    private PreparedOperation(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        _schema = schema;
        try
        {
            _variables = PrepareVariables(schema, document, operation);
            var walk = new ArgumentWalk(schema, document);
            walk.Operation(operation);
            foreach (var (field, definitions) in walk.Fields)
            {
                if (UsesVariables(field.Arguments))
                    _fieldsWithVariables.Add((field, definitions));
                else if (ExecutionHelper.GetArguments(definitions, field.Arguments, Variables.None, document, field, null) is { } values)
                    (_constantArguments ??= new(ReferenceEqualityComparer.Instance))[field] = values;
            }
            foreach (var node in walk.DirectiveNodes)
            {
                if (node.Directives!.Items.Any(directive => UsesVariables(directive.Arguments)))
                    _directivesWithVariables.Add(node);
                else if (ExecutionHelper.GetDirectives(node, Variables.None, schema, document) is { } values)
                    (_constantDirectives ??= new(ReferenceEqualityComparer.Instance))[(ASTNode)node] = values;
            }
            _preparable = _variables.All(variable => variable.Scalar is not null);
        }
        catch (Exception exception) when (exception is ExecutionError or InvalidOperationException or ArgumentException)
        {
            // A document that validated cannot fail here; if one does, GraphQL.NET's validator keeps answering for it.
            _preparable = false;
        }
    }

    /// <summary>
    /// The variables and argument values of <paramref name="options"/>' operation as GraphQL.NET's validator would parse them,
    /// or <see langword="null"/> where that validator must run (see the remarks of the class).
    /// </summary>
    public static IValidationResult? TryParse(in ValidationOptions options)
    {
        var operation = options.Operation;
        if (!Prepared.TryGetValue(operation, out var prepared))
        {
            var made = new PreparedOperation(options.Schema, options.Document, operation);
            prepared = Prepared.GetValue(operation, _ => made);
        }
        return ReferenceEquals(prepared._schema, options.Schema) ? prepared.Parse(options) : null;
    }

    private IValidationResult? Parse(in ValidationOptions options)
    {
        if (!_preparable || ParseVariables(options.Variables) is not { } variables)
            return null;
        try
        {
            var document = options.Document;
            var schema = options.Schema;
            var arguments = WithPerRequestValues(_constantArguments, _fieldsWithVariables, field =>
                (field.Node, ExecutionHelper.GetArguments(field.Definitions, field.Node.Arguments, variables, document, field.Node, null)));
            var directives = WithPerRequestValues(_constantDirectives, _directivesWithVariables, node =>
                ((ASTNode)node, ExecutionHelper.GetDirectives(node, variables, schema, document)));
            return new ValidationResult { Variables = variables, ArgumentValues = arguments, DirectiveValues = directives };
        }
        catch (Exception)
        {
            // An argument its parser or validator refuses: GraphQL.NET's validator reports it, with its node and message.
            return null;
        }
    }

    // The values parsed once, shared as they are where no value depends on the variables; else a copy with this request's added.
    private static Dictionary<TNode, TValue>? WithPerRequestValues<TNode, TItem, TValue>(
        Dictionary<TNode, TValue>? constant, List<TItem> withVariables, Func<TItem, (TNode Node, TValue? Values)> parse)
        where TNode : ASTNode
        where TValue : class
    {
        if (withVariables.Count == 0)
            return constant;
        var values = constant is null ? new Dictionary<TNode, TValue>(ReferenceEqualityComparer.Instance) : new(constant, ReferenceEqualityComparer.Instance);
        foreach (var item in withVariables)
        {
            if (parse(item) is (var node, { } parsed))
                values[node] = parsed;
        }
        return values;
    }

    private Variables? ParseVariables(Inputs? inputs)
    {
        if (_variables.Length == 0)
            return Variables.None;
        var variables = new Variables();
        foreach (var prepared in _variables)
        {
            var variable = new Variable(prepared.Name, prepared.Definition);
            if (inputs is not null && inputs.TryGetValue(prepared.Name, out var given))
            {
                if (given is null && prepared.NonNull)
                    return null;
                try
                {
                    variable.Value = prepared.Scalar!.ParseValue(given);
                }
                catch (Exception)
                {
                    return null;
                }
            }
            else if (prepared.HasDefault)
            {
                variable.Value = prepared.Default;
                variable.IsDefault = true;
            }
            else if (prepared.NonNull)
            {
                return null;
            }
            variables.Add(variable);
        }
        return variables;
    }

    private static PreparedVariable[] PrepareVariables(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (operation.Variables is not { Count: > 0 } definitions)
            return [];
        var usages = new ValidationContext { Schema = schema, Document = document, Operation = operation }.GetRecursiveVariables(operation) ?? [];
        return [.. definitions.Items.Select(definition =>
        {
            var name = definition.Variable.Name.StringValue;
            var type = definition.Type.GraphTypeFromType(schema);
            var nonNull = type is NonNullGraphType
                || usages.Any(usage => usage.Node.Name == definition.Variable.Name && usage.Type is NonNullGraphType);
            var scalar = (type is NonNullGraphType wrapped ? wrapped.ResolvedType : type) as ScalarGraphType;
            var hasDefault = definition.DefaultValue is not null && scalar is not null;
            var defaultValue = hasDefault ? ExecutionHelper.CoerceValue(type!, definition.DefaultValue).Value : null;
            return new PreparedVariable(name, definition, scalar, nonNull, hasDefault, defaultValue);
        })];
    }

    private static bool UsesVariables(GraphQLArguments? arguments) =>
        arguments is not null && arguments.Items.Any(argument => HoldsVariable(argument.Value));

    /// <summary>Whether <paramref name="value"/> is a variable or a list or input object holding one, at any depth.</summary>
    public static bool HoldsVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(HoldsVariable) == true,
        GraphQLObjectValue obj => obj.Fields?.Any(field => HoldsVariable(field.Value)) == true,
        _ => false,
    };

    /// <param name="Name">The variable's name, without its <c>$</c>.</param>
    /// <param name="Definition">Its definition in the operation.</param>
    /// <param name="Scalar">The variable's scalar type, without its non-null wrapper; null for a list or an input object.</param>
    /// <param name="NonNull">Whether the variable's type or one of its usages requires a value that is not null.</param>
    /// <param name="HasDefault">Whether the definition gives a default value (of a scalar type).</param>
    /// <param name="Default">That default, coerced once.</param>
    private sealed record PreparedVariable(
        string Name, GraphQLVariableDefinition Definition, ScalarGraphType? Scalar, bool NonNull, bool HasDefault, object? Default);

    /// <summary>
    /// The fields with arguments and the nodes with directives of one operation, found as GraphQL.NET's argument parsing finds
    /// them: the selected operation only, each fragment once, field definitions looked up in the enclosing composite type (the
    /// enclosing one still inside a union's fragments).
    /// </summary>
    private sealed class ArgumentWalk(ISchema schema, GraphQLDocument document)
    {
        private readonly HashSet<string> _visitedFragments = new(StringComparer.Ordinal);

        public List<(GraphQLField Node, QueryArguments Definitions)> Fields { get; } = [];

        public List<IHasDirectivesNode> DirectiveNodes { get; } = [];

        public void Operation(GraphQLOperationDefinition operation)
        {
            Directives(operation);
            foreach (var variable in operation.Variables?.Items ?? [])
                Directives(variable);
            IComplexGraphType? root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => null,
            };
            if (root is not null)
                SelectionSet(operation.SelectionSet, root);
        }

        private void SelectionSet(GraphQLSelectionSet? selectionSet, IComplexGraphType? type)
        {
            foreach (var selection in selectionSet?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLField field:
                        Field(field, type);
                        break;
                    case GraphQLInlineFragment inline:
                        Directives(inline);
                        if (inline.TypeCondition is null)
                            SelectionSet(inline.SelectionSet, type);
                        else
                            Fragment(inline.TypeCondition, inline.SelectionSet, type);
                        break;
                    case GraphQLFragmentSpread spread:
                        Directives(spread);
                        var name = spread.FragmentName.Name.StringValue;
                        if (_visitedFragments.Add(name) && document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } definition)
                        {
                            Directives(definition);
                            Fragment(definition.TypeCondition, definition.SelectionSet, type);
                        }
                        break;
                }
            }
        }

        private void Fragment(GraphQLTypeCondition condition, GraphQLSelectionSet selectionSet, IComplexGraphType? enclosing)
        {
            switch (schema.AllTypes[condition.Type.Name.Value]?.GetNamedType())
            {
                case IComplexGraphType type:
                    SelectionSet(selectionSet, type);
                    break;
                case IAbstractGraphType:
                    SelectionSet(selectionSet, enclosing);
                    break;
            }
        }

        private void Field(GraphQLField field, IComplexGraphType? type)
        {
            Directives(field);
            var name = field.Name.Value;
            var definition =
                name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType :
                name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType :
                name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType :
                type?.Fields.Find(name);
            if (definition is null)
                return;
            if (field.Arguments is { Count: > 0 } && definition.Arguments is { Count: > 0 } arguments)
                Fields.Add((field, arguments));
            switch (definition.ResolvedType?.GetNamedType())
            {
                case IComplexGraphType complex:
                    SelectionSet(field.SelectionSet, complex);
                    break;
                case UnionGraphType:
                    SelectionSet(field.SelectionSet, type);
                    break;
            }
        }

        private void Directives(IHasDirectivesNode node)
        {
            if (node.Directives is { Count: > 0 })
                DirectiveNodes.Add(node);
        }
    }
}
