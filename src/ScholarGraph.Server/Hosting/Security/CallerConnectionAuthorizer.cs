using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Streaming;

namespace ScholarGraph.Server.Hosting.Security;

/// <summary>
/// Authorizes streaming connections with the same credentials as HTTP requests: a graphql-transport-ws <c>connection_init</c>
/// payload may carry <c>Authorization</c> (<c>ApiKey &lt;key&gt;</c> or <c>Bearer &lt;token&gt;</c>) or <c>X-Api-Key</c>, as
/// browsers cannot set headers on a WebSocket; otherwise the opening request's headers count. A credential that fails refuses
/// the connection (without quoting it); no credential is allowed unless <see cref="SecurityOptions.RequireAuthenticationForReads"/>.
/// </summary>
internal sealed class CallerConnectionAuthorizer(CallerAuthenticator authenticator, IOptions<SecurityOptions> options) : IConnectionAuthorizer
{
    public async ValueTask<ConnectionAuthorization> AuthorizeAsync(
        HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken)
    {
        var authorization = Text(payload, "Authorization") ?? context.Request.Headers.Authorization.FirstOrDefault();
        var apiKey = Text(payload, CallerAuthenticator.ApiKeyHeader) ?? context.Request.Headers[CallerAuthenticator.ApiKeyHeader].FirstOrDefault();
        var result = await authenticator.AuthenticateAsync(authorization, apiKey).ConfigureAwait(false);
        if (result.Principal is { } principal)
            return ConnectionAuthorization.Allow(principal);
        if (result.Failure is { } failure)
            return ConnectionAuthorization.Refuse(failure);
        return options.Value.RequireAuthenticationForReads
            ? ConnectionAuthorization.Refuse("this server needs an authenticated caller")
            : ConnectionAuthorization.Allow(context.User);
    }

    /// <summary>The payload's string value for <paramref name="name"/>, matched without regard to case.</summary>
    private static string? Text(IReadOnlyDictionary<string, object?>? payload, string name) =>
        payload?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value as string;
}
