using GraphQL.Builders;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging.Types;

namespace ScholarGraph.GraphQL.Data.Paging.Extensions;

/// <summary>Adds the paging arguments to a field, with Hot Chocolate's names and descriptions.</summary>
public static class PagingFieldBuilderExtensions
{
    /// <summary>
    /// Adds the cursor paging arguments <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> to <paramref name="field"/>, and
    /// records its <see cref="PagedFieldSize"/> (sliced by <c>first</c> and <c>last</c>, the page in <c>edges</c> and <c>nodes</c>).
    /// </summary>
    public static FieldBuilder<TSource, TReturn> WithPagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, PagingOptions options)
    {
        field.Argument<IntGraphType>(PagingArguments.First, a => a.Description =
            $"Returns the first _n_ elements from the list (at most {options.MaxPageSize}; {options.DefaultPageSize} when neither first nor last is given).");
        field.Argument<StringGraphType>(PagingArguments.After, a => a.Description =
            "Returns the elements in the list that come after the specified cursor.");
        field.Argument<IntGraphType>(PagingArguments.Last, a => a.Description =
            $"Returns the last _n_ elements from the list (at most {options.MaxPageSize}).");
        field.Argument<StringGraphType>(PagingArguments.Before, a => a.Description =
            "Returns the elements in the list that come before the specified cursor.");
        new PagedFieldSize([PagingArguments.First, PagingArguments.Last], ["edges", "nodes"], options.DefaultPageSize, options.MaxPageSize)
            .RecordOn(field.FieldType);
        return field;
    }

    /// <summary>
    /// Adds the offset paging arguments <c>skip</c> and <c>take</c> to <paramref name="field"/>, and records its
    /// <see cref="PagedFieldSize"/> (sliced by <c>take</c>, the page in <c>items</c>).
    /// </summary>
    public static FieldBuilder<TSource, TReturn> WithOffsetPagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, PagingOptions options)
    {
        field.Argument<IntGraphType>(PagingArguments.Skip, a => a.Description = "Skips the first _n_ elements of the list (0 when not given).");
        field.Argument<IntGraphType>(PagingArguments.Take, a => a.Description =
            $"Returns at most _n_ elements of the list (at most {options.MaxPageSize}; {options.DefaultPageSize} when not given).");
        new PagedFieldSize([PagingArguments.Take], ["items"], options.DefaultPageSize, options.MaxPageSize).RecordOn(field.FieldType);
        return field;
    }
}
