using System.Text;
using System.Text.Json;

namespace ScholarGraph.Storage.Import;

/// <summary>The formats <see cref="StoreImporter"/> reads.</summary>
public enum ImportFormat
{
    /// <summary>OpenAlex works as JSON Lines, one work a line, plain or gzipped.</summary>
    OpenAlexWorks,

    /// <summary>A seed document of the project's own format (<c>seed-data/seed.schema.json</c>).</summary>
    Seed,
}

/// <summary>Tells the formats apart by content, whatever a file is called.</summary>
public static class ImportFormats
{
    /// <summary>
    /// <see cref="ImportFormat.OpenAlexWorks"/> for a gzipped file, or one whose first non-blank line is a whole JSON object that
    /// is not a seed document (which has <c>source</c> and <c>papers</c>), or whose first line is broken JSON;
    /// <see cref="ImportFormat.Seed"/> for a file whose first line is a lone <c>{</c> (a seed document printed over many lines)
    /// or a whole seed document.
    /// </summary>
    public static ImportFormat Detect(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        if (file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return ImportFormat.OpenAlexWorks;
        file.Position = 0;
        using var reader = new StreamReader(file, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                return root.ValueKind == JsonValueKind.Object && !(root.TryGetProperty("source", out _) && root.TryGetProperty("papers", out _))
                    ? ImportFormat.OpenAlexWorks
                    : ImportFormat.Seed;
            }
            catch (JsonException)
            {
                // A seed document printed over many lines opens with a line of its own; anything else is a works file whose first
                // line is broken, which the works reader then reports with its line number.
                return line.Trim() == "{" ? ImportFormat.Seed : ImportFormat.OpenAlexWorks;
            }
        }
        return ImportFormat.Seed;
    }
}
