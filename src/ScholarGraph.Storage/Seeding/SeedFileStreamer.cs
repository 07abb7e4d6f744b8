using System.Text.Json;

namespace ScholarGraph.Storage.Seeding;

/// <summary>What a <see cref="SeedFileStreamer"/> hands over, item by item, in file order.</summary>
internal interface ISeedItemVisitor
{
    void Visit(SeedSource source);

    void Visit(SeedItemPath at, SeedInstitution item);

    void Visit(SeedItemPath at, SeedTopic item);

    void Visit(SeedItemPath at, SeedVenue item);

    void Visit(SeedItemPath at, SeedAuthor item);

    void Visit(SeedItemPath at, SeedPaper item);

    /// <summary>An item that could not be read (its problem is reported already), with its id where that could be read.</summary>
    void VisitMalformed(SeedItemPath at, string? id);
}

/// <summary>
/// Reads one seed file without holding it: a <see cref="Utf8JsonReader"/> walks the top-level object over a refilled buffer, and
/// each item of the five arrays is deserialized on its own (with <see cref="SeedReader.SerializerOptions"/>, so the format's rules
/// are the same everywhere) and handed to a visitor, then dropped. The buffer only ever holds one item plus one read block, so
/// memory does not grow with the file. An item that cannot be read is reported (<see cref="SeedFormatProblems"/>, with its line
/// in the file) and passed over, so one run reports every malformed item; only broken JSON syntax ends the file.
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
    private bool _sourceRead;
    private string _reading = "$";
    // The 1-based line of the file at _start, advanced as bytes are consumed, so problems name lines of the file, not of the item.
    private int _lineAtStart = 1;
    private readonly string _file;
    private readonly List<SeedProblem> _problems;

    private SeedFileStreamer(string file, Stream stream, ISeedItemVisitor visitor, List<SeedProblem> problems, CancellationToken cancellationToken)
    {
        _file = file;
        _stream = stream;
        _visitor = visitor;
        _problems = problems;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Streams the seed file <paramref name="file"/> from <paramref name="stream"/> into <paramref name="visitor"/>. Each malformed
    /// item adds a problem (file, JSON path, reason, line) to <paramref name="problems"/> and reading goes on; broken JSON syntax or
    /// a malformed document adds one and ends the file. The result is whether the file's source could be read (its items can then
    /// be checked).
    /// </summary>
    public static bool Read(string file, Stream stream, ISeedItemVisitor visitor, List<SeedProblem> problems, CancellationToken cancellationToken)
    {
        var streamer = new SeedFileStreamer(file, stream, visitor, problems, cancellationToken);
        try
        {
            streamer.Run();
            if (!streamer._sawSource)
                problems.Add(new SeedProblem(file, "$", "the file has no 'source': every seed file says where its facts come from"));
            return streamer._sourceRead;
        }
        catch (JsonException e)
        {
            problems.Add(SeedFormatProblems.Describe(file, streamer._reading, e, streamer._lineAtStart));
            return false;
        }
    }

    private void Run()
    {
        Fill();
        if (_buffer.AsSpan(_start, _end - _start).StartsWith(Utf8Bom))
            Advance(Utf8Bom.Length);
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
            Advance((int)reader.BytesConsumed);
            _state = reader.CurrentState;
            if (_position == Position.Done)
                return;
            if (_final)
                throw Malformed("The file ends before the seed document does.");
            Fill();
        }
    }

    private void Advance(int bytes)
    {
        _lineAtStart += _buffer.AsSpan(_start, bytes).Count((byte)'\n');
        _start += bytes;
    }

    // The 1-based line of the file at byte offset index of the current buffer's unconsumed part.
    private int LineAt(long index) => _lineAtStart + _buffer.AsSpan(_start, (int)index).Count((byte)'\n');

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
                return TryRead<string>(ref reader, _reading, out _, out _);
            case "source":
                if (!TryRead<SeedSource>(ref reader, _reading, out var source, out var sourceBroken))
                    return false;
                _sawSource = true;
                if (sourceBroken)
                    return true;
                _visitor.Visit(source ?? throw Malformed("The source is null."));
                _sourceRead = true;
                return true;
            case "institutions" or "topics" or "venues" or "authors" or "papers":
                if (!reader.Read())
                    return false;
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw Malformed($"'{member}' must be an array, not {reader.TokenType}.");
                _section = member switch
                {
                    "institutions" => SeedSection.Institutions,
                    "topics" => SeedSection.Topics,
                    "venues" => SeedSection.Venues,
                    "authors" => SeedSection.Authors,
                    _ => SeedSection.Papers,
                };
                _index = 0;
                _position = Position.InArray;
                return true;
            default:
                throw Malformed(
                    $"The JSON property '{member}' could not be mapped to any member of a seed document (which holds $schema, source, institutions, topics, venues, authors and papers).");
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
        var complete = _section switch
        {
            SeedSection.Institutions => ReadItem<SeedInstitution>(ref reader, at, _visitor.Visit),
            SeedSection.Topics => ReadItem<SeedTopic>(ref reader, at, _visitor.Visit),
            SeedSection.Venues => ReadItem<SeedVenue>(ref reader, at, _visitor.Visit),
            SeedSection.Authors => ReadItem<SeedAuthor>(ref reader, at, _visitor.Visit),
            _ => ReadItem<SeedPaper>(ref reader, at, _visitor.Visit),
        };
        if (!complete)
            return false;
        _index++;
        _cancellationToken.ThrowIfCancellationRequested();
        return true;
    }

    private static JsonException NullItem() => Malformed("The item is null.");

    // The path is relative to the value being read (see SeedReader.ProblemOf), which is the value itself.
    private static JsonException Malformed(string message) => new(message, "$", null, null);

    // Reads one item and hands it over, or reports it as malformed (with its id where readable) and goes on.
    private bool ReadItem<T>(ref Utf8JsonReader reader, SeedItemPath at, Action<SeedItemPath, T> visit)
        where T : class
    {
        if (!TryRead<T>(ref reader, at.ToString(), out var item, out var broken))
            return false;
        if (broken)
            _visitor.VisitMalformed(at, _brokenId);
        else
            visit(at, item ?? throw NullItem());
        return true;
    }

    private string? _brokenId;

    // Deserializes the next value if the buffer holds all of it; otherwise returns false and leaves the reader to be rewound.
    // A value that is well-formed JSON but not what the format allows is reported (broken) and skipped.
    private bool TryRead<T>(ref Utf8JsonReader reader, string at, out T? value, out bool broken)
    {
        value = default;
        broken = false;
        var probe = reader;
        if (!probe.Read() || !probe.TrySkip())
            return false;
        var item = reader;
        item.Read();
        var begin = item.TokenStartIndex;
        try
        {
            value = JsonSerializer.Deserialize<T>(ref item, SeedReader.SerializerOptions);
        }
        catch (JsonException e)
        {
            var bytes = _buffer.AsSpan(_start + (int)begin, (int)(probe.BytesConsumed - begin));
            _problems.Add(SeedFormatProblems.Describe(_file, at, e, LineAt(begin), bytes));
            _brokenId = SeedFormatProblems.IdOf(bytes);
            broken = true;
        }
        reader = probe;
        return true;
    }
}
