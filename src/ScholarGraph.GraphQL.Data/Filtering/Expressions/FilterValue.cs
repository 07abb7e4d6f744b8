using System.Collections;
using System.Linq.Expressions;

namespace ScholarGraph.GraphQL.Data.Filtering.Expressions;

/// <summary>
/// Turns client values into expressions. Values are wrapped in a closure-like holder, not inlined as constants, so that EF Core
/// sends them as SQL parameters and caches one query plan per filter shape rather than one per value.
/// </summary>
internal static class FilterValue
{
    /// <summary>An expression reading <paramref name="value"/> as <paramref name="type"/>, sent to SQL as a parameter.</summary>
    public static Expression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), Convert(value, type))!;
        return Expression.Field(Expression.Constant(holder), nameof(Holder<object>.Value));
    }

    /// <summary>An expression reading <paramref name="values"/> as a <c>List&lt;elementType&gt;</c>, sent to SQL as one parameter.</summary>
    public static Expression ListParameter(IEnumerable values, Type elementType)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        foreach (var value in values)
            list.Add(Convert(value, elementType));
        return Parameter(list, list.GetType());
    }

    private static object? Convert(object? value, Type type)
    {
        if (value is null || type.IsInstanceOfType(value))
            return value;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Holds one value; EF Core reads a field of a constant object as a query parameter.</summary>
    private sealed class Holder<T>(T value)
    {
        public readonly T Value = value;
    }
}
