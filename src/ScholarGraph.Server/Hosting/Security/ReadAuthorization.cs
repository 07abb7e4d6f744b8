using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace ScholarGraph.Server.Hosting.Security;

/// <summary>
/// When <see cref="SecurityOptions.RequireAuthenticationForReads"/> is on, refuses every operation of an anonymous caller
/// before it is parsed, whatever the transport; writes are checked per mutation by <see cref="CallerPermissions"/>.
/// </summary>
internal sealed class ReadAuthorization(IOptions<SecurityOptions> options) : IConfigureExecution
{
    /// <summary>Before the document cache (200): a refused request must not even be parsed.</summary>
    public float SortOrder => 150;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        if (!options.Value.RequireAuthenticationForReads || executionOptions.User.IsAuthenticated())
            return next(executionOptions);
        return Task.FromResult(new ExecutionResult(CallerPermissions.NotAuthenticated("This server")) { Executed = false });
    }
}
