using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ScholarGraph.GraphQL.Data.Internal;

namespace ScholarGraph.GraphQL.Data.Paging.Expressions;

/// <summary>
/// Restricts the children of a batch of parents to that batch before they are paged. EF Core pages children per parent with
/// <c>ROW_NUMBER() OVER(PARTITION BY &lt;foreign key&gt;)</c> over the whole child table and joins the parents' keys only outside
/// the window, so the database numbers every child of every parent (all authorships, to keep a page of one author's papers).
/// Filtering the collection navigation the children are reached through by the batch's keys puts the predicate inside the
/// window, where an index on the foreign key finds the batch's rows alone.
/// </summary>
internal static class BatchRestriction
{
    /// <summary>
    /// Returns <paramref name="children"/> with each collection navigation of the parent that it starts from (such as
    /// <c>a.Authorships</c>) replaced by <c>a.Authorships.Where(s =&gt; parentKeys.Contains(s.AuthorId))</c>, the foreign key read
    /// from <paramref name="model"/>. Children that are not reached through such a navigation (a query of their own, or a foreign
    /// key that does not point at <paramref name="parentKey"/>) are returned unchanged: still correct, only not restricted.
    /// </summary>
    public static Expression<Func<TParent, IEnumerable<TChild>>> ToBatch<TParent, TKey, TChild>(
        Expression<Func<TParent, IEnumerable<TChild>>> children, Expression<Func<TParent, TKey>> parentKey, IQueryable<TKey> parentKeys,
        IModel model)
    {
        if (parentKey.Body is not MemberExpression { Member: var keyMember } key || key.Expression != parentKey.Parameters[0]
            || model.FindEntityType(typeof(TParent)) is not { } parentType)
            return children;
        var restricted = new NavigationRestrictor(children.Parameters[0], parentType, keyMember.Name, typeof(TKey), parentKeys.Expression)
            .Visit(children.Body);
        return Expression.Lambda<Func<TParent, IEnumerable<TChild>>>(restricted, children.Parameters);
    }

    private sealed class NavigationRestrictor(
        ParameterExpression parent, IEntityType parentType, string keyName, Type keyType, Expression parentKeys) : ExpressionVisitor
    {
        private static readonly System.Reflection.MethodInfo EfProperty = typeof(EF).GetMethod(nameof(EF.Property))!;

        // Only a navigation that an Enumerable operator reads is rewritten: the Where returns an IEnumerable, which fits there.
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(Enumerable) && node.Arguments.Count > 0
                && node.Arguments[0] is MemberExpression member && member.Expression == parent
                && ForeignKeyOf(member) is { } foreignKey)
            {
                var arguments = node.Arguments.Select(Visit).ToArray();
                arguments[0] = Restrict(member, foreignKey);
                return node.Update(node.Object, arguments!);
            }
            return base.VisitMethodCall(node);
        }

        private (Type Element, string Name)? ForeignKeyOf(MemberExpression member)
        {
            if (parentType.FindNavigation(member.Member.Name) is not { IsCollection: true } navigation)
                return null;
            var foreignKey = navigation.ForeignKey;
            return foreignKey.PrincipalKey.Properties is [var principal] && principal.Name == keyName
                && foreignKey.Properties is [var dependent] && dependent.ClrType == keyType
                ? (navigation.TargetEntityType.ClrType, dependent.Name)
                : null;
        }

        // member.Where(child => parentKeys.Contains(EF.Property<TKey>(child, name)))
        private Expression Restrict(MemberExpression member, (Type Element, string Name) foreignKey)
        {
            var child = Expression.Parameter(foreignKey.Element, "child");
            var inBatch = LinqCalls.Call(typeof(Queryable), nameof(Queryable.Contains), [keyType], parentKeys,
                Expression.Call(EfProperty.MakeGenericMethod(keyType), child, Expression.Constant(foreignKey.Name)));
            return LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Where), [foreignKey.Element], member,
                Expression.Lambda(inBatch, child));
        }
    }
}
