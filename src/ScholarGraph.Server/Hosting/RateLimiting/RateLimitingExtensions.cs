using System.Globalization;
using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.Server.Hosting.Security;

namespace ScholarGraph.Server.Hosting.RateLimiting;

/// <summary>
/// Limits each client's requests to the GraphQL endpoint (HTTP, SSE, and the upgrade request of a WebSocket) with ASP.NET Core's
/// rate limiter, as <see cref="RateLimitingOptions"/> says. A refused request gets 429, <c>Retry-After</c> in seconds and a
/// GraphQL error body with code <see cref="RateLimitedCode"/>. Health endpoints are not limited.
/// </summary>
public static class RateLimitingExtensions
{
    /// <summary>The <c>extensions.code</c> of a request refused for its client's rate.</summary>
    public const string RateLimitedCode = "RATE_LIMITED";

    /// <summary>The name of the rate-limiting policy on the GraphQL endpoint.</summary>
    public const string PolicyName = "ScholarGraph.PerClient";

    /// <summary>Binds <see cref="RateLimitingOptions"/> and registers the per-client policy.</summary>
    public static IServiceCollection AddScholarGraphRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<RateLimitingOptions>(configuration, RateLimitingOptions.SectionName);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            var limit = settings.Value;
            limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(CallerKeys.Of(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = limit.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, cancellationToken) => WriteRefusalAsync(rejected, limit, cancellationToken);
        });
        return services;
    }

    /// <summary>Adds the rate limiter to the pipeline when it is enabled; call it after authentication, whose caller it reads.</summary>
    public static IApplicationBuilder UseScholarGraphRateLimiting(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
            app.UseRateLimiter();
        return app;
    }

    /// <summary>Puts <paramref name="endpoint"/> under the per-client policy when rate limiting is enabled.</summary>
    public static TBuilder RequireScholarGraphRateLimiting<TBuilder>(this TBuilder endpoint, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder
    {
        if (services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
            endpoint.RequireRateLimiting(PolicyName);
        return endpoint;
    }

    private static async ValueTask WriteRefusalAsync(OnRejectedContext rejected, RateLimitingOptions limit, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limit.Window;
        var seconds = (long)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "application/json; charset=utf-8";
        var error = new ExecutionError(
            $"Too many requests: this client may send {limit.PermitLimit} per {Describe(limit.Window)}. Try again in {seconds} s.")
        { Code = RateLimitedCode };
        var serializer = rejected.HttpContext.RequestServices.GetRequiredService<IGraphQLSerializer>();
        await serializer.WriteAsync(response.Body, new ExecutionResult(error), cancellationToken);
    }

    private static string Describe(TimeSpan window) =>
        window.TotalSeconds < 1 ? $"{window.TotalMilliseconds:0} ms" : $"{window.TotalSeconds:0.#} s";
}
