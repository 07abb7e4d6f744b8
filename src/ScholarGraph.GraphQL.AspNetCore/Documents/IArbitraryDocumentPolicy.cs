using GraphQL;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// Decides, in <see cref="TrustedDocumentMode.AllowArbitraryForAuthorized"/>, whether the caller of a request may send query
/// text that is not a trusted document (and register automatic persisted queries). Register one implementation as a
/// singleton; the default allows authenticated callers (<see cref="System.Security.Principal.IIdentity.IsAuthenticated"/>).
/// </summary>
public interface IArbitraryDocumentPolicy
{
    /// <summary>
    /// Whether the caller of <paramref name="options"/> (its <see cref="ExecutionOptions.User"/>, with the request's
    /// <see cref="ExecutionOptions.RequestServices"/>) may run query text that is not a trusted document. Called before the
    /// text is parsed.
    /// </summary>
    bool AllowsArbitraryDocuments(ExecutionOptions options);
}

/// <summary>The default <see cref="IArbitraryDocumentPolicy"/>: any authenticated caller may send query text.</summary>
internal sealed class AuthenticatedCallerPolicy : IArbitraryDocumentPolicy
{
    public bool AllowsArbitraryDocuments(ExecutionOptions options) => options.User?.Identity?.IsAuthenticated == true;
}
