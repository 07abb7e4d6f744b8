using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScholarGraph.GraphQL.AspNetCore.Ide;

/// <summary>
/// The settings the IDE fetches from <c>bcp-config.json</c> beside its index page. Telemetry is always off: it would
/// call a host outside the app.
/// </summary>
internal sealed record BananaCakePopConfig(string Title, string Endpoint, string SdlEndpoint, string SubscriptionProtocol)
{
    /// <summary>The document a new tab opens with; left out when none is set.</summary>
    [JsonPropertyName("graphQLDocument")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GraphQLDocument { get; init; }

    /// <summary>The document's variables, a JSON object; left out when none are set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Variables { get; init; }

    public bool UseBrowserUrlAsEndpoint => true;

    public bool DisableTelemetry => true;
}
