using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.Data.Mutations;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Writes.Changes.Instances;
using ScholarGraph.Server.Hosting.Security;
using ScholarGraph.GraphQL.Data.Mutations.Extensions;
using ScholarGraph.GraphQL.Data.Mutations.Types;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Writes;

/// <summary>Adds mutations that write the graph: permission check, one transaction, then the changes published.</summary>
internal static class WriteMutationExtensions
{
    /// <summary>
    /// Adds mutation <paramref name="name"/> (see <see cref="MutationFieldExtensions.AddMutation"/>). A caller without
    /// <see cref="SecurityOptions.WriteScope"/> gets an <c>AUTH_NOT_AUTHENTICATED</c> or <c>AUTH_NOT_AUTHORIZED</c> error
    /// before anything is read. Otherwise <paramref name="handle"/> runs in one transaction (on relational stores), its
    /// staged rows are saved once and committed, and only then are its changes published and its result returned; any error
    /// (typed or not) writes nothing. When SQLite reports the store busy or locked the whole write is run again from its start,
    /// up to four attempts in all, and then fails with <see cref="StoreBusyCode"/>.
    /// </summary>
    public static void AddWriteMutation(
        this ObjectGraphType mutation, string name, string description, Action<InputObjectGraphType> defineInput,
        string resultField, Type resultType, string resultDescription, IReadOnlyList<Type> errorTypes,
        Func<GraphWrite, Task<object>> handle)
    {
        mutation.AddMutation(name, description + " Needs the write scope (`graph:write` unless configured otherwise).", defineInput,
            resultField, resultType, resultDescription, [typeof(ValidationErrorGraphType), .. errorTypes],
            async (context, input) =>
            {
                var services = context.RequestServices!;
                var scope = services.GetRequiredService<IOptions<SecurityOptions>>().Value.WriteScope;
                if (CallerPermissions.Check(context.User, scope, $"The mutation '{name}'") is { } denied)
                    throw denied;

                var contexts = services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>();
                var changeLog = services.GetRequiredService<ChangeLog>();
                var writer = services.GetService<IHttpContextAccessor>()?.HttpContext is { } http ? CallerKeys.FingerprintOf(http) : null;
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        // Each attempt reads its input afresh, so the errors of one that failed are not reported twice.
                        var attemptInput = attempt == 1
                            ? input
                            : new MutationInput(MutationFieldExtensions.InputArgument, context.GetArgument<Dictionary<string, object?>>(MutationFieldExtensions.InputArgument));
                        var (result, changes) = await WriteOnceAsync(contexts, changeLog, writer, attemptInput, handle, context.CancellationToken);
                        await services.GetRequiredService<GraphChangePublisher>().PublishAsync(changes, CancellationToken.None);
                        return result;
                    }
                    catch (Exception e) when (SqliteBusy.IsBusyOrLocked(e))
                    {
                        if (attempt == MaxAttempts)
                            throw new ExecutionError($"The store stayed busy with other writes through {MaxAttempts} attempts; nothing was written. Try again.")
                            { Code = StoreBusyCode };
                        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WriteMutationExtensions))
                            .LogDebug("The mutation '{Mutation}' found the store busy (attempt {Attempt} of {MaxAttempts}); retrying", name, attempt, MaxAttempts);
                        await Task.Delay(RetryDelay(attempt), context.CancellationToken);
                    }
                }
            });
    }

    /// <summary>The <c>extensions.code</c> of a mutation that found the store busy through every attempt; it wrote nothing.</summary>
    public const string StoreBusyCode = "STORE_BUSY";

    // SQLite itself waits Database:BusyTimeout for a lock; these attempts are for what it hands back anyway (a lock held
    // longer, or a WAL snapshot that went stale under a read), each from the start, in a new transaction.
    private const int MaxAttempts = 4;

    private static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds((20 << attempt) + Random.Shared.Next(0, 20 << attempt));

    // On PostgreSQL the changes are logged in the same transaction, for the other instances (ChangeLog).
    private static async Task<(object Result, List<GraphChange> Changes)> WriteOnceAsync(
        IDbContextFactory<ScholarGraphDbContext> contexts, ChangeLog changeLog, string? writer, MutationInput input, Func<GraphWrite, Task<object>> handle,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = db.Database.IsRelational() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var write = new GraphWrite(db, input, cancellationToken);
        var result = await handle(write);
        input.ThrowIfInvalid();
        // From here the write goes through even if the caller leaves: listeners must see every committed change.
        var logged = await changeLog.StageAsync(db, write.Changes, writer, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        if (logged is not null)
            await ChangeLog.AnnounceAsync(db, logged, CancellationToken.None);
        if (transaction is not null)
            await transaction.CommitAsync(CancellationToken.None);
        return (result, write.Changes);
    }

    /// <summary>Adds an optional text field to an input type.</summary>
    public static void Text(this InputObjectGraphType input, string name, string description) =>
        input.Field<StringGraphType>(name).Description(description);

    /// <summary>Adds a required text field to an input type.</summary>
    public static void RequiredText(this InputObjectGraphType input, string name, string description) =>
        input.Field<NonNullGraphType<StringGraphType>>(name).Description(description);

    /// <summary>Adds a required id field to an input type.</summary>
    public static void RequiredId(this InputObjectGraphType input, string name, string description) =>
        input.Field<NonNullGraphType<IdGraphType>>(name).Description(description);

    /// <summary>Adds an optional list of ids to an input type.</summary>
    public static void Ids(this InputObjectGraphType input, string name, string description) =>
        input.Field<ListGraphType<NonNullGraphType<IdGraphType>>>(name).Description(description);
}
