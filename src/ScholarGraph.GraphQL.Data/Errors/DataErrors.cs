namespace ScholarGraph.GraphQL.Data.Errors;

/// <summary>
/// The stable <c>extensions.code</c> of every error the data layer reports to clients. The values are a contract: clients
/// branch on them, so they never change.
/// </summary>
public static class DataErrorCodes
{
    /// <summary><c>FILTER_INVALID_VALUE</c>: a <c>where</c> value passed validation but cannot be applied (a null where a value is needed, an empty <c>and</c>/<c>or</c>, a malformed or foreign id).</summary>
    public const string FilterInvalidValue = "FILTER_INVALID_VALUE";

    /// <summary><c>SORT_INVALID_VALUE</c>: an <c>order</c> value passed validation but cannot be applied (an element with no field or several, a null direction).</summary>
    public const string SortInvalidValue = "SORT_INVALID_VALUE";

    /// <summary><c>PAGING_INVALID_CURSOR</c>: an <c>after</c> or <c>before</c> cursor is malformed, damaged, or belongs to another connection or order.</summary>
    public const string PagingInvalidCursor = "PAGING_INVALID_CURSOR";

    /// <summary><c>PAGING_INVALID_PAGE_SIZE</c>: <c>first</c>, <c>last</c> or <c>take</c> is below zero or over the maximum page size.</summary>
    public const string PagingInvalidPageSize = "PAGING_INVALID_PAGE_SIZE";

    /// <summary><c>PAGING_INVALID_ARGUMENTS</c>: paging arguments that cannot be used together (<c>first</c> with <c>last</c>, <c>before</c> with <c>after</c>...), or a negative <c>skip</c>.</summary>
    public const string PagingInvalidArguments = "PAGING_INVALID_ARGUMENTS";
}

/// <summary>
/// Builds every error of the data layer in one place, so that codes and messages stay consistent: first the errors clients get
/// (each an <see cref="DataException"/> with one of the <see cref="DataErrorCodes"/>, its message naming the argument path and
/// what is allowed), then the exceptions that report a schema or resolver built wrongly (bugs, never shown to clients as such).
/// </summary>
internal static class DataErrors
{
    // Filtering: FILTER_INVALID_VALUE.

    public static FilterException FilterNullNotAllowed(string path) =>
        Filter(path, "must not be null; only 'eq' and 'neq' accept null (omit a field to leave it unconstrained).");

    public static FilterException FilterEmptyList(string path) =>
        Filter(path, "must hold at least one filter; an empty list has no meaning.");

    /// <summary>An id the filtered field's decoder refused; <paramref name="reason"/> is the decoder's message.</summary>
    public static FilterException FilterInvalidId(string path, string reason) => Filter(path, reason);

    public static FilterException FilterUnknownField(string path) => Filter(path, "is not a field of this filter.");

    private static FilterException Filter(string path, string reason) => new($"{path}: {reason}", DataErrorCodes.FilterInvalidValue);

    // Sorting: SORT_INVALID_VALUE.

    public static SortException SortOneFieldPerElement(string path, IEnumerable<string> fields) =>
        Sort(path, "each element of 'order' must set exactly one field (GraphQL does not keep the order of fields inside one object; "
            + $"put each key in its own element, as in [{{ a: ASC }}, {{ b: DESC }}]), not {{ {string.Join(", ", fields)} }}.");

    public static SortException SortNull(string path) => Sort(path, "must be ASC or DESC (or a nested sort object), not null.");

    public static SortException SortUnknownField(string path) => Sort(path, "is not a field of this sort input.");

    private static SortException Sort(string path, string reason) => new($"{path}: {reason}", DataErrorCodes.SortInvalidValue);

    // Cursor and offset paging: PAGING_INVALID_ARGUMENTS, PAGING_INVALID_PAGE_SIZE, PAGING_INVALID_CURSOR.

    public static PagingException PagingFirstAndLast(string path) =>
        Paging(path, "pass either 'first' or 'last', not both.", DataErrorCodes.PagingInvalidArguments);

    public static PagingException PagingBeforeForwards(string path) =>
        Paging(path, "'before' pages backwards and cannot be combined with 'first' or 'after'; use 'last' with 'before'.",
            DataErrorCodes.PagingInvalidArguments);

    public static PagingException PagingLastAfter(string path) =>
        Paging(path, "'last' pages backwards and cannot be combined with 'after'; use 'first' with 'after'.", DataErrorCodes.PagingInvalidArguments);

    public static PagingException PagingNegativeSkip(string path, int skip) =>
        Paging(path, $"'skip' must be 0 or more, not {skip}.", DataErrorCodes.PagingInvalidArguments);

    /// <summary><paramref name="argument"/> (<c>first</c>, <c>last</c> or <c>take</c>) is outside 0 to <paramref name="max"/>.</summary>
    public static PagingException PagingPageSizeOutOfRange(string path, string argument, int max, int value) =>
        Paging(path, $"'{argument}' must be between 0 and {max}, not {value}.", DataErrorCodes.PagingInvalidPageSize);

    public static PagingException PagingNotACursor(string argumentPath, string cursor) => Cursor(argumentPath, cursor, "is not a cursor");

    public static PagingException PagingForeignCursor(string argumentPath, string cursor) =>
        Cursor(argumentPath, cursor, "belongs to another connection or order");

    public static PagingException PagingDamagedCursor(string argumentPath, string cursor) => Cursor(argumentPath, cursor, "is damaged");

    private static PagingException Cursor(string argumentPath, string cursor, string why) =>
        Paging(argumentPath, $"the cursor '{cursor}' {why}; use a cursor this field returned.", DataErrorCodes.PagingInvalidCursor);

    private static PagingException Paging(string path, string reason, string code) => new($"{path}: {reason}", code);

    // Mutations: a payload's ValidationError (no code; the payload's error type tells it).

    /// <summary>The message of a <c>ValidationError</c>: the dotted input path, a colon and <paramref name="reason"/>.</summary>
    public static string MutationInvalidField(IEnumerable<string> path, string reason) => $"{string.Join('.', path)}: {reason}";

    // A schema or resolver built wrongly: developer errors, not client input.

    public static InvalidOperationException RequestServicesMissing() => new("ExecutionOptions.RequestServices must be set.");

    public static ArgumentException NotAFilterInputType(Type filter, string parameter) => new($"{filter.Name} is not a filter input type.", parameter);

    public static ArgumentException NotASortInputType(Type sort, string parameter) => new($"{sort.Name} is not a sort input type.", parameter);

    public static ArgumentException NoOperationFilterInput(Type member, string parameter) =>
        new($"No operation filter input for members of type {member.Name}.", parameter);

    public static ArgumentException KeyNotOverRow(Type row, string parameter) => new($"A key must be a lambda over {row.Name}.", parameter);

    public static InvalidOperationException NullCursorValueOfNonNullKey() => new("A key that cannot be null has a null cursor value.");

    public static ArgumentException NotAMemberOfTheParameter(object member, string parameter) =>
        new($"'{member}' must read one member of its parameter, such as 'p => p.Title'.", parameter);

    public static InvalidOperationException ConnectionWithoutGroupCounts(string field) =>
        new($"{field}: this connection was built without group counts.");
}
