using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ScholarGraph.Server.Hosting.Observability;

/// <summary>
/// <c>GET /health/live</c>: 200 while the process serves requests (it runs no check, so a busy store never gets the process
/// restarted). <c>GET /health/ready</c>: 200 when the store answers, its migrations are applied and the graph index is built,
/// 503 otherwise. Both answer JSON: the overall status and each check's name, status, description and duration. Neither is
/// rate limited, traced or open to other origins.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The folder of the health endpoints: <c>/health</c>.</summary>
    public const string PathPrefix = "/health";

    /// <summary>The liveness endpoint: <c>/health/live</c>.</summary>
    public const string LivePath = PathPrefix + "/live";

    /// <summary>The readiness endpoint: <c>/health/ready</c>.</summary>
    public const string ReadyPath = PathPrefix + "/ready";

    private const string ReadyTag = "ready";

    /// <summary>Registers the readiness checks <c>store</c>, <c>migrations</c> and <c>graph-index</c>.</summary>
    public static IServiceCollection AddScholarGraphHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreReachableCheck>("store", tags: [ReadyTag])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [ReadyTag])
            .AddCheck<GraphIndexBuiltCheck>("graph-index", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <see cref="LivePath"/> and <see cref="ReadyPath"/>.</summary>
    public static IEndpointRouteBuilder MapScholarGraphHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync });
        return endpoints;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
                durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
