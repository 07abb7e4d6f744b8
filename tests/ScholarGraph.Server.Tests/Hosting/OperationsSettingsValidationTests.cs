using ScholarGraph.Server.Hosting.Cors;
using ScholarGraph.Server.Hosting.Observability;
using ScholarGraph.Server.Hosting.RateLimiting;

namespace ScholarGraph.Server.Tests.Hosting;

/// <summary>The sections of rate limiting, CORS and telemetry: their documented defaults, and bad values refused with key and reason.</summary>
public sealed class OperationsSettingsValidationTests
{
    [Fact]
    public void The_defaults_are_those_documented()
    {
        var limit = new RateLimitingOptions();
        var cors = new CrossOriginOptions();
        var telemetry = new TelemetryOptions();

        Assert.Equal((true, 600, TimeSpan.FromMinutes(1), 0), (limit.Enabled, limit.PermitLimit, limit.Window, limit.QueueLimit));
        Assert.Equal((0, (List<string>?)null, TimeSpan.FromMinutes(10)), (cors.AllowedOrigins.Count, cors.AllowedHeaders, cors.PreflightMaxAge));
        Assert.Equal((TelemetryExporter.None, (Uri?)null, "scholargraph"), (telemetry.Exporter, telemetry.OtlpEndpoint, telemetry.ServiceName));
    }

    [Theory]
    [InlineData("RateLimiting:PermitLimit", "0", "Configuration: RateLimiting:PermitLimit must be at least 1")]
    [InlineData("RateLimiting:QueueLimit", "-1", "Configuration: RateLimiting:QueueLimit must not be negative")]
    [InlineData("RateLimiting:Window", "00:00:00", "Configuration: RateLimiting:Window must be longer than zero, such as 00:01:00, not 00:00:00")]
    [InlineData("RateLimiting:Enabled", "maybe", "Configuration: RateLimiting:Enabled is 'maybe', which is not true or false.")]
    [InlineData("Cors:AllowedOrigins:0", "https://app.example.org/", "Configuration: Cors:AllowedOrigins:0 must be an origin such as https://app.example.org (scheme, host and optional port, no path or trailing slash) or *, not 'https://app.example.org/'")]
    [InlineData("Cors:AllowedOrigins:0", "app.example.org", "Configuration: Cors:AllowedOrigins:0 must be an origin such as https://app.example.org (scheme, host and optional port, no path or trailing slash) or *, not 'app.example.org'")]
    [InlineData("Telemetry:Exporter", "jaeger", "Configuration: Telemetry:Exporter is 'jaeger', which is not one of None, Console, Otlp.")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "Configuration: Telemetry:OtlpEndpoint must be an absolute http or https address such as http://collector:4317, not 'collector:4317'")]
    public void A_bad_value_is_refused_naming_its_key_and_the_reason(string key, string value, string problem) =>
        Assert.Equal([problem], SettingsValidationTests.ProblemsWith((key, value)));

    [Theory]
    [InlineData("Cors:AllowedOrigins:0", "*")]
    [InlineData("Cors:AllowedOrigins:0", "http://localhost:3000")]
    [InlineData("Telemetry:Exporter", "otlp")]
    [InlineData("Telemetry:Exporter", "Console")]
    [InlineData("Telemetry:OtlpEndpoint", "http://collector:4317")]
    public void A_good_value_passes(string key, string value) => Assert.Null(SettingsValidationTests.ProblemsWith((key, value)));
}
