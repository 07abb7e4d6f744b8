using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.GraphQL.AspNetCore.Ide;

/// <summary>Settings of the Banana Cake Pop IDE served beside the GraphQL endpoint, bound from the section <see cref="SectionName"/>.</summary>
public sealed class GraphQLIdeOptions : IValidatableObject
{
    /// <summary>The configuration section these options are read from: <c>GraphQLIde</c>.</summary>
    public const string SectionName = "GraphQLIde";

    /// <summary>The subscription protocols the IDE speaks, in the spelling <see cref="SubscriptionProtocol"/> takes.</summary>
    public static readonly IReadOnlyList<string> SubscriptionProtocols = ["auto", "graphql-transport-ws", "graphql-ws", "graphql-sse"];

    /// <summary>Whether browsers get the IDE at the endpoint's path. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The title the IDE shows. Default: <c>GraphQL</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must not be empty")]
    public string Title { get; set; } = "GraphQL";

    /// <summary>
    /// The subscription protocol the IDE speaks: one of <see cref="SubscriptionProtocols"/>. Default:
    /// <c>graphql-transport-ws</c>, the protocol of this library's WebSocket transport.
    /// </summary>
    public string SubscriptionProtocol { get; set; } = "graphql-transport-ws";

    /// <summary>
    /// The folder holding the IDE's built files. Default: <see langword="null"/>, meaning the <c>ide</c> folder beside
    /// the app's assembly, where the build copies them from the npm package.
    /// </summary>
    public string? FilesPath { get; set; }

    /// <summary>
    /// The document the IDE opens with in a new tab (bcp-config's <c>graphQLDocument</c>), so a newcomer runs a real query in one
    /// click. Default: <see langword="null"/>, an empty tab.
    /// </summary>
    public string? Document { get; set; }

    /// <summary>
    /// The variables of <see cref="Document"/>, as the text of a JSON object (bcp-config's <c>variables</c>), such as
    /// <c>{"id":"QXV0aG9yOjE="}</c>. Default: <see langword="null"/>, none.
    /// </summary>
    public string? Variables { get; set; }

    internal string ResolvedFilesPath => FilesPath ?? Path.Combine(AppContext.BaseDirectory, "ide");

    /// <summary><see cref="Variables"/> parsed, or <see langword="null"/> when unset or not a JSON object.</summary>
    internal System.Text.Json.JsonElement? ParsedVariables
    {
        get
        {
            if (Variables is null)
                return null;
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(Variables);
                return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? json.RootElement.Clone() : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SubscriptionProtocols.Contains(SubscriptionProtocol, StringComparer.Ordinal))
            yield return new ValidationResult($"must be one of {string.Join(", ", SubscriptionProtocols)}, not '{SubscriptionProtocol}'", [nameof(SubscriptionProtocol)]);
        if (Variables is not null && ParsedVariables is null)
            yield return new ValidationResult("must be the text of a JSON object, such as {\"id\":\"QXV0aG9yOjE=\"}", [nameof(Variables)]);
    }
}
