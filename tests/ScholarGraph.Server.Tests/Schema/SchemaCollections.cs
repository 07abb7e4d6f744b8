using GraphQL;
using GraphQL.Types;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>Reads the collection fields of the live schema, for the tests that run every one of them.</summary>
internal static class SchemaCollections
{
    /// <summary>The field that holds the elements (<c>nodes</c>, <c>items</c>, or none for a plain list) and their type.</summary>
    public static (string? Field, IGraphType Element)? ElementsOf(FieldType field)
    {
        if (field.ResolvedType?.GetNamedType() is not IComplexGraphType type)
            return null;
        if (UnwrapNonNull(field.ResolvedType) is ListGraphType)
            return type is IObjectGraphType ? (null, type) : null;
        foreach (var name in new[] { "nodes", "items" })
            if (type.GetField(name) is { } elements)
                return (name, elements.ResolvedType!.GetNamedType());
        return null;
    }

    private static IGraphType UnwrapNonNull(IGraphType type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type;

    /// <summary>The field's paging arguments for a page of <paramref name="size"/> (<c>first</c> or <c>take</c>), or none when it has neither.</summary>
    public static string Paging(FieldType field, int size = 3) =>
        field.Arguments?.Find("first") is not null ? $"(first: {size})" : field.Arguments?.Find("take") is not null ? $"(take: {size})" : "";

    /// <summary>A root field that needs an argument to answer (a graph question about one author), not a collection.</summary>
    public static bool NeedsArguments(FieldType field) =>
        field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType && a.DefaultValue is null) == true;
}
