using System.Collections;
using System.Linq.Expressions;
using static ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers.HandlerExpressions;
using ScholarGraph.GraphQL.Data.Internal;

namespace ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers;

/// <summary><c>eq</c>, <c>neq</c>, <c>in</c> and <c>nin</c>; <c>eq: null</c> is IS NULL and <c>neq: null</c> IS NOT NULL.</summary>
internal static class EqualityHandlers
{
    public static Expression Eq(Expression member, object? value, string path) =>
        value is null ? IsNull(member) : Expression.Equal(member, FilterValue.Parameter(value, member.Type));

    public static Expression Neq(Expression member, object? value, string path) =>
        value is null ? IsNotNull(member) : Expression.NotEqual(member, FilterValue.Parameter(value, member.Type));

    public static Expression In(Expression member, object? value, string path) =>
        LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type],
            FilterValue.ListParameter((IEnumerable)value!, member.Type), member);

    public static Expression Nin(Expression member, object? value, string path) => Expression.Not(In(member, value, path));
}
