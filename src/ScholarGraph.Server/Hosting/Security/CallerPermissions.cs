using System.Security.Claims;
using GraphQL;

namespace ScholarGraph.Server.Hosting.Security;

/// <summary>What a caller may do, and the errors (Hot Chocolate's codes) when it may not.</summary>
public static class CallerPermissions
{
    /// <summary>The error code when a field needs an authenticated caller and there is none (Hot Chocolate's code).</summary>
    public const string NotAuthenticatedCode = "AUTH_NOT_AUTHENTICATED";

    /// <summary>The error code when the caller is authenticated but lacks the scope a field needs (Hot Chocolate's code).</summary>
    public const string NotAuthorizedCode = "AUTH_NOT_AUTHORIZED";

    /// <summary>Whether <paramref name="user"/> presented a valid credential.</summary>
    public static bool IsAuthenticated(this ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true;

    /// <summary>Whether <paramref name="user"/> holds <paramref name="scope"/> in one of its space-separated <c>scope</c> claims.</summary>
    public static bool HasScope(this ClaimsPrincipal? user, string scope) =>
        user is not null && user.FindAll(CallerAuthenticator.ScopeClaim)
            .Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));

    /// <summary>
    /// The error to answer <paramref name="what"/> with when <paramref name="user"/> may not do it for lack of
    /// <paramref name="scope"/>, or <c>null</c> when it may.
    /// </summary>
    public static ExecutionError? Check(ClaimsPrincipal? user, string scope, string what)
    {
        if (!user.IsAuthenticated())
            return NotAuthenticated(what);
        if (!user.HasScope(scope))
            return new ExecutionError($"{what} needs the scope '{scope}', which the caller's credential does not grant.") { Code = NotAuthorizedCode };
        return null;
    }

    /// <summary>The error for <paramref name="what"/> without an authenticated caller.</summary>
    public static ExecutionError NotAuthenticated(string what) =>
        new($"{what} needs an authenticated caller: send 'Authorization: ApiKey <key>', 'X-Api-Key: <key>' or 'Authorization: Bearer <token>'.")
        { Code = NotAuthenticatedCode };
}
