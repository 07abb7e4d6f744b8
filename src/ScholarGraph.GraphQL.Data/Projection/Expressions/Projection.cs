using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ScholarGraph.GraphQL.Data.Projection.Expressions;

/// <summary>
/// The members of <typeparamref name="T"/> a selection needs, applied to a query as a member-init projection
/// (<c>p =&gt; new Paper { Id = p.Id, Title = p.Title }</c>) so that the SQL reads only their columns. The entity's key is
/// always read; members that the EF model does not map as columns (navigations) are left out.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
public sealed class Projection<T>
    where T : class
{
    private readonly MemberInfo[] _members;

    /// <summary>Creates the projection of <paramref name="members"/> (duplicates are ignored).</summary>
    public Projection(IEnumerable<MemberInfo> members)
    {
        _members = members.Distinct().OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();
        Signature = string.Join(',', _members.Select(m => m.Name));
    }

    /// <summary>
    /// Names the members, for batch-loader names: loads that read different columns must not share a batch, or one of them would
    /// get rows without the columns it needs.
    /// </summary>
    public string Signature { get; }

    /// <summary>
    /// The member-init expression over <paramref name="model"/>'s mapping of <typeparamref name="T"/>, or <c>null</c> when the
    /// model does not map <typeparamref name="T"/> (then the rows are read whole).
    /// </summary>
    public Expression<Func<T, T>>? Selector(IModel model)
    {
        if (model.FindEntityType(typeof(T)) is not { } entity)
            return null;
        var key = entity.FindPrimaryKey()?.Properties.Select(p => p.PropertyInfo).OfType<MemberInfo>() ?? [];
        var columns = _members.Where(m => entity.FindProperty(m.Name) is { } property && !property.IsShadowProperty());
        var row = Expression.Parameter(typeof(T), "row");
        var bindings = key.Concat(columns).Distinct()
            .Select(m => Expression.Bind(m, Expression.MakeMemberAccess(row, m)));
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), row);
    }

    /// <summary>Applies the projection to <paramref name="source"/>, read with <paramref name="model"/>.</summary>
    public IQueryable<T> Apply(IQueryable<T> source, IModel model) => Selector(model) is { } selector ? source.Select(selector) : source;
}
