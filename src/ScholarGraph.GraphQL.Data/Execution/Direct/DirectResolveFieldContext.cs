using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ScholarGraph.GraphQL.Data.Execution.Direct;

/// <summary>
/// The resolve context of one field of a directly executed object: what GraphQL.NET's own context gives, read from the
/// execution context, the field's plan and the object, with the path, parent and sub-fields worked out only when asked for.
/// Errors a resolver adds go to the run's own list, so that a run given up leaves the request's errors as they were.
/// </summary>
internal sealed class DirectResolveFieldContext(DirectExecution run, ObjectResult target, int slot) : IResolveFieldContext<object?>
{
    private readonly ExecutionContext _context = run.Context;
    private readonly FieldPlan _field = target.Plan.Fields[slot];

    public GraphQLField FieldAst => _field.Field;

    public FieldType FieldDefinition => _field.Definition;

    public IObjectGraphType ParentType => target.Plan.Type;

    public IResolveFieldContext? Parent
    {
        get
        {
            // The field whose value holds this object, past any lists between them; none for a root field.
            ResultValue value = target;
            while (value.Parent is ListResult list)
                value = list;
            return value.Parent is ObjectResult owner ? field ??= new DirectResolveFieldContext(run, owner, value.Key) : null;
        }
    }

    public IDictionary<string, ArgumentValue>? Arguments => field ??= _context.GetArguments(_field.Definition, _field.Field);

    public IDictionary<string, DirectiveInfo>? Directives => _context.GetDirectives(_field.Field);

    public object? RootValue => _context.RootValue;

    public object? Source => target.Source;

    public ISchema Schema => _context.Schema;

    public GraphQLDocument Document => _context.Document;

    public GraphQLOperationDefinition Operation => _context.Operation;

    public Variables Variables => _context.Variables;

    public CancellationToken CancellationToken => _context.CancellationToken;

    public Metrics Metrics => _context.Metrics;

    public ExecutionErrors Errors => run.Errors;

    public IEnumerable<object> Path => PathOf(preferAlias: false);

    public IEnumerable<object> ResponsePath => PathOf(preferAlias: true);

    public Dictionary<string, (GraphQLField Field, FieldType FieldType)>? SubFields =>
        field ??= _field.Field.SelectionSet?.Selections?.Count > 0 ? run.Collect(_field.Definition.ResolvedType!, _field.Field.SelectionSet) : null;

    public IDictionary<string, object?> UserContext => _context.UserContext;

    public IReadOnlyDictionary<string, object?> InputExtensions => _context.InputExtensions;

    public IDictionary<string, object?> OutputExtensions => _context.OutputExtensions;

    public IServiceProvider? RequestServices => _context.RequestServices;

    public IExecutionArrayPool ArrayPool => _context;

    public ClaimsPrincipal? User => _context.User;

    public IExecutionContext ExecutionContext => _context;

    // As GraphQL.NET's execution nodes build theirs: field names (or aliases) and list indexes from the root down.
    private object[] PathOf(bool preferAlias)
    {
        var path = new List<object> { NameOf(_field, preferAlias) };
        for (ResultValue value = target; value.Parent is { } parent; value = parent)
            path.Add(parent is ObjectResult owner ? NameOf(owner.Plan.Fields[value.Key], preferAlias) : value.Key);
        path.Reverse();
        return [.. path];
    }

    private static string NameOf(FieldPlan field, bool preferAlias) => preferAlias ? field.ResponseName : field.Definition.Name;
}
