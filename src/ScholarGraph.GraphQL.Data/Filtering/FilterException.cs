using GraphQL;

namespace ScholarGraph.GraphQL.Data.Filtering;

/// <summary>
/// A <c>where</c> or <c>order</c> value passed GraphQL validation but cannot be applied (a malformed id, an empty <c>and</c>, a
/// null where a value is needed, ...). The message names the argument path, such as <c>papers(where).authors.some.author.id.eq</c>,
/// and what is allowed; <see cref="ExecutionError.Code"/> is one of the stable codes below. Built by <see cref="FilterErrors"/>.
/// </summary>
public sealed class FilterException : ExecutionError
{
    /// <summary>Error code for a filter value that cannot be applied.</summary>
    public const string InvalidFilterValue = "FILTER_INVALID_VALUE";

    /// <summary>Error code for a sort value that cannot be applied.</summary>
    public const string InvalidSortValue = "SORT_INVALID_VALUE";

    /// <summary>Creates the error with its message and stable code.</summary>
    public FilterException(string message, string code) : base(message) => Code = code;
}

/// <summary>Builds every filtering and sorting error in one place, so messages and codes stay consistent.</summary>
internal static class FilterErrors
{
    public static FilterException NullNotAllowed(string path) =>
        Filter(path, "must not be null; only 'eq' and 'neq' accept null (omit a field to leave it unconstrained).");

    public static FilterException EmptyList(string path) =>
        Filter(path, "must hold at least one filter; an empty list has no meaning.");

    public static FilterException InvalidId(string path, string reason) => Filter(path, reason);

    public static FilterException UnknownField(string path) => Filter(path, "is not a field of this filter.");

    public static FilterException OneFieldPerSortElement(string path, IEnumerable<string> fields) =>
        new($"{path}: each element of 'order' must set exactly one field (GraphQL does not keep the order of fields inside one object; "
            + $"put each key in its own element, as in [{{ a: ASC }}, {{ b: DESC }}]), not {{ {string.Join(", ", fields)} }}.",
            FilterException.InvalidSortValue);

    public static FilterException SortNull(string path) =>
        new($"{path}: must be ASC or DESC (or a nested sort object), not null.", FilterException.InvalidSortValue);

    private static FilterException Filter(string path, string reason) => new($"{path}: {reason}", FilterException.InvalidFilterValue);
}
