using System.Text.Json;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Storage.Bulk;

/// <summary>What a <see cref="SeedFileStreamer"/> hands over, item by item, in file order.</summary>
internal interface ISeedItemVisitor
{
    void Visit(SeedSource source);

    void Visit(SeedItemPath at, SeedInstitution item);

    void Visit(SeedItemPath at, SeedTopic item);

    void Visit(SeedItemPath at, SeedAuthor item);

    void Visit(SeedItemPath at, SeedPaper item);
}

/// <summary>
/// Reads one seed file without holding it: a <see cref="Utf8JsonReader"/> walks the top-level object over a refilled buffer, and
/// each item of the four arrays is deserialized on its own (with <see cref="SeedReader.SerializerOptions"/>, so the format's rules
/// are the same as in memory) and handed to a visitor, then dropped. The buffer only ever holds one item plus one read block, so
/// memory does not grow with the file.
/// </summary>
internal sealed class SeedFileStreamer
{
    private const int BlockSize = 1 << 16;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private enum Position { BeforeDocument, InDocument, InArray, Done }

    private readonly Stream _stream;
    private readonly ISeedItemVisitor _visitor;
    private readonly CancellationToken _cancellationToken;
    private byte[] _buffer = new byte[BlockSize * 2];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
    private Position _position;
    private SeedSection _section;
    private int _index;
    private bool _sawSource;
    private string _reading = "$";

    private SeedFileStreamer(Stream stream, ISeedItemVisitor visitor, CancellationToken cancellationToken)
    {
        _stream = stream;
        _visitor = visitor;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Streams <paramref name="path"/> into <paramref name="visitor"/>. A malformed file adds one problem (file, JSON path, reason,
    /// line) to <paramref name="problems"/> and stops there, as <see cref="SeedReader"/> does; the result is then <c>false</c>.
    /// </summary>
    public static bool Read(string path, ISeedItemVisitor visitor, List<SeedProblem> problems, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var streamer = new SeedFileStreamer(stream, visitor, cancellationToken);
        try
        {
            streamer.Run();
            if (!streamer._sawSource)
                problems.Add(new SeedProblem(file, "$", "the file has no 'source': every seed file says where its facts come from"));
            return streamer._sawSource;
        }
        catch (JsonException e)
        {
            problems.Add(SeedReader.ProblemOf(file, streamer._reading, e));
            return false;
        }
    }

    private void Run()
    {
        Fill();
        if (_buffer.AsSpan(_start, _end - _start).StartsWith(Utf8Bom))
            _start += Utf8Bom.Length;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            while (_position != Position.Done)
            {
                // A step either completes or is undone, so that it can run again once the buffer holds more.
                var checkpoint = reader;
                if (!Step(ref reader))
                {
                    reader = checkpoint;
                    break;
                }
            }
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (_position == Position.Done)
                return;
            if (_final)
                throw Malformed("The file ends before the seed document does.");
            Fill();
        }
    }

    // Moves what is left to the front, grows the buffer when one value fills it, and reads the next block.
    private void Fill()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_buffer.Length - _end < BlockSize)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _final = true;
        _end += read;
    }

    private bool Step(ref Utf8JsonReader reader)
    {
        switch (_position)
        {
            case Position.BeforeDocument:
                if (!reader.Read())
                    return false;
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw Malformed($"The file holds {reader.TokenType} instead of a seed document.");
                _position = Position.InDocument;
                return true;
            case Position.InDocument:
                return StepInDocument(ref reader);
            case Position.InArray:
                return StepInArray(ref reader);
            default:
                return false;
        }
    }

    private bool StepInDocument(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            _position = Position.Done;
            return true;
        }
        var member = reader.GetString()!;
        _reading = "$." + member;
        switch (member)
        {
            case "$schema":
                return TryRead<string>(ref reader, out _);
            case "source":
                if (!TryRead<SeedSource>(ref reader, out var source))
                    return false;
                _visitor.Visit(source ?? throw Malformed("The source is null."));
                _sawSource = true;
                return true;
            case "institutions" or "topics" or "authors" or "papers":
                if (!reader.Read())
                    return false;
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw Malformed($"'{member}' must be an array, not {reader.TokenType}.");
                _section = member switch
                {
                    "institutions" => SeedSection.Institutions,
                    "topics" => SeedSection.Topics,
                    "authors" => SeedSection.Authors,
                    _ => SeedSection.Papers,
                };
                _index = 0;
                _position = Position.InArray;
                return true;
            default:
                throw Malformed(
                    $"The JSON property '{member}' could not be mapped to any member of a seed document (which holds $schema, source, institutions, topics, authors and papers).");
        }
    }

    private bool StepInArray(ref Utf8JsonReader reader)
    {
        var next = reader;
        if (!next.Read())
            return false;
        if (next.TokenType == JsonTokenType.EndArray)
        {
            reader = next;
            _position = Position.InDocument;
            return true;
        }
        var at = new SeedItemPath(_section, _index);
        _reading = at.ToString();
        switch (_section)
        {
            case SeedSection.Institutions:
                if (!TryRead<SeedInstitution>(ref reader, out var institution))
                    return false;
                _visitor.Visit(at, institution ?? throw NullItem());
                break;
            case SeedSection.Topics:
                if (!TryRead<SeedTopic>(ref reader, out var topic))
                    return false;
                _visitor.Visit(at, topic ?? throw NullItem());
                break;
            case SeedSection.Authors:
                if (!TryRead<SeedAuthor>(ref reader, out var author))
                    return false;
                _visitor.Visit(at, author ?? throw NullItem());
                break;
            default:
                if (!TryRead<SeedPaper>(ref reader, out var paper))
                    return false;
                _visitor.Visit(at, paper ?? throw NullItem());
                break;
        }
        _index++;
        _cancellationToken.ThrowIfCancellationRequested();
        return true;
    }

    private static JsonException NullItem() => Malformed("The item is null.");

    // The path is relative to the value being read (see SeedReader.ProblemOf), which is the value itself.
    private static JsonException Malformed(string message) => new(message, "$", null, null);

    // Deserializes the next value if the buffer holds all of it; otherwise returns false and leaves the reader to be rewound.
    private static bool TryRead<T>(ref Utf8JsonReader reader, out T? value)
    {
        value = default;
        var probe = reader;
        if (!probe.Read() || !probe.TrySkip())
            return false;
        reader.Read();
        value = JsonSerializer.Deserialize<T>(ref reader, SeedReader.SerializerOptions);
        return true;
    }
}
