using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Internal;

namespace ScholarGraph.GraphQL.Data.Aggregates.Expressions;

/// <summary>
/// A way to group the items of a collection and count each group, run as SQL <c>GROUP BY</c>: by a member of the item
/// (<see cref="By{TKey}"/>, such as a paper's year) or by each of a one-to-many relation's rows (<see cref="ByEach{TLink, TKey}"/>,
/// such as a paper's topics, where an item counts once in each of its groups). Groups come most items first; groups of equal
/// size by key, the group without a value after the others.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class GroupByDefinition<T>
{
    private protected GroupByDefinition(string name) => Name = name;

    /// <summary>Names the grouping in batch-loader names; unique among the groupings of one item type.</summary>
    public string Name { get; }

    /// <summary>Groups by <paramref name="key"/> of each item.</summary>
    /// <param name="name">Names the grouping.</param>
    /// <param name="key">The key; it must be null-safe in memory too (test for null before reading through a nullable member).</param>
    /// <param name="format">Writes a key as the client sees it; <c>null</c> keys are never passed. Default: <c>ToString()</c>.</param>
    /// <param name="label">
    /// A label read with the key, or <c>null</c> for none. It must be the same for every item with the key: the SQL groups by
    /// both, which is cheaper than aggregating the label per group.
    /// </param>
    public static GroupByDefinition<T> By<TKey>(string name, Expression<Func<T, TKey>> key, Func<TKey, string>? format = null,
        Expression<Func<T, string?>>? label = null) =>
        new Definition<T, TKey>(name, null, key, label, format);

    /// <summary>Groups by <paramref name="key"/> of each row of <paramref name="links"/> of each item.</summary>
    /// <param name="name">Names the grouping.</param>
    /// <param name="links">The one-to-many relation whose rows carry the keys.</param>
    /// <param name="key">The key of a row.</param>
    /// <param name="format">Writes a key as the client sees it. Default: <c>ToString()</c>.</param>
    /// <param name="label">A label read with the key (determined by it, as for <see cref="By{TKey}"/>), or <c>null</c> for none.</param>
    public static GroupByDefinition<T> ByEach<TLink, TKey>(string name, Expression<Func<T, IEnumerable<TLink>>> links,
        Expression<Func<TLink, TKey>> key, Func<TKey, string>? format = null, Expression<Func<TLink, string?>>? label = null) =>
        new Definition<TLink, TKey>(name, links, key, label, format);

    /// <summary>Counts the groups of <paramref name="items"/> in one query.</summary>
    public abstract Task<IReadOnlyList<GroupCount>> CountAsync(IQueryable<T> items, CancellationToken cancellationToken);

    /// <summary>Counts the groups of the children of each of <paramref name="parents"/> in one query.</summary>
    public abstract Task<IReadOnlyDictionary<TParentKey, IReadOnlyList<GroupCount>>> CountPerParentAsync<TParent, TParentKey>(
        IQueryable<TParent> parents, Expression<Func<TParent, TParentKey>> parentKey, Expression<Func<TParent, IEnumerable<T>>> children,
        CancellationToken cancellationToken)
        where TParentKey : notnull;

    private sealed class Definition<TLink, TKey>(
        string name, Expression<Func<T, IEnumerable<TLink>>>? links, Expression<Func<TLink, TKey>> key,
        LambdaExpression? label, Func<TKey, string>? format) : GroupByDefinition<T>(name)
    {
        public override async Task<IReadOnlyList<GroupCount>> CountAsync(IQueryable<T> items, CancellationToken cancellationToken)
        {
            var rowsOf = links is null ? (IQueryable<TLink>)(object)items : items.SelectMany(links);
            var link = Expression.Parameter(typeof(TLink), "link");
            var groups = await rowsOf.Select(Expression.Lambda<Func<TLink, GroupRow<TKey>>>(RowOf<GroupRow<TKey>>(link), link))
                .GroupBy(r => new { r.Key, r.Label })
                .Select(g => new { g.Key.Key, g.Key.Label, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return Sorted(groups.Select(g => Counted(g.Key, g.Label, g.Count)));
        }

        public override async Task<IReadOnlyDictionary<TParentKey, IReadOnlyList<GroupCount>>> CountPerParentAsync<TParent, TParentKey>(
            IQueryable<TParent> parents, Expression<Func<TParent, TParentKey>> parentKey, Expression<Func<TParent, IEnumerable<T>>> children,
            CancellationToken cancellationToken)
        {
            var parent = children.Parameters[0];
            var rowsOf = links is null
                ? children.Body
                : LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.SelectMany), [typeof(T), typeof(TLink)], children.Body, links);
            // SelectMany with a result selector joins parent and rows; a parent reference inside the collection would need APPLY,
            // which SQLite lacks.
            var link = Expression.Parameter(typeof(TLink), "link");
            var row = Expression.Lambda<Func<TParent, TLink, ParentGroupRow<TParentKey, TKey>>>(
                RowOf<ParentGroupRow<TParentKey, TKey>>(link,
                    Expression.Bind(typeof(ParentGroupRow<TParentKey, TKey>).GetProperty(nameof(ParentGroupRow<TParentKey, TKey>.Parent))!,
                        ExpressionRewriting.Replace(parentKey.Body, parentKey.Parameters[0], parent))),
                parent, link);
            var groups = await parents.SelectMany(Expression.Lambda<Func<TParent, IEnumerable<TLink>>>(rowsOf, parent), row)
                .GroupBy(r => new { r.Parent, r.Key, r.Label })
                .Select(g => new { g.Key.Parent, g.Key.Key, g.Key.Label, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return groups.GroupBy(g => g.Parent)
                .ToDictionary(p => p.Key, p => Sorted(p.Select(g => Counted(g.Key, g.Label, g.Count))));
        }

        // new TRow { Key = key(link), Label = label(link), ...more }
        private MemberInitExpression RowOf<TRow>(ParameterExpression link, params MemberBinding[] more) =>
            Expression.MemberInit(Expression.New(typeof(TRow)), new MemberBinding[]
            {
                Expression.Bind(typeof(TRow).GetProperty("Key")!, ExpressionRewriting.Replace(key.Body, key.Parameters[0], link)),
                Expression.Bind(typeof(TRow).GetProperty("Label")!, label is null
                    ? Expression.Constant(null, typeof(string))
                    : ExpressionRewriting.Replace(label.Body, label.Parameters[0], link)),
            }.Concat(more));

        private GroupCount Counted(TKey key, string? label, int count)
        {
            var written = key is null ? null : format is null ? key.ToString() : format(key);
            return new GroupCount(written, label ?? written, count);
        }
    }

    private static IReadOnlyList<GroupCount> Sorted(IEnumerable<GroupCount> groups) =>
        groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
}
