using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScholarGraph.Storage.Import.OpenAlex;

/// <summary>
/// Reads an abstract's inverted index in every form OpenAlex has published: the plain index (<c>{"word": [0, 4], ...}</c>), the
/// older wrapped one (<c>{"IndexLength": 164, "InvertedIndex": {"word": [0, 4], ...}}</c>), and either of them serialized
/// once more as a JSON string. Anything else is a <see cref="JsonException"/> that names the member.
/// </summary>
internal sealed class InvertedIndexConverter : JsonConverter<IReadOnlyDictionary<string, int[]>>
{
    // The wrapper's members. A plain index may hold these as words too, but then their values are position arrays, which
    // is how the two are told apart.
    private const string LengthMember = "IndexLength";
    private const string IndexMember = "InvertedIndex";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, int[]>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (string.IsNullOrWhiteSpace(text))
                    return null;
                var inner = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = 8 });
                inner.Read();
                if (inner.TokenType == JsonTokenType.String)
                    throw new JsonException("the abstract's index is a string inside a string, not an inverted index");
                return Read(ref inner, typeToConvert, options);
            case JsonTokenType.StartObject:
                var index = new Dictionary<string, int[]>(StringComparer.Ordinal);
                ReadInto(ref reader, index);
                return index;
            default:
                throw new JsonException($"the abstract's index is a {reader.TokenType}, not an object of words or a JSON string of one");
        }
    }

    private static void ReadInto(ref Utf8JsonReader reader, Dictionary<string, int[]> index)
    {
        var positions = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var word = reader.GetString()!;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    positions.Clear();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var position))
                            throw new JsonException($"the position of '{word}' in the abstract's index is not a whole number");
                        positions.Add(position);
                    }
                    index[word] = [.. positions];
                    break;
                case JsonTokenType.Number when word == LengthMember:
                    break;
                case JsonTokenType.StartObject when word == IndexMember:
                    ReadInto(ref reader, index);
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    throw new JsonException($"'{word}' in the abstract's index has a {reader.TokenType}, not a list of positions");
            }
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, int[]> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (word, positions) in value)
        {
            writer.WriteStartArray(word);
            foreach (var position in positions)
                writer.WriteNumberValue(position);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
