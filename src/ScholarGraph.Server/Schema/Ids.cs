using GraphQL;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Relay;

namespace ScholarGraph.Server.Schema;

/// <summary>Global ids of the schema's node types.</summary>
internal static class Ids
{
    /// <summary>Error code for an id that is malformed or names another type.</summary>
    public const string InvalidIdCode = "INVALID_ID";

    /// <summary>Reads the key of a <paramref name="typeName"/> from the global id in argument <paramref name="argument"/>.</summary>
    /// <exception cref="ExecutionError">The id is malformed or belongs to another type.</exception>
    public static string KeyOf(IResolveFieldContext context, string typeName, string argument = "id")
    {
        var (type, key) = Decode(context, context.GetArgument<string>(argument), argument);
        if (type != typeName)
            throw InvalidId(context, $"argument '{argument}' is the id of a {type}, not of a {typeName}.");
        return key;
    }

    /// <summary>Splits the global id <paramref name="id"/>, given in <paramref name="argument"/>, into its type name and key.</summary>
    /// <exception cref="ExecutionError">The id is malformed.</exception>
    public static (string TypeName, string Key) Decode(IResolveFieldContext context, string id, string argument)
    {
        if (!GlobalId.TryDecode(id, out var type, out var key))
            throw InvalidId(context, $"argument '{argument}' is not a valid id: '{id}'.");
        return (type, key);
    }

    /// <summary>
    /// Decodes a global id of a <paramref name="typeName"/> into its key, for filters; throws <see cref="FormatException"/> with
    /// the reason when the id is malformed or names another type.
    /// </summary>
    public static Func<string, string> DecoderOf(string typeName) => id =>
    {
        if (!GlobalId.TryDecode(id, out var type, out var key))
            throw new FormatException($"'{id}' is not a valid id.");
        if (type != typeName)
            throw new FormatException($"'{id}' is the id of a {type}, not of a {typeName}.");
        return key;
    };

    /// <summary>An <see cref="InvalidIdCode"/> error at the field's path.</summary>
    public static ExecutionError InvalidId(IResolveFieldContext context, string reason) =>
        new($"{context.FieldPath()}: {reason}") { Code = InvalidIdCode };
}
