using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace ScholarGraph.GraphQL.Data.Internal;

/// <summary>
/// <see cref="Expression.Call(Type, string, Type[], Expression[])"/> with the method it finds remembered: that overload looks the
/// method up by name among all of <see cref="Enumerable"/>'s or <see cref="Queryable"/>'s methods on every call (an array of some
/// two hundred <see cref="MethodInfo"/>s each time), and the paging and filtering code builds such calls for every request.
/// </summary>
internal static class LinqCalls
{
    private static readonly ConcurrentDictionary<Key, MethodInfo> Methods = new();

    /// <summary>A call of the static generic method <paramref name="name"/> of <paramref name="type"/>, as Expression.Call would resolve it.</summary>
    public static MethodCallExpression Call(Type type, string name, Type[] typeArguments, params Expression[] arguments)
    {
        if (typeArguments.Length is 0 or > 2 || arguments.Length is 0 or > 2)
            return Expression.Call(type, name, typeArguments, arguments);
        var key = new Key(type, name, typeArguments[0], typeArguments.Length > 1 ? typeArguments[1] : null,
            arguments[0].Type, arguments.Length > 1 ? arguments[1].Type : null);
        if (!Methods.TryGetValue(key, out var method))
            Methods[key] = method = Expression.Call(type, name, typeArguments, arguments).Method;
        return Expression.Call(method, arguments);
    }

    // The overload Expression.Call picks depends on the method's name, its type arguments and the arguments' types: all of them here.
    private readonly record struct Key(Type Type, string Name, Type First, Type? Second, Type FirstArgument, Type? SecondArgument);
}
