namespace ScholarGraph.Server.Hosting.Observability;

/// <summary>Where the server's traces and metrics go.</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere: spans and metrics are made (trace ids still correlate log lines) but not exported.</summary>
    None,

    /// <summary>Printed on standard output, for a look while developing.</summary>
    Console,

    /// <summary>Sent with the OpenTelemetry protocol (OTLP) to a collector, such as the OpenTelemetry Collector, Jaeger or Tempo.</summary>
    Otlp,
}

/// <summary>The server's OpenTelemetry export; bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class TelemetryOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    /// <summary>The configuration section these options bind from: <c>Telemetry</c>.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>Where traces and metrics are exported: <c>none</c>, <c>console</c> or <c>otlp</c>. Default: <c>none</c>.</summary>
    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>
    /// The OTLP collector's address, over gRPC (for example <c>http://collector:4317</c>). Default: <c>null</c>, which leaves it
    /// to OpenTelemetry's own settings: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (use those for
    /// http/protobuf), else <c>http://localhost:4317</c>.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The default of <see cref="ServiceName"/>.</summary>
    public const string DefaultServiceName = "scholargraph";

    /// <summary>The <c>service.name</c> resource attribute of everything exported. Default: <c>scholargraph</c>.</summary>
    public string ServiceName { get; set; } = DefaultServiceName;

    /// <summary>
    /// The exporter as the configuration names it, read while services are registered (OpenTelemetry's exporters are chosen
    /// then, before options exist). A value that is not an exporter reads as <see cref="TelemetryExporter.None"/> here; the
    /// validated section then stops the start with the key and the accepted values.
    /// </summary>
    public static TelemetryExporter ExporterIn(IConfiguration configuration) =>
        Enum.TryParse<TelemetryExporter>(configuration[$"{SectionName}:{nameof(Exporter)}"], ignoreCase: true, out var exporter)
            && Enum.IsDefined(exporter) ? exporter : TelemetryExporter.None;

    /// <inheritdoc />
    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        if (OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
            yield return new($"must be an absolute http or https address such as http://collector:4317, not '{endpoint}'", [nameof(OtlpEndpoint)]);
        if (string.IsNullOrWhiteSpace(ServiceName))
            yield return new("must not be empty", [nameof(ServiceName)]);
    }
}
