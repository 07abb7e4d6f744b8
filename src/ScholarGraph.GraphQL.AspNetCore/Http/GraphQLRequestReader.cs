using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using ScholarGraph.GraphQL.AspNetCore.Errors;

namespace ScholarGraph.GraphQL.AspNetCore.Http;

/// <summary>
/// Reads a GraphQL request from a POST body or GET URL parameters and checks its shape, saying exactly what is wrong.
/// The envelope is read with System.Text.Json; <c>variables</c> and <c>extensions</c> are then handed as JSON nodes to
/// the registered <see cref="IGraphQLSerializer"/>, so they are converted as GraphQL.NET converts them everywhere else
/// (this needs a serializer whose <c>ReadNode</c> takes a <see cref="JsonElement"/>, as GraphQL.SystemTextJson's does).
/// </summary>
internal static class GraphQLRequestReader
{
    private const string QueryKey = "query";
    private const string OperationNameKey = "operationName";
    private const string VariablesKey = "variables";
    private const string ExtensionsKey = "extensions";

    public static async ValueTask<GraphQLRequestReadResult> ReadPostAsync(HttpRequest request, IGraphQLSerializer serializer, CancellationToken cancellationToken)
    {
        if (!IsJsonInUtf8(request.ContentType))
        {
            return GraphQLRequestReadResult.Fail(new HttpRequestError(
                StatusCodes.Status415UnsupportedMediaType,
                GraphQLHttpErrorCodes.UnsupportedMediaType,
                $"A POST must have Content-Type '{ResponseMediaType.Json}' (UTF-8); got '{request.ContentType ?? "none"}'."));
        }

        var limit = MaxRequestSize(request);
        if (request.ContentLength > limit)
            return TooLarge(StatusCodes.Status413PayloadTooLarge, $"The request body is {request.ContentLength:N0} bytes; the limit is {limit:N0}.");

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(new LimitedStream(request.Body, limit), default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return BadRequest("The request body must be a JSON object with a 'query' string; it is empty or not valid JSON.");
        }
        catch (LimitedStream.LimitExceededException)
        {
            return TooLarge(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {limit:N0} bytes.");
        }

        using (body)
            return ReadObject(body.RootElement, serializer);
    }

    /// <summary>
    /// Reads a request from the JSON object <paramref name="root"/> (<c>query</c>, <c>operationName</c>, <c>variables</c>,
    /// <c>extensions</c>), as a POST body or a graphql-transport-ws <c>subscribe</c> payload carries it.
    /// </summary>
    public static GraphQLRequestReadResult ReadObject(JsonElement root, IGraphQLSerializer serializer)
    {
        if (root.ValueKind == JsonValueKind.Array)
            return BadRequest("Batched requests (a JSON array) are not supported; send one request object per POST.");
        if (root.ValueKind != JsonValueKind.Object)
            return BadRequest("The request body must be a JSON object with a 'query' string.");

        var query = ReadString(root, QueryKey, required: true);
        if (query.Problem is not null)
            return BadRequest(query.Problem);
        var operationName = ReadString(root, OperationNameKey, required: false);
        if (operationName.Problem is not null)
            return BadRequest(operationName.Problem);
        var variables = ReadMap(root, VariablesKey, serializer);
        if (variables.Problem is not null)
            return BadRequest(variables.Problem);
        var extensions = ReadMap(root, ExtensionsKey, serializer);
        if (extensions.Problem is not null)
            return BadRequest(extensions.Problem);

        return GraphQLRequestReadResult.Success(new GraphQLRequest
        {
            Query = query.Value,
            OperationName = operationName.Value,
            Variables = variables.Value,
            Extensions = extensions.Value,
        });
    }

    public static GraphQLRequestReadResult ReadGet(HttpRequest request, IGraphQLSerializer serializer)
    {
        var limit = MaxRequestSize(request);
        if (request.QueryString.Value?.Length > limit)
            return TooLarge(StatusCodes.Status414UriTooLong, $"The URL's query string is {request.QueryString.Value.Length:N0} bytes; the limit is {limit:N0}.");
        var parameters = request.Query;
        foreach (var key in (ReadOnlySpan<string>)[QueryKey, OperationNameKey, VariablesKey, ExtensionsKey])
        {
            if (parameters.TryGetValue(key, out var values) && values.Count > 1)
                return BadRequest($"The URL parameter '{key}' is given more than once.");
        }

        var query = Single(parameters, QueryKey);
        if (query is null)
            return BadRequest("The URL parameter 'query' is missing.");

        var variables = ReadMapParameter(Single(parameters, VariablesKey), VariablesKey, serializer);
        if (variables.Problem is not null)
            return BadRequest(variables.Problem);
        var extensions = ReadMapParameter(Single(parameters, ExtensionsKey), ExtensionsKey, serializer);
        if (extensions.Problem is not null)
            return BadRequest(extensions.Problem);

        var operationName = Single(parameters, OperationNameKey);
        return GraphQLRequestReadResult.Success(new GraphQLRequest
        {
            Query = query,
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            Variables = variables.Value,
            Extensions = extensions.Value,
        });
    }

    private static bool IsJsonInUtf8(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            return false;
        if (!parsed.MediaType.Equals(ResponseMediaType.Json, StringComparison.OrdinalIgnoreCase))
            return false;
        return !parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || parsed.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Single(IQueryCollection parameters, string key) =>
        parameters.TryGetValue(key, out StringValues values) ? values.ToString() : null;

    private static Read<string> ReadString(JsonElement root, string key, bool required)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            return required ? new(null, $"The '{key}' parameter is missing; it must be a string holding a GraphQL document.") : default;
        if (value.ValueKind != JsonValueKind.String)
            return new(null, $"The '{key}' parameter must be a string, not {Describe(value.ValueKind)}.");
        return TryRead(() => value.GetString(), key, out var text, out var problem) ? new(text, null) : new(null, problem);
    }

    private static Read<Inputs> ReadMap(JsonElement root, string key, IGraphQLSerializer serializer)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            return default;
        if (value.ValueKind != JsonValueKind.Object)
            return new(null, $"The '{key}' parameter must be a map (JSON object), not {Describe(value.ValueKind)}.");
        return TryRead(() => serializer.ReadNode<Inputs>(value), key, out var map, out var problem) ? new(map, null) : new(null, problem);
    }

    // Reads a value out of the parsed body: JsonDocument checks a string's UTF-8 only when the string is read, and the
    // serializer may refuse a value it cannot convert; both are the client's mistake, answered as such.
    private static bool TryRead<T>(Func<T?> read, string key, out T? value, out string? problem)
        where T : class
    {
        try
        {
            value = read();
            problem = null;
            return true;
        }
        catch (Exception e) when (IsInvalidUtf8(e))
        {
            problem = $"The '{key}' parameter is not valid UTF-8.";
        }
        catch (JsonException e)
        {
            problem = $"The '{key}' parameter holds a value that cannot be read{(e.Path is { Length: > 1 } path ? $" at {path}" : "")}.";
        }
        value = null;
        return false;
    }

    private static bool IsInvalidUtf8(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is System.Text.DecoderFallbackException)
                return true;
        }
        return false;
    }

    private static Read<Inputs> ReadMapParameter(string? text, string key, IGraphQLSerializer serializer)
    {
        if (string.IsNullOrEmpty(text))
            return default;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
                return default;
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new(serializer.ReadNode<Inputs>(document.RootElement), null)
                : new(null, $"The URL parameter '{key}' must be a JSON object, not {Describe(document.RootElement.ValueKind)}.");
        }
        catch (JsonException)
        {
            return new(null, $"The URL parameter '{key}' must be a JSON object; it is not valid JSON.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static GraphQLRequestReadResult BadRequest(string message) =>
        GraphQLRequestReadResult.Fail(new HttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.BadRequest, message));

    private readonly record struct Read<T>(T? Value, string? Problem)
        where T : class;

    private static long MaxRequestSize(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.MaxRequestSize;

    private static GraphQLRequestReadResult TooLarge(int status, string message) =>
        GraphQLRequestReadResult.Fail(new HttpRequestError(status, GraphQLHttpErrorCodes.RequestTooLarge, message));

    // Reads at most the limit from the body, then fails: a body without a Content-Length (chunked) is held to it as well.
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public sealed class LimitExceededException() : IOException("The request body exceeds the limit.");

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new LimitExceededException() : read;
        }
    }
}

/// <summary>Either a well-formed request or the error that says why it is not one.</summary>
internal readonly record struct GraphQLRequestReadResult(GraphQLRequest? Request, HttpRequestError? Error)
{
    public static GraphQLRequestReadResult Success(GraphQLRequest request) => new(request, null);

    public static GraphQLRequestReadResult Fail(HttpRequestError error) => new(null, error);
}
