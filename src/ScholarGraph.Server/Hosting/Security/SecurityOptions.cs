using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.Server.Hosting.Security;

/// <summary>Who may call the server and what they may do; bound from the configuration section <c>Security</c>.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Security";

    /// <summary>The scope a caller needs to run mutations. Default: <c>graph:write</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must name a scope")]
    public string WriteScope { get; set; } = "graph:write";

    /// <summary>
    /// Whether queries also need an authenticated caller (any scope). Default: <c>false</c>: reads are open, only writes need
    /// a caller with <see cref="WriteScope"/>.
    /// </summary>
    public bool RequireAuthenticationForReads { get; set; }

    /// <summary>
    /// The API keys callers may present as <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>. Default: none.
    /// </summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>How bearer tokens (JWT) are validated. Default: no issuer configured, so bearer tokens are refused.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ApiKeys[i].Name))
                yield return new ValidationResult("must not be empty: logs name the key's holder by it", [$"ApiKeys:{i}:Name"]);
            if (string.IsNullOrEmpty(ApiKeys[i].Key))
                yield return new ValidationResult("must not be empty", [$"ApiKeys:{i}:Key"]);
        }
        var jwtParts = new[] { Jwt.Issuer, Jwt.Audience, Jwt.SigningKey }.Count(v => !string.IsNullOrEmpty(v));
        if (jwtParts is > 0 and < 3)
            yield return new ValidationResult("needs Issuer, Audience and SigningKey together (or none of them, which turns bearer tokens off)", ["Jwt"]);
        if (!string.IsNullOrEmpty(Jwt.SigningKey) && Jwt.SigningKey.Length < 32)
            yield return new ValidationResult($"must be at least 32 characters (256 bits for HS256), not {Jwt.SigningKey.Length}", ["Jwt:SigningKey"]);
    }
}

/// <summary>One API key: who holds it and what it allows.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The holder's name; logs and the caller's identity show it, never the key. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret key itself. Required; keep it out of committed files (use an environment variable or a secret store).</summary>
    public string Key { get; set; } = "";

    /// <summary>The scopes the key grants (for example <c>graph:write</c>). Default: none, which allows reads only.</summary>
    public List<string> Scopes { get; set; } = [];
}

/// <summary>How JWT bearer tokens are validated: signature (HMAC-SHA256 with a shared key), issuer, audience and lifetime.</summary>
public sealed class JwtOptions
{
    /// <summary>The issuer (<c>iss</c>) tokens must carry. Default: <c>null</c>, which turns bearer tokens off.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (<c>aud</c>) tokens must carry. Default: <c>null</c>, which turns bearer tokens off.</summary>
    public string? Audience { get; set; }

    /// <summary>The symmetric signing key, at least 32 characters (256 bits for HS256). Default: <c>null</c>, which turns bearer tokens off.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Clock skew allowed when checking <c>exp</c> and <c>nbf</c>. Default: 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether issuer, audience and signing key are all set.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(Issuer) && !string.IsNullOrEmpty(Audience) && !string.IsNullOrEmpty(SigningKey);
}
