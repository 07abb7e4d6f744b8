using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.Data.Mutations;
using ScholarGraph.Server.Writes.Changes;
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
    /// (typed or not) writes nothing.
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
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                await using var transaction = db.Database.IsRelational() ? await db.Database.BeginTransactionAsync(context.CancellationToken) : null;
                var write = new GraphWrite(db, input, context.CancellationToken);
                var result = await handle(write);
                input.ThrowIfInvalid();
                // From here the write goes through even if the caller leaves: listeners must see every committed change.
                await db.SaveChangesAsync(CancellationToken.None);
                if (transaction is not null)
                    await transaction.CommitAsync(CancellationToken.None);
                await services.GetRequiredService<GraphChangePublisher>().PublishAsync(write.Changes, CancellationToken.None);
                return result;
            });
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
