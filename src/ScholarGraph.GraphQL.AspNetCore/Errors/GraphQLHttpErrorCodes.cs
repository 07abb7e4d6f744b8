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

    /// <summary>The server failed; the details are in its log under the trace id given in the message, never in the response.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}
