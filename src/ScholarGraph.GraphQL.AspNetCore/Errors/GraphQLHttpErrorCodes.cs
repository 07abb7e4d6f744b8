using ScholarGraph.GraphQL.AspNetCore.Documents;
using ScholarGraph.GraphQL.AspNetCore.Streaming;

namespace ScholarGraph.GraphQL.AspNetCore.Errors;

/// <summary>
/// The <c>extensions.code</c> values the transports (HTTP, graphql-transport-ws, SSE) themselves put on errors. Errors raised by GraphQL.NET
/// (parsing, validation, variable coercion) keep GraphQL.NET's own codes.
/// </summary>
public static class GraphQLHttpErrorCodes
{
    /// <summary>The request's shape is wrong: body not JSON, <c>query</c> missing or not a string, <c>variables</c> not a map, and so on. HTTP 400.</summary>
    public const string BadRequest = "HTTP_BAD_REQUEST";

    /// <summary>The request is larger than <c>GraphQLHttp:MaxRequestSize</c> (413 for a body, 414 for a URL).</summary>
    public const string RequestTooLarge = "HTTP_REQUEST_TOO_LARGE";

    /// <summary>A POST whose <c>Content-Type</c> is missing or is not <c>application/json</c> in UTF-8. HTTP 415.</summary>
    public const string UnsupportedMediaType = "HTTP_UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The <c>Accept</c> header allows neither <c>application/graphql-response+json</c> nor <c>application/json</c>. HTTP 406.</summary>
    public const string NotAcceptable = "HTTP_NOT_ACCEPTABLE";

    /// <summary>A mutation (or subscription) sent with GET, or a method other than GET and POST. HTTP 405.</summary>
    public const string MethodNotAllowed = "HTTP_METHOD_NOT_ALLOWED";

    /// <summary>
    /// A subscription sent over plain HTTP; subscriptions need a streaming transport (a graphql-transport-ws WebSocket, or a
    /// POST with <c>Accept: text/event-stream</c>).
    /// </summary>
    public const string SubscriptionNotSupported = "SUBSCRIPTION_NOT_SUPPORTED_OVER_HTTP";

    /// <summary>
    /// The <see cref="IConnectionAuthorizer"/> refused a GraphQL-over-SSE request. HTTP 401. (A refused WebSocket is closed
    /// with 4403 instead.)
    /// </summary>
    public const string Unauthorized = "HTTP_UNAUTHORIZED";

    /// <summary>
    /// A subscriber fell more than <see cref="GraphQLSubscriptionOptions.BufferSize"/> events behind; its subscription
    /// ended with this error (as its last result) and it must subscribe again.
    /// </summary>
    public const string SubscriptionBufferOverflow = "SUBSCRIPTION_BUFFER_OVERFLOW";

    /// <summary>A document nested deeper than the parser reads (128 levels of syntax nodes), refused before validation.</summary>
    public const string DocumentTooDeep = "DOCUMENT_TOO_DEEP";

    /// <summary>
    /// A <c>documentId</c> that names no trusted document (also an automatic persisted query's hash where the caller may only run
    /// trusted documents). Hot Chocolate's code for a persisted operation not found. HTTP 404 by default.
    /// </summary>
    public const string PersistedDocumentNotFound = "HC0020";

    /// <summary>
    /// Query text that is not a trusted document (or an automatic persisted query to register), refused by
    /// <see cref="TrustedDocumentMode.TrustedOnly"/> or, in <see cref="TrustedDocumentMode.AllowArbitraryForAuthorized"/>, by the
    /// <see cref="IArbitraryDocumentPolicy"/>. Hot Chocolate's code for "only persisted operations are allowed". HTTP 403 by default.
    /// </summary>
    public const string TrustedDocumentRequired = "HC0067";

    /// <summary>
    /// A <c>documentId</c> (or <c>extensions.persistedQuery.sha256Hash</c>) that is not a SHA-256 id: <c>sha256:</c> and 64
    /// hexadecimal digits, or the digits alone. HTTP 400 by default.
    /// </summary>
    public const string PersistedDocumentInvalidId = "PERSISTED_DOCUMENT_INVALID_ID";

    /// <summary>
    /// An automatic persisted query's hash the server holds no query for; the client sends the request again with the query
    /// text (the message is the protocol's <c>PersistedQueryNotFound</c>). Apollo's code. HTTP 200 by default, as Apollo
    /// clients expect, and never cached by a shared cache.
    /// </summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>
    /// Automatic persisted queries are turned off, or the protocol version is not 1 (the message is the protocol's
    /// <c>PersistedQueryNotSupported</c>). Apollo's code. HTTP 200 by default.
    /// </summary>
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    /// <summary>An automatic persisted query whose <c>sha256Hash</c> is not the SHA-256 of the query text sent with it. HTTP 400 by default.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    /// <summary>The operation nests fields deeper than <c>GraphQLLimits:MaxDepth</c>; refused before it runs.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    /// <summary>The operation has more aliases than <c>GraphQLLimits:MaxAliases</c>; refused before it runs.</summary>
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    /// <summary>The operation has more directives than <c>GraphQLLimits:MaxDirectives</c>; refused before it runs.</summary>
    public const string MaxDirectivesExceeded = "MAX_DIRECTIVES_EXCEEDED";

    /// <summary>The document has more tokens than <c>GraphQLLimits:MaxTokens</c>; refused before it is parsed.</summary>
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";

    /// <summary>
    /// The operation's field or type cost is over <c>GraphQLLimits:MaxFieldCost</c> or <c>GraphQLLimits:MaxTypeCost</c>;
    /// refused before it runs.
    /// </summary>
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";

    /// <summary>
    /// A field whose <c>@listSize</c> says <c>requireOneSlicingArgument</c> got none or several of its slicing arguments, so its
    /// cost cannot be known; refused before it runs.
    /// </summary>
    public const string CostSlicingArgumentRequired = "COST_SLICING_ARGUMENT_REQUIRED";

    /// <summary>A string literal or variable value is longer than <c>GraphQLLimits:MaxStringLength</c>; refused before it runs.</summary>
    public const string MaxStringLengthExceeded = "MAX_STRING_LENGTH_EXCEEDED";

    /// <summary>
    /// The operation ran longer than <c>GraphQLLimits:ExecutionTimeout</c>; its cancellation token was cancelled and its partial
    /// result dropped. HTTP 504 with <c>application/graphql-response+json</c>.
    /// </summary>
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";

    /// <summary>The server failed; the details are in its log under the trace id given in the message, never in the response.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}
