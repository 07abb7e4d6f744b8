using GraphQL.DataLoader;

namespace ScholarGraph.GraphQL.Data.Paging;

/// <summary>One offset-paged segment of a collection, as Hot Chocolate's offset paging returns it.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The segment's items in order.</param>
/// <param name="PageInfo">Whether items precede and follow the segment.</param>
/// <param name="TotalCount">Counts every item of the collection; called only when a client selects <c>totalCount</c>.</param>
public sealed record CollectionSegment<T>(IReadOnlyList<T> Items, CollectionSegmentInfo PageInfo, Func<IDataLoaderResult<int>> TotalCount)
    : ICollectionSegment
{
    System.Collections.IEnumerable ICollectionSegment.Items => Items;
}

/// <summary>Where a segment lies in its collection.</summary>
/// <param name="HasNextPage">More items follow the segment.</param>
/// <param name="HasPreviousPage">Items precede the segment (<c>skip</c> was more than 0).</param>
public sealed record CollectionSegmentInfo(bool HasNextPage, bool HasPreviousPage);

/// <summary>A collection segment seen without its item type, as the generic GraphQL types read it.</summary>
public interface ICollectionSegment
{
    /// <summary>The segment's items.</summary>
    System.Collections.IEnumerable Items { get; }

    /// <summary>Where the segment lies.</summary>
    CollectionSegmentInfo PageInfo { get; }

    /// <summary>Counts every item of the collection, deferred until GraphQL.NET completes the level.</summary>
    Func<IDataLoaderResult<int>> TotalCount { get; }
}
