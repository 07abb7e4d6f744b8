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
        var first = context.GetArgument<int?>(PagingArguments.First);
        var last = context.GetArgument<int?>(PagingArguments.Last);
        var after = context.GetArgument<string?>(PagingArguments.After);
        var before = context.GetArgument<string?>(PagingArguments.Before);
        var path = context.FieldPath();

        if (first is not null && last is not null)
            throw DataErrors.PagingFirstAndLast(path);
        if ((first is not null || after is not null) && before is not null)
            throw DataErrors.PagingBeforeForwards(path);
        if (last is not null && after is not null)
            throw DataErrors.PagingLastAfter(path);
        foreach (var (name, value) in new[] { (PagingArguments.First, first), (PagingArguments.Last, last) })
        {
            if (value is { } size && (size < 0 || size > options.MaxPageSize))
                throw DataErrors.PagingPageSizeOutOfRange(path, name, options.MaxPageSize, size);
        }

        return last is not null || before is not null
            ? new PageRequest(last ?? options.DefaultPageSize, false, before)
            : new PageRequest(first ?? options.DefaultPageSize, true, after);
    }
}
