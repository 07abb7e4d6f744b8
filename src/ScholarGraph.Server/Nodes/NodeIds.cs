using GraphQL;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Relay;

namespace ScholarGraph.Server.Nodes;

/// <summary>
/// Reads the global ids of the schema's node types. One decoder with one wording serves every place an id arrives (arguments,
/// filters, mutation inputs); each place only adds where the id was given.
/// </summary>
internal static class NodeIds
{
    /// <summary>Error code for an id argument that is malformed or names another type.</summary>
    public const string InvalidIdCode = "INVALID_ID";

    /// <summary>
    /// Decodes <paramref name="id"/> as the id of a <paramref name="typeName"/>: its key, or <c>null</c> with the reason in
    /// <paramref name="problem"/> (<c>'…' is not a valid id</c>, or <c>'…' is the id of a Paper, not of an Author</c>).
    /// </summary>
    public static string? KeyOf(string id, string typeName, out string problem)
    {
        if (!GlobalId.TryDecode(id, out var type, out var key))
        {
            problem = $"'{id}' is not a valid id";
            return null;
        }
        if (type != typeName)
        {
            problem = $"'{id}' is the id of {WithArticle(type)}, not of {WithArticle(typeName)}";
            return null;
        }
        problem = "";
        return key;
    }

    /// <summary>Reads the key of a <paramref name="typeName"/> from the global id in argument <paramref name="argument"/>.</summary>
    /// <exception cref="ExecutionError">An <see cref="InvalidIdCode"/> error: the id is malformed or belongs to another type.</exception>
    public static string KeyOf(IResolveFieldContext context, string typeName, string argument = "id") =>
        KeyOf(context.GetArgument<string>(argument), typeName, out var problem) ?? throw InvalidId(context, argument, problem);

    /// <summary>Splits the global id <paramref name="id"/>, given in <paramref name="argument"/>, into its type name and key.</summary>
    /// <exception cref="ExecutionError">An <see cref="InvalidIdCode"/> error: the id is malformed.</exception>
    public static (string TypeName, string Key) Decode(IResolveFieldContext context, string id, string argument)
    {
        if (!GlobalId.TryDecode(id, out var type, out var key))
            throw InvalidId(context, argument, $"'{id}' is not a valid id");
        return (type, key);
    }

    /// <summary>
    /// Decodes a global id of a <paramref name="typeName"/> into its key, for filters; throws <see cref="FormatException"/> with
    /// the reason when the id is malformed or names another type.
    /// </summary>
    public static Func<string, string> DecoderOf(string typeName) =>
        id => KeyOf(id, typeName, out var problem) ?? throw new FormatException(problem + ".");

    /// <summary>An <see cref="InvalidIdCode"/> error naming the field's path, the argument and the reason.</summary>
    public static ExecutionError InvalidId(IResolveFieldContext context, string argument, string reason) =>
        new($"{context.FieldPath()}: argument '{argument}': {reason}.") { Code = InvalidIdCode };

    private static string WithArticle(string typeName) =>
        ("AEIOU".Contains(typeName[0]) ? "an " : "a ") + typeName;
}
