using System.Linq.Expressions;

namespace ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers;

/// <summary>
/// Translates one operator of an operation filter input (such as <c>startsWith</c>) into a predicate over <paramref name="member"/>.
/// </summary>
/// <param name="member">The filtered member, such as <c>x.Title</c>.</param>
/// <param name="value">The client's value, already converted to the member's type (a list of them for <c>in</c>/<c>nin</c>).</param>
/// <param name="path">The argument path of the operator, for errors.</param>
public delegate Expression OperationHandler(Expression member, object? value, string path);

/// <summary>Expression pieces the handlers share.</summary>
internal static class HandlerExpressions
{
    /// <summary><paramref name="expression"/> as a nullable type, so that it can be compared with null.</summary>
    public static Expression AsNullable(Expression expression) =>
        expression.Type.IsValueType && Nullable.GetUnderlyingType(expression.Type) is null
            ? Expression.Convert(expression, typeof(Nullable<>).MakeGenericType(expression.Type))
            : expression;

    /// <summary><c>member IS NULL</c>.</summary>
    public static Expression IsNull(Expression member)
    {
        var nullable = AsNullable(member);
        return Expression.Equal(nullable, Expression.Constant(null, nullable.Type));
    }

    /// <summary><c>member IS NOT NULL</c> (always true for a non-nullable value type).</summary>
    public static Expression IsNotNull(Expression member) => Expression.Not(IsNull(member));

    /// <summary>
    /// Guards <paramref name="test"/> on a reference-typed member with <c>member != null</c>, so that the in-memory provider does
    /// not dereference null; SQL gives the same answer without the guard.
    /// </summary>
    public static Expression NotNullAnd(Expression member, Expression test) =>
        member.Type.IsValueType ? test : Expression.AndAlso(IsNotNull(member), test);
}
