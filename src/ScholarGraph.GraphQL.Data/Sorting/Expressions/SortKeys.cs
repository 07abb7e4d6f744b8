using System.Linq.Expressions;

namespace ScholarGraph.GraphQL.Data.Sorting.Expressions;

/// <summary>Sort keys over optional relations.</summary>
internal static class SortKeys
{
    /// <summary><paramref name="key"/>, or null when <paramref name="missing"/> (a null key sorts as the smallest value).</summary>
    public static Expression NullWhen(Expression missing, Expression key)
    {
        var type = key.Type.IsValueType && Nullable.GetUnderlyingType(key.Type) is null ? typeof(Nullable<>).MakeGenericType(key.Type) : key.Type;
        return Expression.Condition(missing, Expression.Constant(null, type), key.Type == type ? key : Expression.Convert(key, type));
    }
}
