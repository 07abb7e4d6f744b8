namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>Which operations the server runs besides its trusted documents; set by <see cref="TrustedDocumentOptions.Mode"/>.</summary>
public enum TrustedDocumentMode
{
    /// <summary>
    /// Any query text runs; a <c>documentId</c> (or an automatic persisted query) naming a trusted document runs that document.
    /// The default.
    /// </summary>
    Off,

    /// <summary>
    /// Trusted documents run for everyone; query text that is not one (and the registration of automatic persisted queries)
    /// only for callers the app's <see cref="IArbitraryDocumentPolicy"/> allows, by default authenticated ones.
    /// </summary>
    AllowArbitraryForAuthorized,

    /// <summary>Only trusted documents run; query text and automatic persisted queries that are not trusted are refused.</summary>
    TrustedOnly,
}
