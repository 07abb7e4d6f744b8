using System.Linq.Expressions;
using System.Reflection;
using static ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers.HandlerExpressions;

namespace ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers;

/// <summary>
/// String operators. The default ones are case-sensitive on every provider: <c>contains</c> becomes SQLite's <c>instr</c>, and
/// <c>startsWith</c>/<c>endsWith</c> compare a <c>substr</c> with <c>=</c>, never SQLite's <c>LIKE</c>, which ignores ASCII case.
/// The <c>i</c>-prefixed ones lower-case both sides (SQL <c>lower()</c>, which on SQLite folds ASCII letters only).
/// </summary>
internal static class StringHandlers
{
    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo SubstringMethod = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly PropertyInfo LengthProperty = typeof(string).GetProperty(nameof(string.Length))!;

    public static Expression Contains(Expression member, object? value, string path) =>
        NotNullAnd(member, Expression.Call(member, ContainsMethod, FilterValue.Parameter(value, typeof(string))));

    public static Expression StartsWith(Expression member, object? value, string path) => Affix(member, (string)value!, atStart: true);

    public static Expression EndsWith(Expression member, object? value, string path) => Affix(member, (string)value!, atStart: false);

    /// <summary>Applies <paramref name="handler"/> to the lower-cased member and value.</summary>
    public static OperationHandler IgnoringCase(OperationHandler handler) => (member, value, path) =>
        NotNullAnd(member, handler(Expression.Call(member, ToLowerMethod), ((string)value!).ToLowerInvariant(), path));

    /// <summary><c>member.Length &gt;= n AND substr(member, start, n) = value</c>.</summary>
    private static Expression Affix(Expression member, string value, bool atStart)
    {
        var length = Expression.Constant(value.Length);
        var memberLength = Expression.Property(member, LengthProperty);
        Expression start = atStart ? Expression.Constant(0) : Expression.Subtract(memberLength, length);
        return NotNullAnd(member, Expression.AndAlso(
            Expression.GreaterThanOrEqual(memberLength, length),
            Expression.Equal(Expression.Call(member, SubstringMethod, start, length), FilterValue.Parameter(value, typeof(string)))));
    }
}
