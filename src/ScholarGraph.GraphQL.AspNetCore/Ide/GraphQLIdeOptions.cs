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

    internal string ResolvedFilesPath => FilesPath ?? Path.Combine(AppContext.BaseDirectory, "ide");

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SubscriptionProtocols.Contains(SubscriptionProtocol, StringComparer.Ordinal))
            yield return new ValidationResult($"must be one of {string.Join(", ", SubscriptionProtocols)}, not '{SubscriptionProtocol}'", [nameof(SubscriptionProtocol)]);
    }
}
