using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ScholarGraph.Storage.Seeding;

/// <summary>
/// Words for what System.Text.Json found wrong in a seed file, as a person editing the file reads them: the member or value in
/// question, what the format expects there, and the line of the file, without .NET type names.
/// </summary>
internal static partial class SeedFormatProblems
{
    /// <summary>
    /// Describes <paramref name="e"/>, raised while reading the value at <paramref name="at"/> (its path is taken as relative to
    /// that value), which starts on line <paramref name="line"/> of the file; <paramref name="value"/> holds that value's bytes
    /// when they are at hand, so the offending value can be quoted.
    /// </summary>
    public static SeedProblem Describe(string file, string at, JsonException e, int line, ReadOnlySpan<byte> value = default)
    {
        var relative = e.Path is { Length: > 1 } p && p.StartsWith('$') ? p[1..] : "";
        var path = at + relative;
        var reason = Reword(e.Message, relative, value);
        var where = e.LineNumber is { } offset ? $" (line {line + offset})" : "";
        return new SeedProblem(file, path, reason + where);
    }

    /// <summary>The <c>id</c> of the item in <paramref name="value"/> when it is a JSON object with a string id; else <c>null</c>.</summary>
    public static string? IdOf(ReadOnlySpan<byte> value)
    {
        try
        {
            return JsonNode.Parse(value) is JsonObject item && item["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Reword(string message, string relative, ReadOnlySpan<byte> value)
    {
        if (UnknownMember().Match(message) is { Success: true } unknown)
        {
            var type = SeedType(unknown.Groups["type"].Value);
            var members = type is null ? "" : $"; {KindOf(type)} has {string.Join(", ", MembersOf(type))}";
            return $"'{unknown.Groups["member"].Value}' is not a member of {(type is null ? "this object" : KindOf(type))}{members}";
        }
        if (Missing().Match(message) is { Success: true } missing)
        {
            var type = SeedType(missing.Groups["type"].Value);
            var names = missing.Groups["names"].Value.TrimEnd('.');
            return $"{(type is null ? "the object" : KindOf(type))} needs {names}, which {(names.Contains(',') ? "are" : "is")} missing";
        }
        if (NullNotAllowed().Match(message) is { Success: true } nullValue)
            return $"'{nullValue.Groups["member"].Value}' must not be null";
        if (NotConvertible().Match(message) is { Success: true } conversion)
        {
            var quoted = ValueAt(value, relative) is { } given ? $"{given} is not " : "must be ";
            return quoted + Expected(conversion.Groups["type"].Value);
        }
        return FirstSentence(message);
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("System.DateOnly", StringComparison.Ordinal) => "a date written YYYY-MM-DD",
        _ when type.Contains("System.Int32", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("System.Double", StringComparison.Ordinal) => "a number",
        _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "a list",
        "System.String" => "a string",
        _ when SeedType(type) is { } seedType => KindOf(seedType) + " (an object)",
        _ => "a value of the kind the format expects here",
    };

    private static Type? SeedType(string name) => typeof(SeedDocument).Assembly.GetType(name);

    private static string KindOf(Type type) => type.Name switch
    {
        nameof(SeedDocument) => "a seed document",
        nameof(SeedSource) => "the source",
        nameof(SeedInstitution) => "an institution",
        nameof(SeedTopic) => "a topic",
        nameof(SeedVenue) => "a venue",
        nameof(SeedAuthor) => "an author",
        nameof(SeedReportedMetrics) => "the reported metrics",
        nameof(SeedPaper) => "a paper",
        nameof(SeedAuthorship) => "an entry of a paper's authors",
        nameof(SeedPaperTopic) => "an entry of a paper's topics",
        _ => "this object",
    };

    private static IEnumerable<string> MembersOf(Type type) =>
        SeedReader.SerializerOptions.GetTypeInfo(type).Properties.Select(p => p.Name);

    // The JSON text of the value at the relative path (such as ".authors[1].position"), for quoting; null when not at hand.
    private static string? ValueAt(ReadOnlySpan<byte> value, string relative)
    {
        if (value.IsEmpty)
            return null;
        try
        {
            var node = JsonNode.Parse(value);
            foreach (Match step in PathStep().Matches(relative))
            {
                node = step.Groups["member"].Success
                    ? (node as JsonObject)?[step.Groups["member"].Value]
                    : (node as JsonArray) is { } array && int.TryParse(step.Groups["index"].Value, out var i) && i < array.Count ? array[i] : null;
                if (node is null)
                    return null;
            }
            var text = node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            return text is { Length: > 60 } ? text[..57] + "..." : text;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // System.Text.Json appends "Path: ... | LineNumber: ..." to its messages (its reader, "LineNumber: ..." alone); we report
    // those separately.
    private static string FirstSentence(string message)
    {
        foreach (var marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0)
                message = message[..cut];
        }
        return message.TrimEnd();
    }

    [GeneratedRegex(@"The JSON property '(?<member>[^']*)' could not be mapped to any \.NET member contained in type '(?<type>[^']*)'")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"JSON deserialization for type '(?<type>[^']*)' was missing required properties(?: including)?: (?<names>.*?)\.?(?: Path:|$)")]
    private static partial Regex Missing();

    [GeneratedRegex(@"The property or field '(?<member>[^']*)' on type '[^']*' doesn't allow (?:setting|getting) null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"The JSON value could not be converted to (?<type>\S+?)\.(?: Path:|$)")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"\.(?<member>[A-Za-z_$][A-Za-z0-9_$]*)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
