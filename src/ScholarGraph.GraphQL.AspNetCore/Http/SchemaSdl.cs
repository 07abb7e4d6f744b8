using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ScholarGraph.GraphQL.AspNetCore.Http;

/// <summary>
/// The one place that turns a schema into SDL, used by <c>GET {path}?sdl</c>; an app that exports its schema (to a file,
/// or to compare with an approved contract) prints it with this too, so the served and the exported schema are alike.
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
