using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.Data.Projection.Expressions;

namespace ScholarGraph.GraphQL.Data.Paging.Expressions;

/// <summary>
/// Offset paging translated into SQL: ORDER BY, then OFFSET and LIMIT, reading one row more than asked to know whether another
/// segment follows. Unlike cursor paging, a row inserted before the segment shifts it; clients that page through a changing
/// collection should use the cursor connection.
/// </summary>
public static class OffsetPaging
{
    /// <summary>
    /// Reads the segment <paramref name="request"/> names of the rows <paramref name="query"/> selects, in
    /// <paramref name="ordering"/>, with only the columns of <paramref name="projection"/> (whole rows when it is <c>null</c>).
    /// </summary>
    public static async Task<CollectionSegment<T>> ToCollectionSegmentAsync<TContext, T>(
        IDbContextFactory<TContext> contexts, Func<TContext, IQueryable<T>> query, KeysetOrdering<T> ordering, OffsetPageRequest request,
        Projection<T>? projection, CancellationToken cancellationToken)
        where TContext : DbContext
        where T : class
    {
        List<T> rows;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var read = ordering.Sort(query(db).AsNoTracking()).Skip(request.Skip).Take(request.Take + 1);
            rows = await (projection?.Apply(read, db.Model) ?? read).ToListAsync(cancellationToken);
        }
        var more = rows.Count > request.Take;
        if (more)
            rows.RemoveRange(request.Take, rows.Count - request.Take);
        return new CollectionSegment<T>(rows, new CollectionSegmentInfo(more, request.Skip > 0), () => QueryablePaging.CountLater(contexts, query));
    }
}
