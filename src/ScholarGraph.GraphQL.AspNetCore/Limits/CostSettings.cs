using System.Collections;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>The arguments of an applied <c>@listSize</c>.</summary>
internal sealed record ListSizeSettings(
    int? AssumedSize, IReadOnlyList<string> SlicingArguments, int? SlicingArgumentDefaultValue, IReadOnlyList<string> SizedFields,
    bool RequireOneSlicingArgument);

/// <summary>
/// Reads the cost directives applied to schema elements and the specification's default weights. A schema does not change once
/// initialized, so what each element carries is read once.
/// </summary>
internal static class CostSettings
{
    private static readonly ConditionalWeakTable<IMetadataReader, Applied> Cache = new();

    /// <summary>What a field adds to the field cost: its <c>@cost</c>, else 1 for an object, interface, union or list, else 0.</summary>
    public static double FieldWeight(FieldType field) =>
        Read(field).Weight ?? (field.ResolvedType is { } type && (IsList(type) || IsComposite(type.GetNamedType())) ? 1 : 0);

    /// <summary>What an instance of <paramref name="namedType"/> adds to the type cost: its <c>@cost</c>, else 1 for an object, interface or union, else 0.</summary>
    public static double TypeWeight(IGraphType namedType) =>
        Read(namedType).Weight ?? (IsComposite(namedType) ? 1 : 0);

    /// <summary>What giving <paramref name="argument"/> adds to the field cost: its <c>@cost</c>, else 1 for an input object, else 0.</summary>
    public static double ArgumentWeight(QueryArgument argument) =>
        Read(argument).Weight ?? (argument.ResolvedType?.GetNamedType() is IInputObjectGraphType ? 1 : 0);

    /// <summary>The field's <c>@listSize</c>, or null.</summary>
    public static ListSizeSettings? ListSize(FieldType field) => Read(field).ListSize;

    /// <summary>Whether values of <paramref name="type"/> are lists (under a non-null wrapper or not).</summary>
    public static bool IsList(IGraphType type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    private static bool IsComposite(IGraphType namedType) => namedType is IComplexGraphType or IAbstractGraphType;

    private static Applied Read(IMetadataReader element) => Cache.GetValue(element, static e => new Applied(
        e.FindAppliedDirective(CostDirectives.CostName) is { } cost ? CostDirective.ParseWeight(cost) : null,
        e.FindAppliedDirective(CostDirectives.ListSizeName) is { } listSize ? ParseListSize(listSize) : null));

    private static ListSizeSettings ParseListSize(AppliedDirective directive) => new(
        Int(directive.FindArgument(ListSizeDirective.AssumedSize)?.Value),
        Strings(directive.FindArgument(ListSizeDirective.SlicingArguments)?.Value),
        Int(directive.FindArgument(ListSizeDirective.SlicingArgumentDefaultValue)?.Value),
        Strings(directive.FindArgument(ListSizeDirective.SizedFields)?.Value),
        directive.FindArgument(ListSizeDirective.RequireOneSlicingArgument)?.Value as bool? ?? true);

    private static int? Int(object? value) => value is null ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Strings(object? value) => value is IEnumerable items and not string ? [.. items.OfType<string>()] : [];

    private sealed record Applied(double? Weight, ListSizeSettings? ListSize);
}
