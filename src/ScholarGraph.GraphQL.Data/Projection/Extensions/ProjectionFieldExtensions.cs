using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Builders;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Execution;

namespace ScholarGraph.GraphQL.Data.Projection.Extensions;

/// <summary>
/// Declares which entity members a field reads, so that the SQL of a projected load selects exactly those columns. A field
/// without a declaration reads only the entity's key (fields that load related rows by key need nothing else).
/// </summary>
public static class ProjectionFieldExtensions
{
    private const string MembersKey = "ScholarGraph.Projection.Members";

    /// <summary>
    /// Resolves the field to <paramref name="member"/> of the source and declares that it reads that member. The resolver is a
    /// <see cref="MemberResolver{TSource, TMember}"/>, which <see cref="LeanParallelExecutionStrategy"/> reads without a resolve context.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ResolveMember<TSource, TReturn, TMember>(
        this FieldBuilder<TSource, TReturn> field, Expression<Func<TSource, TMember>> member)
    {
        field.Declare(MemberOf(member)).FieldType.Resolver = new MemberResolver<TSource, TMember>(member.Compile());
        return field;
    }

    /// <summary>Declares that the field's resolver reads <paramref name="members"/> of the source (direct members only).</summary>
    public static FieldBuilder<TSource, TReturn> Projects<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, params Expression<Func<TSource, object?>>[] members) =>
        field.Declare(members.Select(MemberOf).ToArray());

    private static FieldBuilder<TSource, TReturn> Declare<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params MemberInfo[] members)
    {
        var declared = field.FieldType.GetMetadata<MemberInfo[]>(MembersKey) ?? [];
        field.FieldType.Metadata[MembersKey] = declared.Concat(members).Distinct().ToArray();
        return field;
    }

    /// <summary>
    /// Whether <paramref name="field"/> declared what it reads (possibly nothing but the key, with <c>Projects()</c>). A leaf field of
    /// a projected entity type that did not is a bug: it reads a member the SQL never loaded and sees its default.
    /// </summary>
    public static bool DeclaresProjection(this FieldType field) => field.HasMetadata(MembersKey);

    /// <summary>The members <paramref name="field"/> declared with <see cref="Projects{TSource, TReturn}"/> or <see cref="ResolveMember"/>.</summary>
    public static IReadOnlyList<MemberInfo> ProjectedMembers(this FieldType field) =>
        field.GetMetadata<MemberInfo[]>(MembersKey) ?? [];

    private static MemberInfo MemberOf(LambdaExpression member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression access && access.Expression == member.Parameters[0]
            ? access.Member
            : throw DataErrors.NotAMemberOfTheParameter(member, nameof(member));
    }
}
