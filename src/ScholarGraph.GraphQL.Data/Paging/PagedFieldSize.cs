using GraphQL.Types;

namespace ScholarGraph.GraphQL.Data.Paging;

/// <summary>
/// How a field that <c>WithPagingArguments</c> or <c>WithOffsetPagingArguments</c> paged bounds the list it returns: which of
/// its arguments set the page size, which fields of its result hold the page, and the page sizes. Recorded on the field, so a
/// cost analysis (for example the IBM <c>@listSize</c> directive) can size the field without this library knowing of it; read it
/// with <see cref="GetPagedFieldSize"/>.
/// </summary>
/// <param name="SlicingArguments">The arguments whose value is the page size: <c>first</c> and <c>last</c>, or <c>take</c>.</param>
/// <param name="SizedFields">The fields of the result holding the page: <c>edges</c> and <c>nodes</c>, or <c>items</c>.</param>
/// <param name="DefaultPageSize">The page size when no slicing argument is given (<see cref="PagingOptions.DefaultPageSize"/>).</param>
/// <param name="MaxPageSize">The largest page size a slicing argument may ask for (<see cref="PagingOptions.MaxPageSize"/>).</param>
public sealed record PagedFieldSize(IReadOnlyList<string> SlicingArguments, IReadOnlyList<string> SizedFields, int DefaultPageSize, int MaxPageSize)
{
    private const string MetadataKey = "ScholarGraph.GraphQL.Data.PagedFieldSize";

    /// <summary>How <paramref name="field"/> pages its list, or <see langword="null"/> when this library did not page it.</summary>
    public static PagedFieldSize? GetPagedFieldSize(FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.GetMetadata<PagedFieldSize?>(MetadataKey);
    }

    internal void RecordOn(FieldType field) => field.Metadata[MetadataKey] = this;
}
