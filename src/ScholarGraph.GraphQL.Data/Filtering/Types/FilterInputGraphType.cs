using System.Linq.Expressions;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Filtering.Expressions;
using ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers;
using ScholarGraph.GraphQL.Data.Internal;

namespace ScholarGraph.GraphQL.Data.Filtering.Types;

/// <summary>A filter input type whose GraphQL name is known without building it, so that list filters can be named after it.</summary>
public interface IFilterInputTypeName
{
    /// <summary>The type's GraphQL name, such as <c>PaperFilterInput</c>.</summary>
    static abstract string TypeName { get; }
}

/// <summary>A filter input type that translates its value over some element type (see <see cref="FilterInputGraphType{T}"/>).</summary>
public interface IFilterInputGraphType : IInputObjectGraphType
{
    /// <summary>Translates <paramref name="value"/> applied to <paramref name="instance"/>; <c>null</c> when it constrains nothing.</summary>
    Expression? Translate(Expression instance, IDictionary<string, object?> value, string path);
}

/// <summary>
/// A Hot Chocolate style <c>&lt;T&gt;FilterInput</c>: <c>and</c>, <c>or</c> and one field per filterable member, declared by a
/// subclass constructor with <see cref="Field{TMember}"/>, <see cref="Id"/>, <see cref="Object{TFilter,TMember}"/> and
/// <see cref="List{TFilter,TElement}"/>. Several fields in one object are ANDed. The whole filter becomes one expression tree that
/// EF Core translates into SQL (<c>WHERE</c>, <c>EXISTS</c>, <c>COUNT</c> subqueries); nothing is filtered in memory.
/// Nested filter types are referenced by their CLR type, which GraphQL.NET resolves lazily, so cyclic filters (an author's papers'
/// authors) are fine; at translation time the nested type is the schema's own instance, read from the field's resolved type.
/// </summary>
/// <typeparam name="T">The filtered element type.</typeparam>
public abstract class FilterInputGraphType<T> : InputObjectGraphType, IFilterInputGraphType
{
    private readonly Dictionary<string, Func<Expression, object, string, Expression?>> _members = new(StringComparer.Ordinal);

    /// <summary>Names and describes the type, and adds <c>and</c> and <c>or</c>.</summary>
    protected FilterInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        var self = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(GetType()));
        Field("and", self).Description("Keeps elements matching every filter of the list.");
        Field("or", self).Description("Keeps elements matching at least one filter of the list.");
    }

    /// <summary>
    /// Adds a filterable scalar member; its operation input follows the member type: <c>string</c> → <c>StringOperationFilterInput</c>,
    /// <c>int</c> → <c>IntOperationFilterInput</c>, <c>double</c> → <c>FloatOperationFilterInput</c>, <c>bool</c> →
    /// <c>BooleanOperationFilterInput</c>, <c>DateOnly</c> → <c>DateOperationFilterInput</c> (nullable or not).
    /// </summary>
    protected void Field<TMember>(string name, Expression<Func<T, TMember>> member, string description)
    {
        Field(name, OperationTypeFor(typeof(TMember))).Description(description);
        _members[name] = (instance, value, path) => Operations(name).Translate(Apply(member, instance), AsFields(value), path, null);
    }

    /// <summary>
    /// Adds an id member filtered with <c>IdOperationFilterInput</c>: <paramref name="decode"/> turns a client's global id into
    /// the stored key, throwing <see cref="FormatException"/> with the reason when the id is malformed or names another type.
    /// </summary>
    protected void Id<TKey>(string name, Expression<Func<T, TKey>> member, Func<string, TKey> decode, string description)
    {
        Field<IdOperationFilterInputGraphType>(name).Description(description);
        _members[name] = (instance, value, path) => Operations(name).Translate(Apply(member, instance), AsFields(value), path, (id, idPath) =>
        {
            try
            {
                return decode(Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!)!;
            }
            catch (FormatException e)
            {
                throw DataErrors.FilterInvalidId(idPath, e.Message);
            }
        });
    }

    /// <summary>Adds a to-one relation filtered by <typeparamref name="TFilter"/>; a missing related object matches nothing.</summary>
    protected void Object<TFilter, TMember>(string name, Expression<Func<T, TMember?>> member, string description)
        where TFilter : FilterInputGraphType<TMember>
        where TMember : class
    {
        Field<TFilter>(name).Description(description);
        _members[name] = (instance, value, path) =>
        {
            var related = Apply(member, instance);
            var nested = ((IFilterInputGraphType)GetField(name)!.ResolvedType!).Translate(related, AsFields(value), path);
            return nested is null ? null : HandlerExpressions.NotNullAnd(related, nested);
        };
    }

    /// <summary>
    /// Adds a list of related elements filtered with <c>ListFilterInputTypeOf&lt;X&gt;FilterInput</c> (<c>all none some any
    /// count</c>), where <typeparamref name="TFilter"/> is <c>&lt;X&gt;FilterInput</c>.
    /// </summary>
    protected void List<TFilter, TElement>(string name, Expression<Func<T, IEnumerable<TElement>>> elements, string description)
        where TFilter : FilterInputGraphType<TElement>, IFilterInputTypeName
    {
        Field<ListFilterInputGraphType<TFilter, TElement>>(name).Description(description);
        _members[name] = (instance, value, path) =>
            ((ListFilterInputGraphType<TFilter, TElement>)GetField(name)!.ResolvedType!).Translate(Apply(elements, instance), AsFields(value), path);
    }

    /// <summary>
    /// The predicate <paramref name="value"/> (the parsed <c>where</c> argument) stands for, or <c>null</c> when it constrains
    /// nothing.
    /// </summary>
    /// <param name="value">The argument's value: a dictionary of fields, or null.</param>
    /// <param name="path">The argument path for errors, such as <c>papers(where)</c>.</param>
    /// <exception cref="FilterException">A value cannot be applied; raised before anything reaches the database.</exception>
    public Expression<Func<T, bool>>? ToPredicate(object? value, string path)
    {
        if (value is null)
            return null;
        var instance = Expression.Parameter(typeof(T), "x");
        var body = Translate(instance, AsFields(value), path);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, instance);
    }

    /// <inheritdoc />
    public Expression? Translate(Expression instance, IDictionary<string, object?> value, string path)
    {
        Expression? all = null;
        foreach (var (name, fieldValue) in value)
        {
            var fieldPath = $"{path}.{name}";
            var part = name is "and" or "or"
                ? FilterExpressions.Combine(name, fieldValue, fieldPath, (item, itemPath) => Translate(instance, item, itemPath))
                : _members.TryGetValue(name, out var member)
                    ? member(instance, fieldValue ?? throw DataErrors.FilterNullNotAllowed(fieldPath), fieldPath)
                    : throw DataErrors.FilterUnknownField(fieldPath);
            all = FilterExpressions.And(all, part);
        }
        return all;
    }

    private OperationFilterInputGraphType Operations(string name) => (OperationFilterInputGraphType)GetField(name)!.ResolvedType!;

    private static IDictionary<string, object?> AsFields(object value) => (IDictionary<string, object?>)value;

    private static Expression Apply(LambdaExpression member, Expression instance) =>
        ExpressionRewriting.Replace(member.Body, member.Parameters[0], instance);

    private static Type OperationTypeFor(Type member) => (Nullable.GetUnderlyingType(member) ?? member) switch
    {
        var t when t == typeof(string) => typeof(StringOperationFilterInputGraphType),
        var t when t == typeof(int) => typeof(IntOperationFilterInputGraphType),
        var t when t == typeof(double) => typeof(FloatOperationFilterInputGraphType),
        var t when t == typeof(bool) => typeof(BooleanOperationFilterInputGraphType),
        var t when t == typeof(DateOnly) => typeof(DateOperationFilterInputGraphType),
        var t => throw DataErrors.NoOperationFilterInput(t, nameof(member)),
    };
}
