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
public sealed record Edge<T> : IEdge
{
    private readonly Func<T, string>? _cursorOf;
    private string? _cursor;

    /// <summary>The edge of <paramref name="node"/> at position <paramref name="cursor"/>.</summary>
    public Edge(string cursor, T node)
    {
        _cursor = cursor;
        Node = node;
    }

    /// <summary>
    /// The edge of <paramref name="node"/> whose cursor <paramref name="cursorOf"/> writes from the node when it is first read:
    /// most selections read no edge's cursor, and writing one costs more than the rest of the edge.
    /// </summary>
    public Edge(Func<T, string> cursorOf, T node)
    {
        _cursorOf = cursorOf;
        Node = node;
    }

    /// <summary>Opaque position of the item, for <c>after</c> and <c>before</c>.</summary>
    public string Cursor => _cursor ??= _cursorOf!(Node);

    /// <summary>The item.</summary>
    public T Node { get; init; }

    object? IEdge.Node => Node;
}

/// <summary>Where a page lies in its connection, as the Relay specification defines it.</summary>
public sealed record PageInfo
{
    private readonly IEdge? _first;
    private readonly IEdge? _last;
    private readonly string? _startCursor;
    private readonly string? _endCursor;

    /// <summary>A page's place with its cursors given.</summary>
    /// <param name="hasNextPage">More items follow the page.</param>
    /// <param name="hasPreviousPage">Items precede the page.</param>
    /// <param name="startCursor">Cursor of the first edge, or <c>null</c> for an empty page.</param>
    /// <param name="endCursor">Cursor of the last edge, or <c>null</c> for an empty page.</param>
    public PageInfo(bool hasNextPage, bool hasPreviousPage, string? startCursor, string? endCursor)
    {
        HasNextPage = hasNextPage;
        HasPreviousPage = hasPreviousPage;
        _startCursor = startCursor;
        _endCursor = endCursor;
    }

    /// <summary>A page's place whose cursors are its first and last edges' (<c>null</c> for an empty page), read when first asked.</summary>
    public PageInfo(bool hasNextPage, bool hasPreviousPage, IEdge? first, IEdge? last)
    {
        HasNextPage = hasNextPage;
        HasPreviousPage = hasPreviousPage;
        _first = first;
        _last = last;
    }

    /// <summary>More items follow the page.</summary>
    public bool HasNextPage { get; }

    /// <summary>Items precede the page.</summary>
    public bool HasPreviousPage { get; }

    /// <summary>Cursor of the first edge, or <c>null</c> for an empty page.</summary>
    public string? StartCursor => _startCursor ?? _first?.Cursor;

    /// <summary>Cursor of the last edge, or <c>null</c> for an empty page.</summary>
    public string? EndCursor => _endCursor ?? _last?.Cursor;
}

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
