using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ScholarGraph.Server.Transport;

/// <summary>
/// The one place that turns a schema into SDL, used by <c>GET /graphql?sdl</c> and by the schema-file test, so the
/// served schema and the approved contract are printed alike.
/// </summary>
public static class SchemaSdl
{
    // A schema does not change once initialized, so each instance is printed once.
    private static readonly ConditionalWeakTable<ISchema, string> Printed = new();

    /// <summary>
    /// Prints <paramref name="schema"/> with GraphQL.NET's printer and its default <see cref="PrintOptions"/>:
    /// descriptions and deprecation reasons included, types in the order the schema declares them.
    /// </summary>
    /// <param name="schema">The schema to print; initialized if it is not yet.</param>
    /// <returns>The SDL text.</returns>
    public static string Print(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Printed.GetValue(schema, static s => s.Print(new PrintOptions()));
    }
}
