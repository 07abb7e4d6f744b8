using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.GraphQL.AspNetCore.Telemetry;
using ScholarGraph.Server.GraphQuestions.GraphIndex;

namespace ScholarGraph.Server.Hosting.Observability;

/// <summary>Registers the server's OpenTelemetry traces and metrics, exported as <see cref="TelemetryOptions"/> says.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TelemetryOptions"/> (section <c>Telemetry</c>) and registers OpenTelemetry with: ASP.NET Core's request
    /// spans (health probes left out) and metrics (requests, rate limiting, Kestrel), one span per GraphQL operation and the
    /// transport's metrics (<see cref="GraphQLTelemetry"/>), EF Core's spans of database commands (their SQL with parameters
    /// as placeholders, never their values), and the graph index's spans (<see cref="GraphIndexTelemetry"/>). They are exported
    /// to the console or an OTLP collector, or nowhere (the default, where trace ids still correlate log lines). GraphQL spans
    /// are named <c>{type} {name}</c> unless <c>GraphQLTelemetry:OperationNameInSpanName</c> is <see langword="false"/>.
    /// </summary>
    public static IServiceCollection AddScholarGraphTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<TelemetryOptions>(configuration, TelemetryOptions.SectionName);
        // Before the section is bound, so a GraphQLTelemetry:OperationNameInSpanName setting still wins: operation names here
        // come from our own clients and documents, which keeps their number small.
        services.Configure<GraphQLTelemetryOptions>(telemetry => telemetry.OperationNameInSpanName = true);
        services.AddOptions<OtlpExporterOptions>().Configure<IOptions<TelemetryOptions>>((otlp, telemetry) =>
        {
            if (telemetry.Value.OtlpEndpoint is { } endpoint)
            {
                otlp.Endpoint = endpoint;
                otlp.Protocol = OtlpExportProtocol.Grpc;
            }
        });

        var exporter = TelemetryOptions.ExporterIn(configuration);
        var serviceName = configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.ServiceName)}"] ?? TelemetryOptions.DefaultServiceName;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsHealthProbe(context))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource(GraphQLTelemetry.ActivitySourceName, GraphIndexTelemetry.ActivitySourceName);
                if (exporter == TelemetryExporter.Console)
                    tracing.AddConsoleExporter();
                else if (exporter == TelemetryExporter.Otlp)
                    tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(GraphQLTelemetry.MeterName);
                if (exporter == TelemetryExporter.Console)
                    metrics.AddConsoleExporter();
                else if (exporter == TelemetryExporter.Otlp)
                    metrics.AddOtlpExporter();
            });
        return services;
    }

    private static bool IsHealthProbe(HttpContext context) => context.Request.Path.StartsWithSegments(HealthEndpoints.PathPrefix);
}
