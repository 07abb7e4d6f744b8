using GraphQL;
using ScholarGraph.GraphQL.Data;
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
        var id = context.GetArgument<string>(argument);
        if (!GlobalId.TryDecode(id, out var type, out var key))
            throw new ExecutionError($"{context.FieldPath()}: argument '{argument}' is not a valid id: '{id}'.") { Code = InvalidIdCode };
        if (type != typeName)
            throw new ExecutionError($"{context.FieldPath()}: argument '{argument}' is the id of a {type}, not of a {typeName}.") { Code = InvalidIdCode };
        return key;
    }
}
