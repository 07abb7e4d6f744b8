namespace ScholarGraph.GraphQL.AspNetCore.Ide;

/// <summary>
/// The settings the IDE fetches from <c>bcp-config.json</c> beside its index page. Telemetry is always off: it would
/// call a host outside the app.
/// </summary>
internal sealed record BananaCakePopConfig(string Title, string Endpoint, string SdlEndpoint, string SubscriptionProtocol)
{
    public bool UseBrowserUrlAsEndpoint => true;

    public bool DisableTelemetry => true;
}
