using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ScholarGraph.GraphQL.Data.Execution;

/// <summary>
/// GraphQL.NET's <see cref="ParallelExecutionStrategy"/> with two costs per result node taken out, for lists of hundreds of
/// objects: a field whose resolver is an <see cref="IMemberResolver"/> (a plain member read) is read from its parent's result
/// without a resolve context and the awaits around it, and the fields of a selection set are collected once per parsed
/// selection set and object type, not once per object. Errors, null checks and everything else are GraphQL.NET's.
/// </summary>
/// <remarks>
/// A selection set whose fields depend on the request (a directive such as <c>@include(if: $flag)</c> on one of them or on a
/// fragment it spreads) is collected per object, as GraphQL.NET does. A member read that throws is run again through
/// GraphQL.NET's path, so its error reads as any resolver's does. Field middleware wraps resolvers, so a field with middleware
/// is never read the short way.
/// </remarks>
public class LeanParallelExecutionStrategy : ParallelExecutionStrategy
{
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, CollectedFields> Collected = new();

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
        var collected = Collected.GetValue(selectionSet, set => new CollectedFields(DependsOnRequest(set, context.Document)));
        if (collected.DependsOnRequest)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var parentType = parent.GetObjectGraphType(context.Schema) ?? (IComplexGraphType)parent.GraphType;
        var fields = collected.For(context.Schema, parentType, () => [.. CollectFieldsFrom(context, parentType, selectionSet, null).Values]);
        var nodes = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            nodes[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }
        parent.SubFields = nodes;
    }

    // Whether a directive in the selection set, or in a fragment it spreads or inlines (at this level: sub-selections are
    // collected on their own), may drop or keep a field per request.
    private static bool DependsOnRequest(GraphQLSelectionSet selectionSet, GraphQLDocument document)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when field.Directives?.Count > 0:
                    return true;
                case GraphQLInlineFragment inline when inline.Directives?.Count > 0 || DependsOnRequest(inline.SelectionSet, document):
                    return true;
                case GraphQLFragmentSpread spread:
                    if (spread.Directives?.Count > 0)
                        return true;
                    var fragment = document.FindFragmentDefinition(spread.FragmentName.Name.Value);
                    if (fragment is null || fragment.Directives?.Count > 0 || DependsOnRequest(fragment.SelectionSet, document))
                        return true;
                    break;
            }
        }
        return false;
    }

    /// <summary>A selection set's collected fields per object type, for the schema they were collected against.</summary>
    private sealed class CollectedFields(bool dependsOnRequest)
    {
        private readonly Lock _gate = new();
        private (ISchema Schema, IGraphType Type, (GraphQLField Field, FieldType Definition)[] Fields)[] _byType = [];

        public bool DependsOnRequest { get; } = dependsOnRequest;

        public (GraphQLField Field, FieldType Definition)[] For(ISchema schema, IGraphType type, Func<(GraphQLField, FieldType)[]> collect)
        {
            foreach (var entry in Volatile.Read(ref _byType))
            {
                if (ReferenceEquals(entry.Type, type) && ReferenceEquals(entry.Schema, schema))
                    return entry.Fields;
            }
            var fields = collect();
            lock (_gate)
                _byType = [.. _byType, (schema, type, fields)];
            return fields;
        }
    }
}
