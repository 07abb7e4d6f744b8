using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScholarGraph.GraphQL.Data.Execution.Direct;

/// <summary>A composite value of a directly executed result, with its place in the response (for resolvers' paths).</summary>
internal abstract class ResultValue(ResultValue? parent, int key)
{
    /// <summary>The object or list holding this value, <c>null</c> for the root.</summary>
    public ResultValue? Parent { get; } = parent;

    /// <summary>The value's field slot in its parent object, or its index in its parent list.</summary>
    public int Key { get; } = key;
}

/// <summary>
/// An object of a directly executed result: its plan, the resolved source its fields read, and the completed value of each
/// field (a serialized scalar, <c>null</c>, another <see cref="ObjectResult"/> or a <see cref="ListResult"/>). The root one is
/// an <see cref="global::GraphQL.ExecutionResult.Data"/>: it is written as JSON by its own converter, whatever serializer
/// writes the result.
/// </summary>
[JsonConverter(typeof(ObjectResultJsonConverter))]
internal sealed class ObjectResult(SelectionPlan plan, object? source, ResultValue? parent, int key) : ResultValue(parent, key)
{
    public SelectionPlan Plan { get; } = plan;

    public object? Source { get; } = source;

    public object?[] Values { get; } = new object?[plan.Fields.Length];
}

/// <summary>A list of a directly executed result, its items completed as the field's values are.</summary>
internal sealed class ListResult(ResultValue? parent, int key, int count) : ResultValue(parent, key)
{
    public object?[] Items { get; set; } = count == 0 ? [] : new object?[count];
}

/// <summary>
/// Writes an <see cref="ObjectResult"/> as GraphQL.NET's serializer writes execution nodes: response keys through the naming
/// policy, scalars through the serializer's converters, with the response keys encoded once per field.
/// </summary>
internal sealed class ObjectResultJsonConverter : JsonConverter<ObjectResult>
{
    public override ObjectResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A GraphQL result is written, not read.");

    public override void Write(Utf8JsonWriter writer, ObjectResult value, JsonSerializerOptions options) => WriteObject(writer, value, options);

    private static void WriteObject(Utf8JsonWriter writer, ObjectResult value, JsonSerializerOptions options)
    {
        var fields = value.Plan.Fields;
        var encoder = writer.Options.Encoder;
        writer.WriteStartObject();
        for (var i = 0; i < fields.Length; i++)
        {
            writer.WritePropertyName(fields[i].EncodedName(options, encoder));
            WriteValue(writer, value.Values[i], options);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case ObjectResult child:
                WriteObject(writer, child, options);
                break;
            case ListResult list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                    WriteValue(writer, item, options);
                writer.WriteEndArray();
                break;
            default:
                // Numbers, dates and custom scalars' values go through the options' converters, as GraphQL.NET writes them.
                JsonSerializer.Serialize(writer, value, value.GetType(), options);
                break;
        }
    }
}
