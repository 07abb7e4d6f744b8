using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.Data.Execution.Direct;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ScholarGraph.GraphQL.Data.Execution;

/// <summary>
/// GraphQL.NET's <see cref="ParallelExecutionStrategy"/> without its execution node per field for the queries that need none:
/// a query with no directive is executed straight into a tree of values (fields collected once per parsed document and object
/// type, member fields read without a resolve context) that is written as JSON as GraphQL.NET writes its nodes. Where that
/// run meets anything but a valid value (an error, a null in a non-null place), it is given up and GraphQL.NET executes the
/// operation, so errors, their paths and null propagation are GraphQL.NET's; so are every operation with directives and
/// every mutation. On GraphQL.NET's path, too, a field whose resolver is an <see cref="IMemberResolver"/> (a plain member
/// read) is read from its parent's result without a resolve context, and the fields of a selection set are collected once per
/// parsed selection set and object type, not once per object.
/// </summary>
/// <remarks>
/// <para>
/// A resolver may thus run twice for one request, where the direct run was given up after it ran: resolvers of queries read,
/// and errors they add in the direct run are dropped with it. Data loader results keep GraphQL.NET's order: they are awaited
/// only when every other field that can be resolved has been, so that a level's loads go as one batch.
/// </para>
/// <para>
/// A selection set whose fields depend on the request (a directive such as <c>@include(if: $flag)</c> on one of them or on a
/// fragment it spreads) is collected per object, as GraphQL.NET does. A member read that throws is run again through
/// GraphQL.NET's path, so its error reads as any resolver's does. Field middleware wraps resolvers, so a field with middleware
/// is never read the short way.
/// </para>
/// </remarks>
public class LeanParallelExecutionStrategy : ParallelExecutionStrategy
{
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, CollectedFields> Collected = new();
    private FieldCollector? _collect;

    /// <inheritdoc />
    public override async Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        if (await DirectExecution.TryRunAsync(context, _collect ??= (c, type, selectionSet) => CollectFieldsFrom(c, type, selectionSet, null)).ConfigureAwait(false) is { } data)
        {
            // As GraphQL.NET's ExecutionResult(ExecutionContext), which is internal.
            return new ExecutionResult
            {
                Query = context.Document.Source,
                Document = context.Document,
                Operation = context.Operation,
                Extensions = context.OutputExtensions,
                Executed = true,
                Data = data,
            };
        }
        return await base.ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        if (node is ValueExecutionNode value && node.FieldDefinition?.Resolver is IMemberResolver member
            && node.Parent is ObjectExecutionNode and not RootExecutionNode)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                node.Result = value.GraphType.Serialize(member.Read(node.Source));
                ValidateNodeResult(context, node);
                return Task.CompletedTask;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                node.Result = null;
            }
        }
        return base.ExecuteNodeAsync(context, node);
    }

    /// <inheritdoc />
    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        if (parent.SelectionSet is not { } selectionSet || parent is RootExecutionNode)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }
        if (!Collected.TryGetValue(selectionSet, out var collected))
            // Sub-selections are collected on their own, so only this level's directives count.
            collected = Collected.GetValue(selectionSet, set => new CollectedFields(SelectionDirectives.AnyIn(set, context.Document, inSubSelections: false)));
        if (collected.DependsOnRequest)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var parentType = parent.GetObjectGraphType(context.Schema) ?? (IComplexGraphType)parent.GraphType;
        if (!collected.ByType.TryGet((context.Schema, parentType), out var fields))
            fields = collected.ByType.Add((context.Schema, parentType), [.. CollectFieldsFrom(context, parentType, selectionSet, null).Values]);
        var nodes = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            nodes[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }
        parent.SubFields = nodes;
    }

    /// <summary>A selection set's collected fields per object type, for the schema they were collected against.</summary>
    private sealed class CollectedFields(bool dependsOnRequest)
    {
        public bool DependsOnRequest { get; } = dependsOnRequest;

        public AppendOnlyLookup<(ISchema Schema, IGraphType Type), (GraphQLField Field, FieldType Definition)[]> ByType { get; } = new();
    }
}
