using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// Reads a folder of trusted documents: <c>&lt;sha256 hex&gt;.graphql</c> files, and <c>.json</c> manifests, either a map of ids to
/// documents (GraphQL Code Generator's client preset, Relay's local persisting) or Apollo's persisted query manifest. Every
/// document's hash is checked against its text and every document is parsed, so a bad one is found when the host starts,
/// all problems at once, each naming its file.
/// </summary>
internal static class TrustedDocumentFolder
{
    private const string DocumentExtension = ".graphql";
    private const string ManifestExtension = ".json";
    private const string ApolloManifestFormat = "apollo-persisted-query-manifest";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The documents of <paramref name="directory"/> by hash, and one line per problem (none when all is well).</summary>
    public static (Dictionary<string, TrustedDocument> Documents, List<string> Problems) Read(string directory, IDocumentBuilder parser)
    {
        var documents = new Dictionary<string, TrustedDocument>(StringComparer.Ordinal);
        var problems = new List<string>();
        if (!Directory.Exists(directory))
        {
            problems.Add($"'{directory}' is not a folder");
            return (documents, problems);
        }

        IEnumerable<string> files;
        try
        {
            files = Directory.GetFiles(directory).Order(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"'{directory}' cannot be listed ({e.Message})");
            return (documents, problems);
        }

        foreach (var file in files)
        {
            var extension = Path.GetExtension(file);
            if (extension.Equals(DocumentExtension, StringComparison.OrdinalIgnoreCase))
                ReadDocumentFile(file, parser, documents, problems);
            else if (extension.Equals(ManifestExtension, StringComparison.OrdinalIgnoreCase))
                ReadManifest(file, parser, documents, problems);
        }
        return (documents, problems);
    }

    private static void ReadDocumentFile(string file, IDocumentBuilder parser, Dictionary<string, TrustedDocument> documents, List<string> problems)
    {
        var named = DocumentIds.ParseSha256(Path.GetFileNameWithoutExtension(file));
        if (named is null)
        {
            problems.Add($"file '{file}' is not named '<sha256 hex>{DocumentExtension}' (the lower-case hex SHA-256 of its content)");
            return;
        }
        if (ReadBytes(file, problems) is not { } bytes)
            return;
        var actual = DocumentIds.Sha256Of(bytes);
        if (actual != named)
        {
            problems.Add($"file '{file}' does not match its name: its content's SHA-256 is '{actual}' (every byte counts, a trailing newline too)");
            return;
        }
        if (Decode(file, bytes, problems) is { } text)
            Add(documents, problems, $"file '{file}'", actual, text, parser);
    }

    private static void ReadManifest(string file, IDocumentBuilder parser, Dictionary<string, TrustedDocument> documents, List<string> problems)
    {
        if (ReadBytes(file, problems) is not { } bytes)
            return;
        try
        {
            // Editors on Windows start UTF-8 files with a byte order mark, which JSON does not allow.
            using var json = JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0));
            foreach (var (id, text) in ManifestEntries(json.RootElement))
            {
                var where = $"file '{file}' entry '{id}'";
                if (DocumentIds.ParseSha256(id) is not { } named)
                {
                    problems.Add($"{where} is not a SHA-256 id (64 hexadecimal digits, optionally after 'sha256:'): have GraphQL Code Generator hash with 'sha256' (persistedDocuments.hashAlgorithm), Relay with SHA256 (persistConfig.algorithm)");
                    continue;
                }
                var actual = DocumentIds.Sha256Of(text);
                if (actual != named)
                    problems.Add($"{where} does not match its document, whose SHA-256 is '{actual}'");
                else
                    Add(documents, problems, where, actual, text, parser);
            }
        }
        catch (JsonException e)
        {
            problems.Add($"file '{file}' is not valid JSON ({e.Message})");
        }
        catch (ManifestException e)
        {
            problems.Add($"file '{file}' is not a manifest of trusted documents: {e.Message}");
        }
    }

    // { "<id>": "<document>", ... }, or { "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body" }, ...] }.
    private static IEnumerable<(string Id, string Text)> ManifestEntries(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ManifestException("it must be a JSON object of ids and documents");
        if (root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == ApolloManifestFormat)
        {
            if (!root.TryGetProperty("operations", out var operations) || operations.ValueKind != JsonValueKind.Array)
                throw new ManifestException($"an {ApolloManifestFormat} needs an 'operations' array");
            foreach (var operation in operations.EnumerateArray())
            {
                if (operation.ValueKind != JsonValueKind.Object || StringProperty(operation, "id") is not { } id || StringProperty(operation, "body") is not { } body)
                    throw new ManifestException("every element of 'operations' needs a string 'id' and a string 'body'");
                yield return (id, body);
            }
            yield break;
        }
        foreach (var entry in root.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
                throw new ManifestException($"the value of '{entry.Name}' is not a string (expected {{ \"<sha256 hex>\": \"<document>\" }} or an {ApolloManifestFormat})");
            yield return (entry.Name, entry.Value.GetString()!);
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    private static void Add(Dictionary<string, TrustedDocument> documents, List<string> problems, string where, string hash, string text, IDocumentBuilder parser)
    {
        if (documents.ContainsKey(hash))
            return; // the same hash is the same text, from another file
        try
        {
            documents.Add(hash, new TrustedDocument(hash, text, parser.Build(text)));
        }
        catch (Exception e) when (e is ExecutionError or GraphQLParserException)
        {
            problems.Add($"{where} is not a GraphQL document: {e.Message}");
        }
    }

    private static byte[]? ReadBytes(string file, List<string> problems)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"file '{file}' cannot be read ({e.Message})");
            return null;
        }
    }

    private static string? Decode(string file, byte[] bytes, List<string> problems)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add($"file '{file}' is not UTF-8 text");
            return null;
        }
    }

    private sealed class ManifestException(string message) : Exception(message);
}
