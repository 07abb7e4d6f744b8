using ScholarGraph.Storage.Validation;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScholarGraph.Storage.Import.OpenAlex;

/// <summary>One line of a works file: the work read from it, or why it could not be read.</summary>
/// <param name="File">The file's name, for messages.</param>
/// <param name="Line">The line number, from 1.</param>
/// <param name="Work">The work, when the line is a valid work.</param>
/// <param name="Problem">Why the line is not a valid work, when it is not.</param>
public sealed record OpenAlexWorkLine(string File, long Line, OpenAlexWork? Work, string? Problem)
{
    /// <summary>Where the line is, as <c>file:line</c>.</summary>
    public string Location => $"{File}:{Line}";
}

/// <summary>
/// Reads OpenAlex works as JSON Lines (one work a line, as the API's exports and the snapshot publish them), plain or gzipped
/// (recognised by its first bytes in a seekable stream, whatever the file is called). Blank lines are skipped. A line that is not a valid work is
/// returned with its problem rather than thrown, so the caller decides to skip it or stop.
/// </summary>
public static class OpenAlexWorkReader
{
    /// <summary>Reads the works of <paramref name="path"/>, line by line.</summary>
    public static IAsyncEnumerable<OpenAlexWorkLine> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(File.OpenRead(path), Path.GetFileName(path), ownsStream: true, cancellationToken);

    /// <summary>Reads the works of <paramref name="content"/>, line by line; <paramref name="name"/> names it in messages.</summary>
    public static async IAsyncEnumerable<OpenAlexWorkLine> ReadAsync(
        Stream content, string name, bool ownsStream = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var input = await Decompressed(content, cancellationToken);
        try
        {
            // Lines are cut from the UTF-8 bytes and parsed from them: reading them as strings first cost a decoding to UTF-16
            // and, in the parser, an encoding back (a third of the reading thread's time on the real OpenAlex file).
            var buffer = new byte[1 << 16];
            int start = 0, end = 0;
            long number = 0;
            var atEnd = false;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0 && !atEnd)
                {
                    // No whole line in the buffer: keep its tail, make room, read on.
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    if (end == buffer.Length)
                        Array.Resize(ref buffer, buffer.Length * 2);
                    var read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken);
                    if (read == 0)
                        atEnd = true;
                    end += read;
                    continue;
                }
                if (newline < 0 && start == end)
                    break;
                var lineEnd = newline < 0 ? end : newline;
                number++;
                var line = new ReadOnlyMemory<byte>(buffer, start, lineEnd - start);
                start = newline < 0 ? end : newline + 1;
                if (number == 1 && line.Span.StartsWith(Utf8Bom))
                    line = line[Utf8Bom.Length..];
                if (IsBlank(line.Span))
                    continue;
                yield return Parse(name, number, line.Span);
            }
        }
        finally
        {
            if (!ReferenceEquals(input, content))
                await input.DisposeAsync();
            if (ownsStream)
                await content.DisposeAsync();
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r\f\v"u8) < 0;

    /// <summary>Parses one line and checks that it carries what a work needs: an OpenAlex id, a title, and authors, topics and concepts it can name.</summary>
    public static OpenAlexWorkLine Parse(string name, long number, string line) => Parse(name, number, Encoding.UTF8.GetBytes(line));

    /// <summary>Parses one line given as UTF-8 (see <see cref="Parse(string, long, string)"/>).</summary>
    public static OpenAlexWorkLine Parse(string name, long number, ReadOnlySpan<byte> line)
    {
        OpenAlexWork? work;
        try
        {
            work = JsonSerializer.Deserialize(line, OpenAlexJson.Default.OpenAlexWork);
        }
        catch (JsonException e)
        {
            var where = e.Path is null or "$" ? "" : $" at {e.Path}";
            return new OpenAlexWorkLine(name, number, null, $"not a JSON work{where}: {FirstSentence(e.Message)}");
        }
        var problem = work is null ? "the line is JSON null, not a work" : Check(work);
        return problem is null ? new OpenAlexWorkLine(name, number, work, null) : new OpenAlexWorkLine(name, number, null, problem);
    }

    private static string? Check(OpenAlexWork work)
    {
        if (ExternalIds.OpenAlex(work.Id) is null)
            return "$.id is missing: every work needs its OpenAlex id";
        if (string.IsNullOrWhiteSpace(work.DisplayName ?? work.Title))
            return "$.display_name is missing: every work needs a title";
        if (work.PublicationDate is not null && !DateOnly.TryParseExact(work.PublicationDate, "yyyy-MM-dd", out _))
            return $"$.publication_date '{work.PublicationDate}' is not a date in the form YYYY-MM-DD";
        if (work.UpdatedDate is not null && UpdatedAt(work) is null)
            return $"$.updated_date '{work.UpdatedDate}' is not a date or a date and time";
        var authorships = work.Authorships ?? [];
        for (var i = 0; i < authorships.Count; i++)
        {
            var author = authorships[i].Author;
            if (author is null)
                return $"$.authorships[{i}].author is missing";
            if (ExternalIds.OpenAlex(author.Id) is null && string.IsNullOrWhiteSpace(author.DisplayName ?? authorships[i].RawAuthorName))
                return $"$.authorships[{i}].author has neither an id nor a display_name";
            var institutions = authorships[i].Institutions ?? [];
            for (var j = 0; j < institutions.Count; j++)
            {
                // An institution without an id or ROR cannot be told apart from others of its name: its name is kept as one of
                // the authorship's raw affiliations instead.
                if (IsIdentified(institutions[j]) && string.IsNullOrWhiteSpace(institutions[j].DisplayName))
                    return $"$.authorships[{i}].institutions[{j}].display_name is missing";
            }
        }
        var topics = work.Topics ?? [];
        for (var i = 0; i < topics.Count; i++)
        {
            if (ExternalIds.OpenAlex(topics[i].Id) is null || string.IsNullOrWhiteSpace(topics[i].DisplayName))
                return $"$.topics[{i}] needs an id and a display_name";
            if (topics[i].Score is < 0 or > 1)
                return $"$.topics[{i}].score {topics[i].Score} is outside 0..1";
        }
        if (topics.Count == 0)
        {
            var concepts = work.Concepts ?? [];
            for (var i = 0; i < concepts.Count; i++)
            {
                if (ExternalIds.OpenAlex(concepts[i].Id) is null || string.IsNullOrWhiteSpace(concepts[i].DisplayName))
                    return $"$.concepts[{i}] needs an id and a display_name";
                if (concepts[i].Score is < 0 or > 1)
                    return $"$.concepts[{i}].score {concepts[i].Score} is outside 0..1";
            }
        }
        return null;
    }

    /// <summary>Whether the work names <paramref name="institution"/> by an OpenAlex id or a ROR id, so that it can be stored as an institution.</summary>
    public static bool IsIdentified(OpenAlexInstitution institution) =>
        ExternalIds.OpenAlex(institution.Id) is not null || ExternalIds.Ror(institution.Ror) is not null;

    /// <summary>
    /// The work's <c>updated_date</c> as UTC: a date and time (<c>2025-12-21T23:12:01.093139</c>) or, in older records, a date
    /// alone (its start); null when it is missing or not a date.
    /// </summary>
    public static DateTime? UpdatedAt(OpenAlexWork work) =>
        work.UpdatedDate is { } text && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? DateTime.SpecifyKind(at, DateTimeKind.Utc)
            : null;

    private static async Task<Stream> Decompressed(Stream content, CancellationToken cancellationToken)
    {
        // gzip starts with 1f 8b. Peeking needs a seekable stream; files are, and a pipe is read as plain text.
        if (!content.CanSeek)
            return content;
        var start = content.Position;
        var magic = new byte[2];
        var read = await content.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
        content.Position = start;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(content, CompressionMode.Decompress, leaveOpen: true) : content;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}

/// <summary>
/// The importer's JSON contracts, generated at build time (System.Text.Json's source generator): OpenAlex records as they are
/// read, and the lists the set statements take as JSON parameters. Reflection would build the same contracts at the first
/// record, which cost a first import time of its own (emitted accessors compiled by the JIT).
/// </summary>
/// <remarks>
/// OpenAlex adds members over time; only the ones ScholarGraph keeps are read. Names are matched exactly, as OpenAlex writes them.
/// </remarks>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false, AllowTrailingCommas = false, MaxDepth = 32)]
[JsonSerializable(typeof(OpenAlexWork))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<string[]>))]
[JsonSerializable(typeof(List<int>))]
internal sealed partial class OpenAlexJson : JsonSerializerContext;
