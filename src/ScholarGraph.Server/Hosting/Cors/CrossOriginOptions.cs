using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.Server.Hosting.Cors;

/// <summary>
/// Which front-end origins may call the GraphQL endpoint from a browser (CORS); bound from the configuration section
/// <see cref="SectionName"/>. With no origins (the default) the server sends no CORS headers, so browsers allow only pages of its
/// own origin (the IDE among them).
/// </summary>
public sealed class CrossOriginOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from: <c>Cors</c>.</summary>
    public const string SectionName = "Cors";

    /// <summary>
    /// The request headers a browser may send by default: the GraphQL-over-HTTP ones, both credential headers, W3C trace context,
    /// and <c>GraphQL-Cost</c> for the cost report.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultAllowedHeaders =
        ["Content-Type", "Accept", "Authorization", "X-Api-Key", "traceparent", "tracestate", "GraphQL-Cost"];

    /// <summary>
    /// The origins allowed, each a scheme, host and optional port with no path (<c>https://app.example.org</c>,
    /// <c>http://localhost:3000</c>), or <c>*</c> for any origin. Default: none.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// The request headers allowed, replacing <see cref="DefaultAllowedHeaders"/> when set. Default: <c>null</c>, which allows
    /// the default headers.
    /// </summary>
    public List<string>? AllowedHeaders { get; set; }

    /// <summary>How long a browser may cache a preflight answer. Default: 10 minutes.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            if (!IsOrigin(AllowedOrigins[i]))
                yield return new ValidationResult(
                    $"must be an origin such as https://app.example.org (scheme, host and optional port, no path or trailing slash) or *, not '{AllowedOrigins[i]}'",
                    [$"{nameof(AllowedOrigins)}:{i}"]);
        }
        if (PreflightMaxAge < TimeSpan.Zero)
            yield return new ValidationResult($"must not be negative, not {PreflightMaxAge}", [nameof(PreflightMaxAge)]);
    }

    // A browser sends the origin as scheme://host[:port]; anything else here could never match it.
    private static bool IsOrigin(string value) =>
        value == "*" || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && string.Equals(uri.GetLeftPart(UriPartial.Authority), value, StringComparison.OrdinalIgnoreCase));
}
