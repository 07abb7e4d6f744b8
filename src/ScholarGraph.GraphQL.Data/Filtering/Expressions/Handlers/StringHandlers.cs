using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using static ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers.HandlerExpressions;

namespace ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers;

/// <summary>
/// String operators, as <see cref="StringMatching"/> chooses. With <see cref="StringMatching.Functions"/> the default ones are
/// case-sensitive on every provider: <c>contains</c> becomes SQLite's <c>instr</c>, and <c>startsWith</c>/<c>endsWith</c> compare a
/// <c>substr</c> with <c>=</c>, never SQLite's <c>LIKE</c>, which ignores ASCII case; the <c>i</c>-prefixed ones lower-case both
/// sides (SQL <c>lower()</c>, which on SQLite folds ASCII letters only). With <see cref="StringMatching.Like"/> each is a pattern.
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

    /// <summary>
    /// <c>member LIKE pattern</c> through <paramref name="like"/>, the operand escaped and preceded (<paramref name="before"/>)
    /// and followed (<paramref name="after"/>) by <c>%</c> as asked. With <paramref name="lowerOperand"/> (the <c>i</c>-operators)
    /// the operand is lower-cased first, as <see cref="IgnoringCase"/> does, so that both translations fold it alike.
    /// </summary>
    public static OperationHandler Like(LikeTranslation like, bool before, bool after, bool lowerOperand = false) => (member, value, path) =>
    {
        var pattern = new StringBuilder();
        if (before)
            pattern.Append('%');
        var operand = (string)value!;
        foreach (var c in lowerOperand ? operand.ToLowerInvariant() : operand)
        {
            if (c is '%' or '_' || c == StringMatching.EscapeCharacter[0])
                pattern.Append(StringMatching.EscapeCharacter);
            pattern.Append(c);
        }
        if (after)
            pattern.Append('%');
        return NotNullAnd(member, like(member, FilterValue.Parameter(pattern.ToString(), typeof(string)), StringMatching.EscapeCharacter));
    };

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
