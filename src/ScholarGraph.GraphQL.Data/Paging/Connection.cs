using GraphQL.DataLoader;
using ScholarGraph.GraphQL.Data.Aggregates;
using ScholarGraph.GraphQL.Data.Aggregates.Expressions;

namespace ScholarGraph.GraphQL.Data.Paging;

/// <summary>One page of a Relay cursor connection.</summary>
/// <typeparam name="T">The node type.</typeparam>
/// <param name="Edges">The page's edges in order.</param>
/// <param name="PageInfo">Where the page lies.</param>
/// <param name="TotalCount">
/// Counts every item of the connection; called only when a client selects <c>totalCount</c>, and deferred like a batch load so that
/// the counts of many nested connections run as one query.
/// </param>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, Func<IDataLoaderResult<int>> TotalCount)
    : IConnection
{
    IReadOnlyList<IEdge> IConnection.Edges => Edges;

    /// <summary>
    /// Counts the groups of every item of the connection (not only the page) for a grouping, deferred like <see cref="TotalCount"/>;
    /// <c>null</c> when the connection cannot be grouped (for example one computed outside the database).
    /// </summary>
    public Func<GroupByDefinition<T>, IDataLoaderResult<IReadOnlyList<GroupCount>>>? GroupCounts { get; init; }
}

/// <summary>An item of a connection with its cursor.</summary>
/// <typeparam name="T">The node type.</typeparam>
/// <param name="Cursor">Opaque position of the item, for <c>after</c> and <c>before</c>.</param>
/// <param name="Node">The item.</param>
public sealed record Edge<T>(string Cursor, T Node) : IEdge
{
    object? IEdge.Node => Node;
}

/// <summary>Where a page lies in its connection, as the Relay specification defines it.</summary>
/// <param name="HasNextPage">More items follow the page.</param>
/// <param name="HasPreviousPage">Items precede the page.</param>
/// <param name="StartCursor">Cursor of the first edge, or <c>null</c> for an empty page.</param>
/// <param name="EndCursor">Cursor of the last edge, or <c>null</c> for an empty page.</param>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>A connection seen without its node type, as the generic GraphQL types read it.</summary>
public interface IConnection
{
    /// <summary>The page's edges.</summary>
    IReadOnlyList<IEdge> Edges { get; }

    /// <summary>Where the page lies.</summary>
    PageInfo PageInfo { get; }

    /// <summary>Counts every item of the connection, deferred until GraphQL.NET completes the level.</summary>
    Func<IDataLoaderResult<int>> TotalCount { get; }
}

/// <summary>An edge seen without its node type.</summary>
public interface IEdge
{
    /// <summary>The edge's cursor.</summary>
    string Cursor { get; }

    /// <summary>The node.</summary>
    object? Node { get; }
}
