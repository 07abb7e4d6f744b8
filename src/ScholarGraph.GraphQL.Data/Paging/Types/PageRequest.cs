using GraphQL;
using ScholarGraph.GraphQL.Data.Errors;

namespace ScholarGraph.GraphQL.Data.Paging.Types;

/// <summary>The Relay paging arguments of one connection field, checked.</summary>
/// <param name="Size">How many items the page holds.</param>
/// <param name="Forward"><c>true</c> for <c>first</c>/<c>after</c> (or no arguments), <c>false</c> for <c>last</c>/<c>before</c>.</param>
/// <param name="Cursor">The <c>after</c> cursor when <paramref name="Forward"/>, the <c>before</c> cursor otherwise; <c>null</c> for the start.</param>
public sealed record PageRequest(int Size, bool Forward, string? Cursor)
{
    /// <summary>
    /// Reads <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> from <paramref name="context"/>. Without <c>first</c> and
    /// <c>last</c> the page holds <see cref="PagingOptions.DefaultPageSize"/> items from the start.
    /// </summary>
    /// <exception cref="PagingException">A size is negative or over the maximum, or the arguments mix both directions.</exception>
    public static PageRequest From(IResolveFieldContext context, PagingOptions options)
    {
        var first = SizeArgument(context, PagingArguments.First);
        var last = SizeArgument(context, PagingArguments.Last);
        var after = CursorArgument(context, PagingArguments.After);
        var before = CursorArgument(context, PagingArguments.Before);

        // The field's path is written only for an error: most requests page without one.
        if (first is not null && last is not null)
            throw DataErrors.PagingFirstAndLast(context.FieldPath());
        if ((first is not null || after is not null) && before is not null)
            throw DataErrors.PagingBeforeForwards(context.FieldPath());
        if (last is not null && after is not null)
            throw DataErrors.PagingLastAfter(context.FieldPath());
        if (first is { } firstSize && (firstSize < 0 || firstSize > options.MaxPageSize))
            throw DataErrors.PagingPageSizeOutOfRange(context.FieldPath(), PagingArguments.First, options.MaxPageSize, firstSize);
        if (last is { } lastSize && (lastSize < 0 || lastSize > options.MaxPageSize))
            throw DataErrors.PagingPageSizeOutOfRange(context.FieldPath(), PagingArguments.Last, options.MaxPageSize, lastSize);

        return last is not null || before is not null
            ? new PageRequest(last ?? options.DefaultPageSize, false, before)
            : new PageRequest(first ?? options.DefaultPageSize, true, after);
    }

    // The arguments as GraphQL.NET coerced them (Int to int, String to string), read from the dictionary: GetArgument's
    // conversion checks cost more than the rest of the paging; anything else takes GetArgument's conversion.
    private static int? SizeArgument(IResolveFieldContext context, string name) => ValueOf(context, name) switch
    {
        null => null,
        int size => size,
        _ => context.GetArgument<int?>(name),
    };

    private static string? CursorArgument(IResolveFieldContext context, string name) => ValueOf(context, name) switch
    {
        null => null,
        string cursor => cursor,
        _ => context.GetArgument<string?>(name),
    };

    private static object? ValueOf(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var argument) ? argument.Value : null;
}
