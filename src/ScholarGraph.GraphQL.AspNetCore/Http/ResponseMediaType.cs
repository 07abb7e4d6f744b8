using Microsoft.Net.Http.Headers;

namespace ScholarGraph.GraphQL.AspNetCore.Http;

/// <summary>The two media types a GraphQL-over-HTTP response may have, and the choice between them by <c>Accept</c>.</summary>
internal static class ResponseMediaType
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public const string Json = "application/json";

    public const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";

    public const string JsonUtf8 = Json + "; charset=utf-8";

    public const string EventStream = "text/event-stream";

    /// <summary>
    /// Whether the client asks for GraphQL over SSE: its <c>Accept</c> names <c>text/event-stream</c> itself (a wildcard is
    /// not enough, so plain HTTP clients sending <c>*/*</c> keep getting JSON) with a quality above zero.
    /// </summary>
    public static bool AcceptsEventStream(HttpRequest request) =>
        CommonAccept(request.Headers.Accept) is null
        && MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges)
        && ranges.Any(range => range.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) && (range.Quality ?? 1d) > 0);

    /// <summary>
    /// Picks the response media type: the one the client weights higher (q), then the one it names more specifically.
    /// When both are named outright, the spec's own <c>application/graphql-response+json</c> wins; when only wildcards
    /// (or no <c>Accept</c> at all) admit them, <c>application/json</c> wins, as the spec's rules for legacy clients ask.
    /// Returns <see langword="null"/> when neither is acceptable (HTTP 406).
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (CommonAccept(accept) is { } common)
            return common;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
            return Json;

        var graphQL = BestMatch(ranges, GraphQLResponseJson);
        var json = BestMatch(ranges, Json);
        if (graphQL.Quality <= 0 && json.Quality <= 0)
            return null;
        if (graphQL.Quality != json.Quality)
            return graphQL.Quality > json.Quality ? GraphQLResponseJson : Json;
        if (graphQL.Specificity != json.Specificity)
            return graphQL.Specificity > json.Specificity ? GraphQLResponseJson : Json;
        return graphQL.Specificity == Match.Exact ? GraphQLResponseJson : Json;
    }

    /// <summary>
    /// The answer for the headers nearly every client sends, one media type and no parameters, without parsing them (they are
    /// parsed twice a request otherwise): <c>application/graphql-response+json</c>, <c>application/json</c> and <c>*/*</c>, which
    /// the general rules answer the same way. Null for any other header.
    /// </summary>
    private static string? CommonAccept(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count != 1 || accept[0] is not { } value)
            return null;
        if (value.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            return GraphQLResponseJson;
        return value.Equals(Json, StringComparison.OrdinalIgnoreCase) || value == "*/*" ? Json : null;
    }

    /// <summary>The most specific range that covers <paramref name="mediaType"/> decides its quality, as RFC 9110 §12.5.1 says.</summary>
    private static (double Quality, int Specificity) BestMatch(IList<MediaTypeHeaderValue> ranges, string mediaType)
    {
        var best = (Quality: 0d, Specificity: Match.None);
        // Both media types are application/…; a range such as application/* covers either.
        var type = mediaType.AsSpan(0, mediaType.IndexOf('/'));
        foreach (var range in ranges)
        {
            var specificity = range.MatchesAllTypes ? Match.AnyType
                : range.MatchesAllSubTypes ? (type.Equals(range.Type.AsSpan(), StringComparison.OrdinalIgnoreCase) ? Match.AnySubtype : Match.None)
                : range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? Match.Exact
                : Match.None;
            if (specificity > best.Specificity)
                best = (range.Quality ?? 1d, specificity);
        }
        return best;
    }

    private static class Match
    {
        public const int None = 0;
        public const int AnyType = 1;
        public const int AnySubtype = 2;
        public const int Exact = 3;
    }
}
