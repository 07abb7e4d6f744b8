using System.ComponentModel.DataAnnotations;
using ScholarGraph.GraphQL.AspNetCore.Errors;

namespace ScholarGraph.GraphQL.AspNetCore.Http;

/// <summary>Settings of the GraphQL-over-HTTP transport, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The configuration section these options are read from: <c>GraphQLHttp</c>.</summary>
    public const string SectionName = "GraphQLHttp";

    /// <summary>
    /// Whether parsed and validated documents are cached by query text, so a repeated query skips both steps.
    /// Default: <see langword="true"/>.
    /// </summary>
    public bool EnableDocumentCache { get; set; } = true;

    /// <summary>
    /// The most query text, in characters summed over all cached documents, that the document cache holds before it evicts.
    /// A parsed document takes roughly ten times its text in memory. Default: 1,000,000.
    /// </summary>
    [Range(1, long.MaxValue, ErrorMessage = "must be at least 1")]
    public long DocumentCacheSizeLimit { get; set; } = 1_000_000;

    /// <summary>
    /// The largest request accepted, in bytes: a POST body (an over-long one answers 413) or a GET's query string (414), with
    /// error code <c>HTTP_REQUEST_TOO_LARGE</c> and nothing parsed. Default: 1 MiB (1,048,576); at least 1.
    /// </summary>
    [Range(1, long.MaxValue, ErrorMessage = "must be at least 1")]
    public long MaxRequestSize { get; set; } = 1 << 20;

    /// <summary>
    /// Whether clients may introspect the schema (<c>__schema</c>, <c>__type</c>) and read it at <c>GET ?sdl</c>, over every
    /// transport. Off, an introspection query gets a validation error and <c>?sdl</c> answers 404; <c>__typename</c> stays
    /// allowed. Default: <see langword="true"/>.
    /// </summary>
    public bool EnableIntrospection { get; set; } = true;

    /// <summary>
    /// Whether validation errors keep GraphQL.NET's "Did you mean ...?" suggestions of the schema's names. Default:
    /// <see langword="null"/>, which keeps them in the Development environment only.
    /// </summary>
    public bool? EnableSuggestions { get; set; }

    /// <summary>
    /// HTTP status codes for requests refused before execution, by the <c>extensions.code</c> of their errors (for example
    /// <c>401</c> for an authentication error raised by an <c>IConfigureExecution</c>). A request that did not execute and whose
    /// errors all carry codes mapped to one status answers with that status, whatever the negotiated media type; the body is the
    /// GraphQL error response as usual. Bound from <c>GraphQLHttp:StatusCodesByErrorCode:CODE</c>; a setting for a code
    /// replaces its default. Default: the trusted-document codes, <c>HC0020</c> (document not found) 404, <c>HC0067</c> (trusted
    /// document required) 403, <c>PERSISTED_DOCUMENT_INVALID_ID</c> and <c>PERSISTED_QUERY_HASH_MISMATCH</c> 400, and
    /// <c>PERSISTED_QUERY_NOT_FOUND</c> and <c>PERSISTED_QUERY_NOT_SUPPORTED</c> 200 (Apollo clients read these as "send the
    /// query text" whatever the media type).
    /// </summary>
    public Dictionary<string, int> StatusCodesByErrorCode { get; set; } = new(StringComparer.Ordinal)
    {
        [GraphQLHttpErrorCodes.PersistedDocumentNotFound] = StatusCodes.Status404NotFound,
        [GraphQLHttpErrorCodes.TrustedDocumentRequired] = StatusCodes.Status403Forbidden,
        [GraphQLHttpErrorCodes.PersistedDocumentInvalidId] = StatusCodes.Status400BadRequest,
        [GraphQLHttpErrorCodes.PersistedQueryHashMismatch] = StatusCodes.Status400BadRequest,
        [GraphQLHttpErrorCodes.PersistedQueryNotFound] = StatusCodes.Status200OK,
        [GraphQLHttpErrorCodes.PersistedQueryNotSupported] = StatusCodes.Status200OK,
    };
}
