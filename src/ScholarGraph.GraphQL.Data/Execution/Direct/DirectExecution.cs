using System.Collections;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.Data.Batching;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ScholarGraph.GraphQL.Data.Execution.Direct;

/// <summary>
/// One run of a query operation straight into <see cref="ObjectResult"/>s, in the order GraphQL.NET's parallel strategy keeps:
/// every field that can be resolved now is, asynchronous resolvers of a step are awaited together, and data loader results
/// are awaited only when nothing else is left, so that a level's loads go as one batch. Only the path where every value is
/// as its type says is taken: a resolver that throws or adds an error, a null in a non-null place, a value its type does not
/// accept or a data loader result inside a list gives the run up (<see cref="GivenUp"/>), and GraphQL.NET executes the
/// operation instead, so errors, their paths and null propagation are GraphQL.NET's.
/// </summary>
internal sealed class DirectExecution
{
    private readonly FieldCollector _collect;
    private readonly Queue<(ObjectResult Target, int Slot)> _pending = new();
    private List<(ObjectResult Target, int Slot, Task<object?> Task)> _running = [];
    private List<(ObjectResult Target, int Slot, IDataLoaderResult Result)> _deferred = [];

    private DirectExecution(ExecutionContext context, FieldCollector collect)
    {
        Context = context;
        _collect = collect;
    }

    public ExecutionContext Context { get; }

    /// <summary>Errors resolvers add during the run; any gives the run up.</summary>
    public ExecutionErrors Errors { get; } = new();

    /// <summary>GraphQL.NET's field collection, for <see cref="IResolveFieldContext.SubFields"/>.</summary>
    public Dictionary<string, (GraphQLField Field, FieldType FieldType)> Collect(IGraphType type, GraphQLSelectionSet selectionSet) =>
        _collect(Context, type, selectionSet);

    /// <summary>
    /// The operation's data, or <c>null</c> where the run was given up (or the operation is not one to run directly); any
    /// asynchronous work the run started has ended when this returns.
    /// </summary>
    public static async Task<ObjectResult?> TryRunAsync(ExecutionContext context, FieldCollector collect)
    {
        if (context.Operation.Operation != OperationType.Query || context.Schema.Query is not { } rootType
            || OperationPlan.For(context.Operation, context.Document) is not { Directable: true } operation)
            return null;
        var plan = operation.Root(context, rootType, collect);
        var run = new DirectExecution(context, collect);
        var root = new ObjectResult(plan, context.RootValue, null, -1);
        try
        {
            run.Fill(root);
            await run.DrainAsync().ConfigureAwait(false);
            return run.Errors.Count == 0 ? root : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            // GivenUp, or a resolver's exception: GraphQL.NET's execution reports it as the request's error.
            await run.SettleRunningAsync().ConfigureAwait(false);
            return null;
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            Context.CancellationToken.ThrowIfCancellationRequested();
            while (_pending.TryDequeue(out var next))
                Resolve(next.Target, next.Slot);

            if (_running.Count > 0)
            {
                var running = _running;
                _running = [];
                await Task.WhenAll(running.Select(r => r.Task)).ConfigureAwait(false);
                foreach (var (target, slot, task) in running)
                    Settle(target, slot, task.Result);
                continue;
            }

            if (_deferred.Count > 0)
            {
                var deferred = _deferred;
                _deferred = [];
                // Every load of the level is asked for before any is awaited: the first dispatches the batch for all.
                var results = new Task<object?>[deferred.Count];
                var allDone = true;
                for (var i = 0; i < results.Length; i++)
                {
                    results[i] = deferred[i].Result.GetResultAsync(Context.CancellationToken);
                    allDone &= results[i].IsCompletedSuccessfully;
                }
                if (!allDone)
                    await Task.WhenAll(results).ConfigureAwait(false);
                for (var i = 0; i < results.Length; i++)
                    Settle(deferred[i].Target, deferred[i].Slot, results[i].Result);
                continue;
            }
            return;
        }
    }

    // Waits for resolvers still running when the run is given up, so none overlaps GraphQL.NET's execution of the operation.
    private async Task SettleRunningAsync()
    {
        foreach (var (_, _, task) in _running)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch
            {
                // The run is given up; GraphQL.NET's execution reports what this resolver does there.
            }
        }
        _running.Clear();
    }

    // Fills an object's member fields at once (they read the source and nothing else) and queues the rest.
    private void Fill(ObjectResult value)
    {
        var fields = value.Plan.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Member is not { } member)
                _pending.Enqueue((value, i));
            else if (field.Shape.Scalar is not null)
                value.Values[i] = Complete(field, field.Shape, member.Read(value.Source), value, i);
            else
                Settle(value, i, member.Read(value.Source));
        }
    }

    private void Resolve(ObjectResult target, int slot)
    {
        var field = target.Plan.Fields[slot];
        var result = field.Resolver.ResolveAsync(new DirectResolveFieldContext(this, target, slot));
        if (result.IsCompletedSuccessfully)
            Settle(target, slot, result.Result);
        else
            _running.Add((target, slot, result.AsTask()));
    }

    private void Settle(ObjectResult target, int slot, object? result)
    {
        // A value already known waits for no batch: its object is completed now, and loads beneath it still go with the level's.
        while (result is IReadyResult ready)
            result = ready.Value;
        if (result is IDataLoaderResult loading)
        {
            _deferred.Add((target, slot, loading));
            return;
        }
        var field = target.Plan.Fields[slot];
        target.Values[slot] = Complete(field, field.Shape, result, target, slot);
    }

    // The value as the response holds it, or the run given up where GraphQL.NET would report an error. A scalar's value that
    // is a data loader result fails its serialization, as on GraphQL.NET's path; a composite one is checked for it.
    private object? Complete(FieldPlan field, ValueShape shape, object? value, ResultValue parent, int key)
    {
        if (value is null)
            return shape.NonNull ? throw new GivenUp() : null;
        if (shape.Scalar is { } scalar)
            return scalar.Serialize(value) ?? (shape.NonNull ? throw new GivenUp() : null);
        if (value is IDataLoaderResult)
            throw new GivenUp();
        if (shape.Item is { } item)
            return CompleteList(field, item, value, parent, key);
        if (shape.Object is { } objectType)
            return CompleteObject(field, objectType, value, parent, key);
        if (shape.Abstract is not { } abstractType)
            throw new GivenUp();
        var resolved = abstractType.GetObjectType(value, Context.Schema);
        if (resolved is null || !abstractType.IsPossibleType(resolved))
            throw new GivenUp();
        return CompleteObject(field, resolved, value, parent, key);
    }

    private ListResult CompleteList(FieldPlan field, ValueShape item, object value, ResultValue parent, int key)
    {
        if (value is not IEnumerable items || value is string)
            throw new GivenUp();
        if (items is IList list)
        {
            var result = new ListResult(parent, key, list.Count);
            for (var i = 0; i < list.Count; i++)
                result.Items[i] = Complete(field, item, list[i], result, i);
            return result;
        }
        var collected = new ListResult(parent, key, 0);
        var completed = new List<object?>();
        foreach (var each in items)
            completed.Add(Complete(field, item, each, collected, completed.Count));
        collected.Items = [.. completed];
        return collected;
    }

    private ObjectResult CompleteObject(FieldPlan field, IObjectGraphType type, object value, ResultValue parent, int key)
    {
        if (type.IsTypeOf is { } isTypeOf && !type.SkipTypeCheck && !isTypeOf(value))
            throw new GivenUp();
        var result = new ObjectResult(field.ChildPlan(type, Context, _collect), value, parent, key);
        Fill(result);
        return result;
    }

    /// <summary>Thrown where the run is given up for GraphQL.NET's execution.</summary>
    private sealed class GivenUp : Exception;
}
