using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Configuration;

namespace ScholarGraph.Server.Hosting.Cors;

/// <summary>The CORS policy of the GraphQL endpoint, from <see cref="CrossOriginOptions"/>.</summary>
public static class CorsExtensions
{
    /// <summary>The name of the CORS policy on the GraphQL endpoint.</summary>
    public const string PolicyName = "ScholarGraph.FrontEnds";

    /// <summary>
    /// Binds <see cref="CrossOriginOptions"/> and registers the policy: the configured origins, methods GET and POST, the
    /// allowed headers, <c>Retry-After</c> readable by scripts (for a rate-limited client), no cookies (credentials travel in
    /// headers), and preflight answers cached for <see cref="CrossOriginOptions.PreflightMaxAge"/>.
    /// </summary>
    public static IServiceCollection AddScholarGraphCors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<CrossOriginOptions>(configuration, CrossOriginOptions.SectionName);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, settings) =>
            cors.AddPolicy(PolicyName, policy =>
            {
                var origins = settings.Value.AllowedOrigins;
                if (origins.Contains("*"))
                    policy.AllowAnyOrigin();
                else
                    policy.WithOrigins([.. origins]);
                policy.WithMethods(HttpMethods.Get, HttpMethods.Post)
                    .WithHeaders([.. settings.Value.AllowedHeaders ?? CrossOriginOptions.DefaultAllowedHeaders])
                    .WithExposedHeaders("Retry-After")
                    .SetPreflightMaxAge(settings.Value.PreflightMaxAge);
            }));
        return services;
    }

    /// <summary>Adds the CORS middleware when origins are configured; call it before authentication and rate limiting.</summary>
    public static IApplicationBuilder UseScholarGraphCors(this IApplicationBuilder app)
    {
        if (HasOrigins(app.ApplicationServices))
            app.UseCors();
        return app;
    }

    /// <summary>Puts <paramref name="endpoint"/> under the policy when origins are configured (otherwise it sends no CORS headers).</summary>
    public static TBuilder RequireScholarGraphCors<TBuilder>(this TBuilder endpoint, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder
    {
        if (HasOrigins(services))
            endpoint.RequireCors(PolicyName);
        return endpoint;
    }

    private static bool HasOrigins(IServiceProvider services) =>
        services.GetRequiredService<IOptions<CrossOriginOptions>>().Value.AllowedOrigins.Count > 0;
}
