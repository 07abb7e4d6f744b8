using System.Reflection;
using GraphQL;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Projection.Expressions;

namespace ScholarGraph.GraphQL.Data.Projection.Extensions;

/// <summary>Builds the projection a field's selection needs.</summary>
public static class ProjectionContextExtensions
{
    /// <summary>
    /// The members of <typeparamref name="T"/> that the fields selected below the current field (along <paramref name="paths"/>)
    /// declared, plus <paramref name="alsoRead"/> (such as the ordering's keys, which cursors are written from); <c>null</c> when
    /// no graph type of <typeparamref name="T"/> sits at the end of the paths, in which case rows must be read whole.
    /// </summary>
    public static Projection<T>? ProjectionFor<T>(this IResolveFieldContext context, SelectionPaths paths, IEnumerable<MemberInfo>? alsoRead = null)
        where T : class
    {
        if (context.FieldDefinition.ResolvedType is not { } fieldType || TargetType<T>(fieldType, paths) is not { } target)
            return null;
        var selected = SelectionWalker.SelectedFields(context.Document, context.FieldAst, fieldType, paths, target);
        return new Projection<T>(selected.SelectMany(f => f.ProjectedMembers()).Concat(alsoRead ?? []));
    }

    private static IComplexGraphType? TargetType<T>(IGraphType fieldType, SelectionPaths paths)
    {
        var type = fieldType.GetNamedType();
        foreach (var name in paths.Paths[0])
            type = (type as IComplexGraphType)?.GetField(name)?.ResolvedType?.GetNamedType();
        return type switch
        {
            ComplexGraphType<T> entity => entity,
            IAbstractGraphType abstractType => abstractType.PossibleTypes.OfType<ComplexGraphType<T>>().FirstOrDefault(),
            _ => null,
        };
    }
}
