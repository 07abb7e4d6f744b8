using GraphQL;

namespace ScholarGraph.GraphQL.Data.Errors;

/// <summary>Where an error happened, as error messages name it.</summary>
public static class FieldPathExtensions
{
    /// <summary>The field's response path, such as <c>authors.nodes.0.papers</c>, for error messages.</summary>
    public static string FieldPath(this IResolveFieldContext context) => string.Join('.', context.ResponsePath);
}
