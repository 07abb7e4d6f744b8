using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.AspNetCore.Errors;

/// <summary>An error in the HTTP request itself, found before GraphQL.NET sees it.</summary>
internal sealed class HttpRequestError : ExecutionError
{
    public HttpRequestError(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }
}

/// <summary>Reported during validation when the selected operation may not be sent with the request's HTTP method.</summary>
internal sealed class MethodNotAllowedError : ValidationError
{
    public MethodNotAllowedError(GraphQLDocument document, GraphQLOperationDefinition operation)
        : base(document.Source, number: null, $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.", operation)
    {
        Code = GraphQLHttpErrorCodes.MethodNotAllowed;
    }
}

/// <summary>Reported during validation for a subscription, which a single HTTP response cannot carry.</summary>
internal sealed class SubscriptionNotSupportedError : ValidationError
{
    public SubscriptionNotSupportedError(GraphQLDocument document, GraphQLOperationDefinition operation)
        : base(document.Source, number: null, "A subscription needs a streaming response: open a WebSocket (graphql-transport-ws) or POST with 'Accept: text/event-stream' (GraphQL over SSE).", operation)
    {
        Code = GraphQLHttpErrorCodes.SubscriptionNotSupported;
    }
}

/// <summary>Stands in for an unhandled exception so that neither its message, type nor stack trace reaches the client.</summary>
internal sealed class InternalServerError : ExecutionError
{
    public InternalServerError(string traceId)
        : base($"An internal error occurred; the server logged it with trace id '{traceId}'.")
    {
        Code = GraphQLHttpErrorCodes.InternalServerError;
    }
}

/// <summary>Ends a subscription whose subscriber fell too far behind, so that its buffered events cannot grow without limit.</summary>
internal sealed class SubscriptionBufferOverflowError : ExecutionError
{
    public SubscriptionBufferOverflowError(int bufferSize)
        : base($"The subscriber fell more than {bufferSize} events behind, so the subscription ended and later events were dropped; subscribe again to resume.")
    {
        Code = GraphQLHttpErrorCodes.SubscriptionBufferOverflow;
    }
}

/// <summary>
/// Stands in for the parser's refusal of a document nested deeper than it recurses (GraphQL.NET's parser allows 128 levels of
/// syntax nodes and reports more as an unhandled exception, which would otherwise answer 500).
/// </summary>
internal sealed class DocumentTooDeepError : ExecutionError
{
    public DocumentTooDeepError(int maxDepth)
        : base($"The document nests more than {maxDepth} levels of syntax (selections, arguments, lists and objects), more than the parser reads.")
    {
        Code = GraphQLHttpErrorCodes.DocumentTooDeep;
    }
}
