using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Server.Hosting.Security;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Database.Replicas;

namespace ScholarGraph.Server.Hosting.ReadReplicas;

/// <summary>
/// Chooses, once per operation, which store its resolvers read: the request's services are wrapped so that the store's
/// <see cref="IDbContextFactory{TContext}"/> is the chosen one, and everything else is the request's own. A query reads the read
/// replica (<see cref="ReadReplicaContextFactory"/>) unless its caller wrote within <see cref="ReadReplicaOptions.ReadYourWritesWindow"/>
/// or the replica is unusable (<see cref="ReplicaAvailability"/>); a mutation, and a subscription (whose events follow writes
/// just made), read the primary. The choice is made when the operation is known, after validation; a mutation's caller is noted
/// in <see cref="RecentWriters"/> once it has run.
/// </summary>
internal sealed class ReadRouting(
    IDbContextFactory<ScholarGraphDbContext> primary, ReadReplicaContextFactory replica, ReplicaAvailability availability,
    RecentWriters writers, IHttpContextAccessor http) : IConfigureExecution
{
    /// <summary>After the read authorization (150) and before the document cache (200); the order among them does not matter.</summary>
    public float SortOrder => 160;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        if (executionOptions.RequestServices is not { } services)
            return await next(executionOptions);
        var caller = http.HttpContext is { } context ? CallerKeys.FingerprintOf(context) : null;
        var route = new OperationRoute(this, caller);
        executionOptions.RequestServices = new RoutedServices(services, route);
        executionOptions.Listeners.Add(route);
        var result = await next(executionOptions);
        if (route.Operation == OperationType.Mutation && caller is not null)
            writers.Wrote(caller);
        return result;
    }

    private IDbContextFactory<ScholarGraphDbContext> Primary => primary;

    private IDbContextFactory<ScholarGraphDbContext> ReadsFor(OperationType operation, string? caller) =>
        operation == OperationType.Query && availability.IsUsable && (caller is null || !writers.WroteRecently(caller)) ? replica : primary;

    /// <summary>The store one operation reads, the primary until the operation is known.</summary>
    private sealed class OperationRoute(ReadRouting routing, string? caller) : DocumentExecutionListenerBase
    {
        public OperationType? Operation { get; private set; }

        public IDbContextFactory<ScholarGraphDbContext> Reads { get; private set; } = routing.Primary;

        public override Task BeforeExecutionAsync(IExecutionContext context)
        {
            Operation = context.Operation.Operation;
            Reads = routing.ReadsFor(context.Operation.Operation, caller);
            return Task.CompletedTask;
        }
    }

    /// <summary>The request's services, except the store's context factory, which is the route's.</summary>
    private sealed class RoutedServices(IServiceProvider inner, OperationRoute route) : IServiceProvider, IKeyedServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IDbContextFactory<ScholarGraphDbContext>) ? route.Reads : inner.GetService(serviceType);

        public object? GetKeyedService(Type serviceType, object? serviceKey) =>
            (inner as IKeyedServiceProvider)?.GetKeyedService(serviceType, serviceKey);

        public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
            (inner as IKeyedServiceProvider ?? throw new InvalidOperationException("The request's services do not support keyed services."))
            .GetRequiredKeyedService(serviceType, serviceKey);
    }
}
