using GraphQL;
using ScholarGraph.GraphQL.AspNetCore.Documents;

namespace ScholarGraph.GraphQL.AspNetCore.Errors;

/// <summary>
/// A <c>documentId</c> (or, where only trusted documents may run, an automatic persisted query's hash) that names no trusted
/// document. Hot Chocolate's code, with the id in <c>extensions.requestedKey</c> as Hot Chocolate puts it.
/// </summary>
internal sealed class PersistedDocumentNotFoundError : ExecutionError
{
    private PersistedDocumentNotFoundError(string message, string requestedKey)
        : base(message)
    {
        Code = GraphQLHttpErrorCodes.PersistedDocumentNotFound;
        this.AddExtension("requestedKey", requestedKey);
    }

    public static PersistedDocumentNotFoundError ForDocumentId(string documentId) =>
        new($"The documentId '{documentId}' names no trusted document of this server.", documentId);

    public static PersistedDocumentNotFoundError ForPersistedQuery(string hash) =>
        new($"The persisted query '{hash}' is not a trusted document, and this server runs only trusted documents for this caller: it cannot register new ones.",
            DocumentIds.Format(hash));
}

/// <summary>Query text that is not a trusted document, where the mode (or, for this caller, the app's policy) allows only those.</summary>
internal sealed class TrustedDocumentRequiredError : ExecutionError
{
    public TrustedDocumentRequiredError(TrustedDocumentMode mode, bool registeringPersistedQuery)
        : base((mode == TrustedDocumentMode.TrustedOnly
                ? "This server runs only trusted documents: send 'documentId' naming one instead of query text"
                : "Query text that is not a trusted document needs a caller the server authorizes for it: send 'documentId' naming a trusted document, or the credentials of such a caller")
            + (registeringPersistedQuery ? "; automatic persisted queries cannot register new documents here." : "."))
    {
        Code = GraphQLHttpErrorCodes.TrustedDocumentRequired;
    }
}

/// <summary>A <c>documentId</c> or <c>extensions.persistedQuery.sha256Hash</c> that is not a SHA-256 id.</summary>
internal sealed class PersistedDocumentIdInvalidError : ExecutionError
{
    private PersistedDocumentIdInvalidError(string message)
        : base(message)
    {
        Code = GraphQLHttpErrorCodes.PersistedDocumentInvalidId;
    }

    public static PersistedDocumentIdInvalidError ForDocumentId(string documentId) =>
        new($"The documentId '{Quote(documentId)}' is not a SHA-256 document id: send '{DocumentIds.Sha256Prefix}' and the 64 lower-case hexadecimal digits of the SHA-256 of the document's UTF-8 text, or the 64 digits alone.");

    public static PersistedDocumentIdInvalidError ForPersistedQuery(object? hash) =>
        new($"extensions.persistedQuery.sha256Hash must be the 64 hexadecimal digits of the SHA-256 of the query's UTF-8 text, not {(hash is string text ? $"'{Quote(text)}'" : "missing")}.");

    // A client's value is cut after 80 characters, so a refusal never echoes a long input back.
    private static string Quote(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "…");
}

/// <summary>
/// An automatic persisted query's hash that the server does not hold. The message is the protocol's own, which Apollo clients
/// read as "send the request again with its query text"; <c>extensions.reason</c> says it in words.
/// </summary>
internal sealed class PersistedQueryNotFoundError : ExecutionError
{
    public PersistedQueryNotFoundError(string hash)
        : base("PersistedQueryNotFound")
    {
        Code = GraphQLHttpErrorCodes.PersistedQueryNotFound;
        this.AddExtension("reason", $"No query is registered under sha256Hash '{hash}'; send the request again with its query text to register it.");
    }
}

/// <summary>
/// Automatic persisted queries are off, or the request's protocol version is not 1. The message is the protocol's own, on which
/// Apollo clients stop sending hashes; <c>extensions.reason</c> says which.
/// </summary>
internal sealed class PersistedQueryNotSupportedError : ExecutionError
{
    public PersistedQueryNotSupportedError(string reason)
        : base("PersistedQueryNotSupported")
    {
        Code = GraphQLHttpErrorCodes.PersistedQueryNotSupported;
        this.AddExtension("reason", reason);
    }
}

/// <summary>An automatic persisted query whose <c>sha256Hash</c> is not the hash of the query text sent with it.</summary>
internal sealed class PersistedQueryHashMismatchError : ExecutionError
{
    public PersistedQueryHashMismatchError(string hash, string actual)
        : base($"extensions.persistedQuery.sha256Hash is '{hash}', but the SHA-256 of the query text sent is '{actual}'; hash the exact UTF-8 text of the query.")
    {
        Code = GraphQLHttpErrorCodes.PersistedQueryHashMismatch;
    }
}
