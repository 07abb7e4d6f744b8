using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ScholarGraph.GraphQL.Data.Execution.Direct;

/// <summary>The fields a selection set asks of one object type, in response order, collected once per parsed document.</summary>
internal sealed class SelectionPlan(IObjectGraphType type, FieldPlan[] fields)
{
    /// <summary>The object type the fields were collected for.</summary>
    public IObjectGraphType Type { get; } = type;

    /// <summary>The collected fields, one per response key.</summary>
    public FieldPlan[] Fields { get; } = fields;

    /// <summary>Builds the plan of <paramref name="selectionSet"/> on <paramref name="type"/> from GraphQL.NET's field collection.</summary>
    public static SelectionPlan Collect(IObjectGraphType type, GraphQLSelectionSet selectionSet, ExecutionContext context, FieldCollector collect)
    {
        var fields = collect(context, type, selectionSet);
        var plans = new FieldPlan[fields.Count];
        var i = 0;
        foreach (var (field, definition) in fields.Values)
            plans[i++] = new FieldPlan(field, definition);
        return new SelectionPlan(type, plans);
    }
}

/// <summary>
/// GraphQL.NET's collection of a selection set's fields on a type (fragments applied, same response keys merged). Plans are
/// kept beyond the request, so the request's context is passed in, never captured.
/// </summary>
internal delegate Dictionary<string, (GraphQLField Field, FieldType FieldType)> FieldCollector(ExecutionContext context, IGraphType type, GraphQLSelectionSet selectionSet);

/// <summary>One collected field: how it is resolved, and the plans of its selection set per object type, made when first needed.</summary>
internal sealed class FieldPlan
{
    private readonly AppendOnlyLookup<IObjectGraphType, SelectionPlan> _children = new();
    private EncodedResponseName? _encodedName;

    public FieldPlan(GraphQLField field, FieldType definition)
    {
        Field = field;
        Definition = definition;
        ResponseName = field.Alias?.Name.StringValue ?? definition.Name;
        // As GraphQL.NET's SelectResolver: a field without a resolver reads the source's member of its name.
        Resolver = definition.Resolver ?? NameFieldResolver.Instance;
        Member = definition.Resolver as IMemberResolver;
        Shape = ValueShape.Of(definition.ResolvedType!);
    }

    public GraphQLField Field { get; }

    public FieldType Definition { get; }

    /// <summary>The field's key in the response: its alias, else its name.</summary>
    public string ResponseName { get; }

    public IFieldResolver Resolver { get; }

    /// <summary>The resolver where it only reads a member of the source (then it needs no resolve context).</summary>
    public IMemberResolver? Member { get; }

    /// <summary>How the field's values are completed, worked out from its type once.</summary>
    public ValueShape Shape { get; }

    /// <summary>The plan of this field's selection set on <paramref name="type"/> (a concrete type of the field's result).</summary>
    public SelectionPlan ChildPlan(IObjectGraphType type, ExecutionContext context, FieldCollector collect)
    {
        return _children.TryGet(type, out var plan) ? plan : _children.Add(type, SelectionPlan.Collect(type, Field.SelectionSet!, context, collect));
    }

    /// <summary>The response key as a writer with <paramref name="options"/> writes it, encoded once.</summary>
    public JsonEncodedText EncodedName(JsonSerializerOptions options, JavaScriptEncoder? encoder)
    {
        var encoded = Volatile.Read(ref _encodedName);
        if (encoded is null || !ReferenceEquals(encoded.Encoder, encoder) || !ReferenceEquals(encoded.Policy, options.PropertyNamingPolicy))
        {
            var name = options.PropertyNamingPolicy?.ConvertName(ResponseName) ?? ResponseName;
            encoded = new EncodedResponseName(encoder, options.PropertyNamingPolicy, JsonEncodedText.Encode(name, encoder));
            Volatile.Write(ref _encodedName, encoded);
        }
        return encoded.Name;
    }

    private sealed record EncodedResponseName(JavaScriptEncoder? Encoder, JsonNamingPolicy? Policy, JsonEncodedText Name);
}

/// <summary>
/// Whether a parsed operation can be executed directly, and its root plan per schema: worked out once per operation and kept
/// as long as the parsed document is (documents are cached by their text).
/// </summary>
internal sealed class OperationPlan
{
    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, OperationPlan> Plans = new();

    private readonly AppendOnlyLookup<ISchema, SelectionPlan> _roots = new();

    private OperationPlan(bool directable) => Directable = directable;

    /// <summary>
    /// Whether no directive appears in the operation, on a field, a fragment or its definition, at any depth: then the fields
    /// GraphQL.NET collects do not depend on the request's variables, and one plan serves every request.
    /// </summary>
    public bool Directable { get; }

    public static OperationPlan For(GraphQLOperationDefinition operation, GraphQLDocument document) =>
        Plans.TryGetValue(operation, out var plan) ? plan : Plans.GetValue(operation, op => new OperationPlan(op.Directives is not { Count: > 0 } && !SelectionDirectives.AnyIn(op.SelectionSet, document, inSubSelections: true)));

    public SelectionPlan Root(ExecutionContext context, IObjectGraphType rootType, FieldCollector collect) =>
        _roots.TryGet(context.Schema, out var root)
            ? root
            : _roots.Add(context.Schema, SelectionPlan.Collect(rootType, context.Operation.SelectionSet, context, collect));
}

/// <summary>
/// A field's type as completing a value needs it, unwrapped once: whether null is refused, and then a scalar (or enum) to
/// serialize with, the shape of a list's items, an object type, or an abstract type to resolve.
/// </summary>
internal sealed class ValueShape
{
    private ValueShape(bool nonNull, IGraphType type)
    {
        NonNull = nonNull;
        Scalar = type as ScalarGraphType;
        Item = type is ListGraphType list ? Of(list.ResolvedType!) : null;
        Object = type as IObjectGraphType;
        Abstract = type as IAbstractGraphType;
    }

    public bool NonNull { get; }

    public ScalarGraphType? Scalar { get; }

    public ValueShape? Item { get; }

    public IObjectGraphType? Object { get; }

    public IAbstractGraphType? Abstract { get; }

    public static ValueShape Of(IGraphType type) =>
        type is NonNullGraphType nonNull ? new ValueShape(true, nonNull.ResolvedType!) : new ValueShape(false, type);
}
