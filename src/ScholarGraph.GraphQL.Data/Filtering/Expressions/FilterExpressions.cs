using System.Collections;
using System.Linq.Expressions;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Internal;

namespace ScholarGraph.GraphQL.Data.Filtering.Expressions;

/// <summary>Combining predicates; <c>null</c> stands for "no constraint" throughout.</summary>
internal static class FilterExpressions
{
    /// <summary><paramref name="left"/> AND <paramref name="right"/>, either of which may be absent.</summary>
    public static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);

    /// <summary>
    /// Translates the list <paramref name="value"/> of an <c>and</c> or <c>or</c> field item by item and joins the results. An
    /// empty list is refused: it has no sensible meaning (Hot Chocolate also refuses it).
    /// </summary>
    public static Expression? Combine(string combinator, object? value, string path, Func<IDictionary<string, object?>, string, Expression?> translate)
    {
        if (value is null)
            throw DataErrors.FilterNullNotAllowed(path);
        var items = ((IEnumerable)value).Cast<object?>().ToList();
        if (items.Count == 0)
            throw DataErrors.FilterEmptyList(path);
        Expression? result = null;
        for (var i = 0; i < items.Count; i++)
        {
            // An item without fields constrains nothing: it is true.
            var item = translate((IDictionary<string, object?>)items[i]!, $"{path}.{i}") ?? Expression.Constant(true);
            result = result is null ? item : combinator == "and" ? Expression.AndAlso(result, item) : Expression.OrElse(result, item);
        }
        return result;
    }

    /// <summary><c>parent =&gt; children(parent).Where(filter)</c>, so the database filters the children of every parent.</summary>
    public static Expression<Func<TParent, IEnumerable<TChild>>> FilterChildren<TParent, TChild>(
        Expression<Func<TParent, IEnumerable<TChild>>> childrenOf, Expression<Func<TChild, bool>> filter) =>
        Expression.Lambda<Func<TParent, IEnumerable<TChild>>>(
            // Children given as a query of their own (db.Authors.Where(...)) stay a query; navigation collections stay enumerables.
            typeof(IQueryable<TChild>).IsAssignableFrom(childrenOf.Body.Type)
                ? LinqCalls.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TChild)], childrenOf.Body, Expression.Quote(filter))
                : LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(TChild)], childrenOf.Body, filter),
            childrenOf.Parameters);
}
