using GraphQL;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Documents;

namespace ScholarGraph.Server.Hosting.Security;

/// <summary>
/// With <c>TrustedDocuments:Mode</c> <c>AllowArbitraryForAuthorized</c>, query text that is not a trusted document is for writers:
/// callers whose credential (an API key, or a JWT) grants <see cref="SecurityOptions.WriteScope"/>. Everyone else, read-only keys
/// included, runs the trusted documents only.
/// </summary>
internal sealed class WriterDocumentPolicy(IOptions<SecurityOptions> options) : IArbitraryDocumentPolicy
{
    public bool AllowsArbitraryDocuments(ExecutionOptions execution) =>
        execution.User.IsAuthenticated() && execution.User.HasScope(options.Value.WriteScope);
}
