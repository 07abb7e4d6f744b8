using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ScholarGraph.Server.Hosting.Security;

/// <summary>The outcome of checking a caller's credential.</summary>
/// <param name="Principal">The caller, when the credential was valid; <c>null</c> otherwise.</param>
/// <param name="Failure">Why a presented credential was refused, in words safe to log (never the credential); <c>null</c> when it was accepted or none was presented.</param>
public sealed record CallerAuthentication(ClaimsPrincipal? Principal, string? Failure)
{
    /// <summary>No credential was presented: the caller is anonymous.</summary>
    public static readonly CallerAuthentication None = new(null, null);
}

/// <summary>
/// Turns a credential (an API key, or a JWT bearer token) into the caller's <see cref="ClaimsPrincipal"/>. The HTTP transport
/// reaches it through ASP.NET Core authentication; transports without request headers (a WebSocket's <c>connection_init</c>
/// payload) call <see cref="AuthenticateAsync(string?, string?)"/> directly, so every transport accepts the same credentials.
/// Keys are compared in constant time, and neither keys nor tokens are ever logged or returned.
/// </summary>
public sealed partial class CallerAuthenticator
{
    /// <summary>The <see cref="ClaimsIdentity.AuthenticationType"/> of callers that presented an API key.</summary>
    public const string ApiKeyAuthenticationType = "ApiKey";

    /// <summary>The claim holding the caller's scopes, space-separated as in OAuth 2.0.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The claim holding the caller's name (an API key's name, or a token's subject).</summary>
    public const string NameClaim = "sub";

    /// <summary>The header that carries an API key on its own.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    private const string ApiKeyPrefix = "ApiKey ";
    private const string BearerPrefix = "Bearer ";

    private readonly (string Name, byte[] KeyHash, string Scopes)[] _keys;
    private readonly IOptionsMonitor<JwtBearerOptions> _jwt;
    private readonly ILogger<CallerAuthenticator> _logger;

    /// <summary>Reads the configured API keys, and the bearer-token validation of the <c>Bearer</c> scheme.</summary>
    public CallerAuthenticator(IOptions<SecurityOptions> options, IOptionsMonitor<JwtBearerOptions> jwt, ILogger<CallerAuthenticator> logger)
    {
        _keys = options.Value.ApiKeys
            .Where(k => !string.IsNullOrEmpty(k.Key))
            .Select(k => (k.Name, Hash(k.Key), string.Join(' ', k.Scopes)))
            .ToArray();
        _jwt = jwt;
        _logger = logger;
    }

    /// <summary>Whether the credential in these header values is an API key (rather than a bearer token, or nothing).</summary>
    public static bool IsApiKey(string? authorization, string? apiKey) =>
        !string.IsNullOrEmpty(apiKey) || (authorization?.StartsWith(ApiKeyPrefix, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>
    /// Checks the credential in an <c>Authorization</c> value (<c>ApiKey &lt;key&gt;</c> or <c>Bearer &lt;token&gt;</c>) or an
    /// <c>X-Api-Key</c> value; either may be <c>null</c>. An <c>X-Api-Key</c> wins when both are given.
    /// </summary>
    public async Task<CallerAuthentication> AuthenticateAsync(string? authorization, string? apiKey)
    {
        if (!string.IsNullOrEmpty(apiKey))
            return AuthenticateApiKey(apiKey);
        if (string.IsNullOrWhiteSpace(authorization))
            return CallerAuthentication.None;
        if (authorization.StartsWith(ApiKeyPrefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateApiKey(authorization[ApiKeyPrefix.Length..].Trim());
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return await AuthenticateBearerAsync(authorization[BearerPrefix.Length..].Trim()).ConfigureAwait(false);
        return new CallerAuthentication(null, "the Authorization header is neither 'ApiKey <key>' nor 'Bearer <token>'");
    }

    /// <summary>Checks an API key against the configured ones, in time that does not depend on where they differ.</summary>
    public CallerAuthentication AuthenticateApiKey(string key)
    {
        var hash = Hash(key);
        (string Name, byte[] KeyHash, string Scopes)? match = null;
        // Every key is compared, and compared in constant time, so timing tells nothing about which key came close.
        foreach (var candidate in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, candidate.KeyHash))
                match = candidate;
        }
        if (match is not { } found)
        {
            LogUnknownApiKey(_logger);
            return new CallerAuthentication(null, "the API key is not known");
        }
        LogApiKeyAccepted(_logger, found.Name);
        var identity = new ClaimsIdentity(
            [new Claim(NameClaim, found.Name), new Claim(ScopeClaim, found.Scopes)], ApiKeyAuthenticationType, NameClaim, null);
        return new CallerAuthentication(new ClaimsPrincipal(identity), null);
    }

    /// <summary>Validates a JWT with the <c>Bearer</c> scheme's settings (signature, issuer, audience, lifetime).</summary>
    public async Task<CallerAuthentication> AuthenticateBearerAsync(string token)
    {
        var options = _jwt.Get(JwtBearerDefaults.AuthenticationScheme);
        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, options.TokenValidationParameters).ConfigureAwait(false);
            if (result.IsValid)
                return new CallerAuthentication(new ClaimsPrincipal(result.ClaimsIdentity), null);
            // The exception's type names the reason (expired, bad signature, ...) without quoting the token.
            var reason = result.Exception?.GetType().Name ?? "invalid token";
            LogBearerRefused(_logger, reason);
            return new CallerAuthentication(null, $"the bearer token is not valid ({reason})");
        }
        return new CallerAuthentication(null, "bearer tokens are not accepted");
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "API key '{KeyName}' accepted.")]
    private static partial void LogApiKeyAccepted(ILogger logger, string keyName);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "An unknown API key was refused.")]
    private static partial void LogUnknownApiKey(ILogger logger);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "A bearer token was refused: {Reason}.")]
    private static partial void LogBearerRefused(ILogger logger, string reason);
}
