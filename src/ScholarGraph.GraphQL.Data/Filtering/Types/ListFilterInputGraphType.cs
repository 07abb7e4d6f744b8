using System.Linq.Expressions;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Filtering.Expressions;
using ScholarGraph.GraphQL.Data.Internal;

namespace ScholarGraph.GraphQL.Data.Filtering.Types;

/// <summary>
/// <c>ListFilterInputTypeOf&lt;X&gt;FilterInput</c>: Hot Chocolate's <c>all none some any</c> over a list of related elements,
/// plus <c>count</c> (as Neo4j's GraphQL library offers), translated to <c>EXISTS</c>, <c>NOT EXISTS</c> and <c>COUNT</c> subqueries.
/// </summary>
/// <typeparam name="TFilter">The elements' filter, <c>&lt;X&gt;FilterInput</c>.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
public sealed class ListFilterInputGraphType<TFilter, TElement> : InputObjectGraphType
    where TFilter : FilterInputGraphType<TElement>, IFilterInputTypeName
{
    /// <summary>Defines the operators.</summary>
    public ListFilterInputGraphType()
    {
        Name = "ListFilterInputTypeOf" + TFilter.TypeName;
        Description = "Filters a list by its elements.";
        Field<TFilter>("all").Description("Keeps lists whose every element matches (an empty list matches).");
        Field<TFilter>("none").Description("Keeps lists with no matching element.");
        Field<TFilter>("some").Description("Keeps lists with at least one matching element.");
        Field<BooleanGraphType>("any").Description("`true` keeps lists with at least one element, `false` empty lists.");
        Field<IntOperationFilterInputGraphType>("count").Description("Filters by the number of elements (a SQL COUNT subquery).");
    }

    /// <summary>Translates <paramref name="value"/> applied to the list <paramref name="elements"/>.</summary>
    internal Expression? Translate(Expression elements, IDictionary<string, object?> value, string path)
    {
        Expression? all = null;
        foreach (var (name, operand) in value)
        {
            var operationPath = $"{path}.{name}";
            if (operand is null)
                throw DataErrors.FilterNullNotAllowed(operationPath);
            var part = name switch
            {
                "some" => Any(elements, Element(operand, operationPath)),
                "none" => Expression.Not(Any(elements, Element(operand, operationPath))),
                "all" => Element(operand, operationPath) is { } every
                    ? LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.All), [typeof(TElement)], elements, every)
                    : null,
                "any" => (bool)operand ? Any(elements, null) : Expression.Not(Any(elements, null)),
                "count" => ((OperationFilterInputGraphType)GetField("count")!.ResolvedType!).Translate(
                    LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(TElement)], elements),
                    (IDictionary<string, object?>)operand, operationPath, null),
                _ => throw DataErrors.FilterUnknownField(operationPath),
            };
            all = FilterExpressions.And(all, part);
        }
        return all;
    }

    private LambdaExpression? Element(object operand, string path)
    {
        var element = Expression.Parameter(typeof(TElement), "e");
        var body = ((IFilterInputGraphType)GetField("some")!.ResolvedType!).Translate(element, (IDictionary<string, object?>)operand, path);
        return body is null ? null : Expression.Lambda(body, element);
    }

    private static Expression Any(Expression elements, LambdaExpression? predicate) => predicate is null
        ? LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TElement)], elements)
        : LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TElement)], elements, predicate);
}
