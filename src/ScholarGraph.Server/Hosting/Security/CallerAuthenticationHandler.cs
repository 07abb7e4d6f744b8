using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ScholarGraph.Server.Hosting.Security;

/// <summary>
/// ASP.NET Core's way into <see cref="CallerAuthenticator"/>: reads <c>Authorization</c> and <c>X-Api-Key</c>, and leaves the
/// caller anonymous when neither is given. It never challenges: refusing a write is the GraphQL layer's answer, as an error.
/// </summary>
internal sealed class CallerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CallerAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ScholarGraph";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await authenticator.AuthenticateAsync(
            Request.Headers.Authorization.FirstOrDefault(), Request.Headers[CallerAuthenticator.ApiKeyHeader].FirstOrDefault());
        if (result.Principal is { } principal)
            return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
        return result.Failure is { } failure ? AuthenticateResult.Fail(failure) : AuthenticateResult.NoResult();
    }
}
