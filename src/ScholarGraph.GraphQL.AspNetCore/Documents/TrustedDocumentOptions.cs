using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// Trusted documents (operations registered by hash, as front-end builds ship them) and automatic persisted queries, bound from
/// the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class TrustedDocumentOptions : IValidatableObject
{
    /// <summary>The configuration section these options are read from: <c>TrustedDocuments</c>.</summary>
    public const string SectionName = "TrustedDocuments";

    /// <summary>
    /// The folder of trusted documents, read when the host starts: each <c>&lt;sha256 hex&gt;.graphql</c> file is one document
    /// (the SHA-256 of its bytes must be its name), and each <c>.json</c> file a manifest mapping ids to documents (<c>{ "&lt;sha256
    /// hex&gt;": "&lt;document&gt;" }</c>, as GraphQL Code Generator's client preset and Relay write it with SHA-256 chosen, or
    /// Apollo's persisted query manifest). Other files are ignored. A relative path is relative to the app's content root. A
    /// file whose hash does not match, that cannot be read or that is not a GraphQL document stops the start with a line naming
    /// it. Default: <see langword="null"/>, no trusted documents.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Folders of trusted documents that the app itself ships (the operations of its own pages, say), read as
    /// <see cref="Directory"/> is and trusted besides it, so the app's pages keep working whatever folder the settings name, each
    /// with an optional cost budget (<see cref="AppTrustedDocumentDirectory.MaxFieldCost"/>). Meant to be filled in code
    /// (<c>services.Configure&lt;TrustedDocumentOptions&gt;(o =&gt; o.AppDirectories.Add(new(path)))</c>), not bound from
    /// settings. Default: empty.
    /// </summary>
    public IList<AppTrustedDocumentDirectory> AppDirectories { get; } = [];

    /// <summary>
    /// Which operations run besides the trusted documents: any (<see cref="TrustedDocumentMode.Off"/>), any for callers the
    /// <see cref="IArbitraryDocumentPolicy"/> allows (<see cref="TrustedDocumentMode.AllowArbitraryForAuthorized"/>), or none
    /// (<see cref="TrustedDocumentMode.TrustedOnly"/>, which needs a <see cref="Directory"/> or <see cref="AppDirectories"/>). Default:
    /// <see cref="TrustedDocumentMode.Off"/>.
    /// </summary>
    public TrustedDocumentMode Mode { get; set; } = TrustedDocumentMode.Off;

    /// <summary>
    /// Whether the automatic persisted queries protocol (Apollo's <c>extensions.persistedQuery</c>) may register query text
    /// under its hash for callers that may send query text. Off, such a request gets <c>PERSISTED_QUERY_NOT_SUPPORTED</c> (and an
    /// Apollo client then sends its query text instead); a hash that names a trusted document is served either way.
    /// Default: <see langword="true"/>.
    /// </summary>
    public bool EnableAutomaticPersistedQueries { get; set; } = true;

    /// <summary>
    /// The most query text, in characters summed over all entries, that the automatic persisted queries store holds before it
    /// evicts the least recently used. Default: 1,000,000; at least 1.
    /// </summary>
    [Range(1, long.MaxValue, ErrorMessage = "must be at least 1")]
    public long AutomaticPersistedQueryCacheSizeLimit { get; set; } = 1_000_000;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == TrustedDocumentMode.TrustedOnly && string.IsNullOrWhiteSpace(Directory) && AppDirectories.Count == 0)
            yield return new ValidationResult("must name the folder of trusted documents when Mode is TrustedOnly (otherwise no operation could run)", [nameof(Directory)]);
        foreach (var app in AppDirectories)
        {
            if (app.MaxFieldCost < 0 || app.MaxTypeCost < 0)
                yield return new ValidationResult($"'{app.Path}' has a negative cost budget (MaxFieldCost {app.MaxFieldCost}, MaxTypeCost {app.MaxTypeCost})", [nameof(AppDirectories)]);
        }
    }
}
