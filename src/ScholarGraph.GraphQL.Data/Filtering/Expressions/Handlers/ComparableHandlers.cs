using System.Linq.Expressions;

namespace ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers;

/// <summary><c>gt gte lt lte</c> and their negations <c>ngt ngte nlt nlte</c>, for numbers and dates.</summary>
internal static class ComparableHandlers
{
    public static Expression Gt(Expression member, object? value, string path) => Expression.GreaterThan(member, Value(member, value));

    public static Expression Gte(Expression member, object? value, string path) => Expression.GreaterThanOrEqual(member, Value(member, value));

    public static Expression Lt(Expression member, object? value, string path) => Expression.LessThan(member, Value(member, value));

    public static Expression Lte(Expression member, object? value, string path) => Expression.LessThanOrEqual(member, Value(member, value));

    /// <summary>Negates <paramref name="handler"/>, as Hot Chocolate's <c>n</c>-prefixed operators do.</summary>
    public static OperationHandler Not(OperationHandler handler) => (member, value, path) => Expression.Not(handler(member, value, path));

    private static Expression Value(Expression member, object? value) => FilterValue.Parameter(value, member.Type);
}
