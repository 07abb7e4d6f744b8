using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Internal;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Sorting.Expressions;

namespace ScholarGraph.GraphQL.Data.Sorting.Types;

/// <summary>A sort input type that turns one element of <c>order</c> into sort keys over some element type.</summary>
public interface ISortInputGraphType : IInputObjectGraphType
{
    /// <summary>
    /// The sort keys <paramref name="value"/> (one element of <c>order</c>) stands for, applied to <paramref name="instance"/>:
    /// each key's expression (never null), its direction and its name for the ordering's name.
    /// </summary>
    IReadOnlyList<(Expression Key, bool Descending, string Name)> Keys(Expression instance, IDictionary<string, object?> value, string path);
}

/// <summary>
/// A Hot Chocolate style <c>&lt;T&gt;SortInput</c>, declared by a subclass constructor with <see cref="Field{TKey}"/> for scalar
/// members and <see cref="Object{TSort,TMember}"/> for to-one relations. <c>order: [TSortInput!]</c> lists the keys in order,
/// one field per element (GraphQL.NET does not keep the order of fields inside one input object, so more than one is refused).
/// The keys become a <see cref="KeysetOrdering{T}"/> that always ends with the id, so ties are deterministic and keyset cursors
/// work; its name spells the keys, so a cursor of another order is refused. Nullable keys are ordered by the plain column (so
/// its index serves the order): nulls sort as the smallest value, first ascending and last descending.
/// </summary>
/// <typeparam name="T">The sorted element type.</typeparam>
public abstract class SortInputGraphType<T> : InputObjectGraphType, ISortInputGraphType
{
    private readonly Dictionary<string, Func<Expression, object?, string, IEnumerable<(Expression, bool, string)>>> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KeysetOrdering<T>> _orderings = new(StringComparer.Ordinal);
    private readonly LambdaExpression _id;

    /// <summary>Names and describes the type; <paramref name="id"/> is the unique last key that breaks ties.</summary>
    protected SortInputGraphType(string name, string description, LambdaExpression id)
    {
        Name = name;
        Description = description;
        _id = id;
    }

    /// <summary>Adds a sortable scalar member.</summary>
    protected void Field<TKey>(string name, Expression<Func<T, TKey>> key, string description)
    {
        Field<SortEnumGraphType>(name).Description(description);
        _members[name] = (instance, value, path) =>
            [(ExpressionRewriting.Replace(key.Body, key.Parameters[0], instance), (SortDirection)value! == SortDirection.Descending, name)];
    }

    /// <summary>Adds a to-one relation sorted by <typeparamref name="TSort"/>; a missing related object sorts as null.</summary>
    protected void Object<TSort, TMember>(string name, Expression<Func<T, TMember?>> member, string description)
        where TSort : SortInputGraphType<TMember>
        where TMember : class
    {
        Field<TSort>(name).Description(description);
        _members[name] = (instance, value, path) =>
        {
            var related = ExpressionRewriting.Replace(member.Body, member.Parameters[0], instance);
            var missing = Expression.Equal(related, Expression.Constant(null, related.Type));
            return ((ISortInputGraphType)GetField(name)!.ResolvedType!).Keys(related, (IDictionary<string, object?>)value!, path)
                .Select(k => (SortKeys.NullWhen(missing, k.Key), k.Descending, $"{name}.{k.Name}"));
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<(Expression Key, bool Descending, string Name)> Keys(Expression instance, IDictionary<string, object?> value, string path)
    {
        if (value.Count != 1)
            throw DataErrors.SortOneFieldPerElement(path, value.Keys);
        var (name, direction) = value.Single();
        var fieldPath = $"{path}.{name}";
        if (direction is null)
            throw DataErrors.SortNull(fieldPath);
        return _members.TryGetValue(name, out var member) ? member(instance, direction, fieldPath).ToList() : throw DataErrors.SortUnknownField(fieldPath);
    }

    /// <summary>
    /// The ordering the <c>order</c> argument's <paramref name="value"/> stands for, or <paramref name="fallback"/> when it is
    /// null or empty. Orderings are cached per sort spelling, so their cursor writers are compiled once.
    /// </summary>
    /// <exception cref="SortException">An element sets no field, or several.</exception>
    public KeysetOrdering<T> ToOrdering(object? value, string path, KeysetOrdering<T> fallback)
    {
        if (value is not IEnumerable elements)
            return fallback;
        var instance = Expression.Parameter(typeof(T), "x");
        var keys = elements.Cast<object?>()
            .SelectMany((element, i) => Keys(instance, (IDictionary<string, object?>)element!, $"{path}.{i}"))
            .ToList();
        if (keys.Count == 0)
            return fallback;
        var spelling = string.Join(",", keys.Select(k => k.Name + (k.Descending ? ":DESC" : ":ASC")));
        return _orderings.GetOrAdd(spelling, _ =>
        {
            var ordering = KeysetOrdering<T>.Named($"{Name}({spelling})");
            foreach (var (key, descending, _) in keys)
                ordering.ThenBy(Expression.Lambda(key, instance), descending);
            return ordering.ThenBy(_id, descending: false);
        });
    }
}
