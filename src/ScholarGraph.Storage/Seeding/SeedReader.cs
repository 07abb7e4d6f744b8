using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScholarGraph.Storage.Seeding;

/// <summary>Reads seed files and checks them as a whole before anything is written.</summary>
public static class SeedReader
{
    /// <summary>The serializer settings of the seed format: camelCase names, unknown members rejected, nullability respected.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Reads every <c>*.json</c> file of <paramref name="directory"/> (except <c>*.schema.json</c>) in name order, validates them
    /// together, and returns the graph they describe.
    /// </summary>
    /// <exception cref="SeedValidationException">Any file is malformed or the files together are inconsistent.</exception>
    public static SeedGraph ReadDirectory(string directory)
    {
        var files = SeedFiles(directory).Select(f => (Path.GetFileName(f), (Stream)File.OpenRead(f))).ToList();
        try
        {
            return Read(files);
        }
        finally
        {
            foreach (var (_, stream) in files)
                stream.Dispose();
        }
    }

    /// <summary>The seed files of <paramref name="directory"/>: every <c>*.json</c> except <c>*.schema.json</c>, in ordinal name order.</summary>
    /// <exception cref="SeedValidationException">The folder does not exist.</exception>
    public static IReadOnlyList<string> SeedFiles(string directory)
    {
        if (!Directory.Exists(directory))
            throw new SeedValidationException([new SeedProblem(directory, "$", "the seed folder does not exist")]);
        return Directory.EnumerateFiles(directory, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads and validates seed documents given as named streams.</summary>
    /// <exception cref="SeedValidationException">Any document is malformed or the documents together are inconsistent.</exception>
    public static SeedGraph Read(IEnumerable<(string Name, Stream Content)> files)
    {
        var problems = new List<SeedProblem>();
        var documents = new List<(string Name, SeedDocument Document)>();
        foreach (var (name, content) in files)
        {
            var document = Parse(name, content, problems);
            if (document is not null)
                documents.Add((name, document));
        }
        var graph = SeedValidator.Validate(documents, problems);
        if (problems.Count > 0)
            throw new SeedValidationException(problems);
        return graph;
    }

    private static SeedDocument? Parse(string name, Stream content, List<SeedProblem> problems)
    {
        try
        {
            var document = JsonSerializer.Deserialize<SeedDocument>(content, SerializerOptions);
            if (document is null)
                problems.Add(new SeedProblem(name, "$", "the file holds null instead of a seed document"));
            return document;
        }
        catch (JsonException e)
        {
            problems.Add(ProblemOf(name, "$", e));
            return null;
        }
    }

    /// <summary>
    /// Describes a malformed file: the path of <paramref name="e"/>, taken as relative to <paramref name="at"/> (the value that was
    /// being read), its first sentence, and the line and byte where reading stopped.
    /// </summary>
    internal static SeedProblem ProblemOf(string file, string at, JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        var path = e.Path is { Length: > 1 } relative && relative.StartsWith('$') ? at + relative[1..] : at;
        return new SeedProblem(file, path, FirstSentence(e.Message) + where);
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
}
