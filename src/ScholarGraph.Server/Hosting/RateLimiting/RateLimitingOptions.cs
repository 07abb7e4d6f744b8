using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.Server.Hosting.RateLimiting;

/// <summary>
/// How many GraphQL requests one client may send: a fixed window of <see cref="PermitLimit"/> requests per <see cref="Window"/>
/// for each caller (an API key's or a token's holder) or, for anonymous callers, each remote address. Bound from the
/// configuration section <see cref="SectionName"/>. The defaults leave room for a person in the IDE, or a page that sends a few
/// queries per view, and stop a script that floods the endpoint.
/// </summary>
public sealed class RateLimitingOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from: <c>RateLimiting</c>.</summary>
    public const string SectionName = "RateLimiting";

    /// <summary>Whether requests to the GraphQL endpoint are limited at all. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a client may send per <see cref="Window"/>. Default: 600 (ten a second on average).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int PermitLimit { get; set; } = 600;

    /// <summary>The window the <see cref="PermitLimit"/> counts over; a client's count starts again in each one. Default: one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Requests over the limit that wait for the next window instead of being refused, per client. Default: 0 (refused at once,
    /// with 429 and <c>Retry-After</c>).
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "must not be negative")]
    public int QueueLimit { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Window <= TimeSpan.Zero)
            yield return new ValidationResult($"must be longer than zero, such as 00:01:00, not {Window}", [nameof(Window)]);
    }
}
