using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// The IBM GraphQL cost directives (ibm.github.io/graphql-specs/cost-spec.html) as Hot Chocolate declares them, which the cost
/// limit reads and the SDL prints on the elements they annotate. <see cref="GraphQLServiceCollectionExtensions.AddGraphQLHttp"/>
/// declares both directives in every schema built from the app's services, so these methods may be called on any of its types.
/// <list type="bullet">
/// <item><c>@cost(weight: String!)</c> on a field, argument, object, enum or scalar: the weight it adds. Without one a field
/// returning an object, interface, union or list weighs 1 and a field returning a scalar or enum 0; an object, interface or
/// union type weighs 1 in the type cost, a scalar or enum 0; an argument of an input object type weighs 1, any other 0.</item>
/// <item><c>@listSize(assumedSize: Int, slicingArguments: [String!], slicingArgumentDefaultValue: Int, sizedFields: [String!],
/// requireOneSlicingArgument: Boolean = true)</c> on a field: the size of the list it returns (or, with <c>sizedFields</c>, the
/// lists of those fields of its result), which multiplies the cost of what is selected in the list. The size is the largest
/// value given to a slicing argument (literal, variable or the argument's default); without one,
/// <c>slicingArgumentDefaultValue</c>, then <c>assumedSize</c>, then 1. A list without <c>@listSize</c> counts as one
/// element, as in Hot Chocolate.</item>
/// </list>
/// </summary>
public static class CostDirectives
{
    /// <summary>The name of the cost directive: <c>cost</c>.</summary>
    public const string CostName = "cost";

    /// <summary>The name of the list size directive: <c>listSize</c>.</summary>
    public const string ListSizeName = "listSize";

    /// <summary>Applies <c>@cost(weight:)</c> to <paramref name="element"/> (a field, an argument, or an object, enum or scalar type).</summary>
    /// <param name="element">What the weight is for.</param>
    /// <param name="weight">The weight; not negative.</param>
    /// <returns><paramref name="element"/>, for chaining.</returns>
    public static TElement ApplyCost<TElement>(this TElement element, double weight)
        where TElement : IMetadataWriter
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        return element.ApplyDirective(CostName, CostDirective.Weight, weight.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Applies <c>@listSize</c> to <paramref name="field"/> (see <see cref="CostDirectives"/> for how the size is found).</summary>
    /// <param name="field">A field returning a list, or an object whose <paramref name="sizedFields"/> return lists.</param>
    /// <param name="assumedSize">The list's size when no slicing argument says; default: none.</param>
    /// <param name="slicingArguments">The field's integer arguments that set the list's size; default: none.</param>
    /// <param name="slicingArgumentDefaultValue">The size when none of <paramref name="slicingArguments"/> has a value; default: none.</param>
    /// <param name="sizedFields">The fields of the result whose lists have this size, instead of the field's own; default: none.</param>
    /// <param name="requireOneSlicingArgument">
    /// Whether an operation must give exactly one of <paramref name="slicingArguments"/> (with a value other than null, an
    /// argument's default counting); otherwise the operation is refused with <c>COST_SLICING_ARGUMENT_REQUIRED</c>. Default:
    /// <see langword="true"/>, as in the specification.
    /// </param>
    /// <returns><paramref name="field"/>, for chaining.</returns>
    public static FieldType ApplyListSize(this FieldType field, int? assumedSize = null, IReadOnlyList<string>? slicingArguments = null,
        int? slicingArgumentDefaultValue = null, IReadOnlyList<string>? sizedFields = null, bool requireOneSlicingArgument = true)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.ApplyDirective(ListSizeName, directive =>
        {
            if (assumedSize is not null)
                directive.AddArgument(new DirectiveArgument(ListSizeDirective.AssumedSize) { Value = assumedSize });
            if (slicingArguments is { Count: > 0 })
                directive.AddArgument(new DirectiveArgument(ListSizeDirective.SlicingArguments) { Value = slicingArguments.ToArray() });
            if (slicingArgumentDefaultValue is not null)
                directive.AddArgument(new DirectiveArgument(ListSizeDirective.SlicingArgumentDefaultValue) { Value = slicingArgumentDefaultValue });
            if (sizedFields is { Count: > 0 })
                directive.AddArgument(new DirectiveArgument(ListSizeDirective.SizedFields) { Value = sizedFields.ToArray() });
            directive.AddArgument(new DirectiveArgument(ListSizeDirective.RequireOneSlicingArgument) { Value = requireOneSlicingArgument });
        });
    }

    /// <summary>Applies <c>@cost(weight:)</c> to the field being built.</summary>
    /// <returns><paramref name="field"/>, for chaining.</returns>
    public static FieldBuilder<TSource, TReturn> Cost<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, double weight)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.ApplyCost(weight);
        return field;
    }

    /// <summary>Applies <c>@listSize</c> to the field being built; the parameters are those of <see cref="ApplyListSize"/>.</summary>
    /// <returns><paramref name="field"/>, for chaining.</returns>
    public static FieldBuilder<TSource, TReturn> ListSize<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int? assumedSize = null,
        IReadOnlyList<string>? slicingArguments = null, int? slicingArgumentDefaultValue = null, IReadOnlyList<string>? sizedFields = null,
        bool requireOneSlicingArgument = true)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.ApplyListSize(assumedSize, slicingArguments, slicingArgumentDefaultValue, sizedFields, requireOneSlicingArgument);
        return field;
    }
}

/// <summary>The declaration of <c>@cost</c>.</summary>
internal sealed class CostDirective : Directive
{
    public const string Weight = "weight";

    public CostDirective()
        : base(CostDirectives.CostName, DirectiveLocation.ArgumentDefinition, DirectiveLocation.Enum, DirectiveLocation.FieldDefinition,
            DirectiveLocation.InputFieldDefinition, DirectiveLocation.Object, DirectiveLocation.Scalar)
    {
        Description = "The weight an element adds to an operation's cost each time an operation uses it (IBM GraphQL cost directives).";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
        {
            Name = Weight,
            Description = "The weight, a number written as a string.",
        });
    }

    public override bool? Introspectable => true;

    public override void Validate(AppliedDirective applied)
    {
        if (ParseWeight(applied) is not >= 0)
            throw new ArgumentException($"The weight of @{CostDirectives.CostName} must be a number of at least 0, not '{applied.FindArgument(Weight)?.Value}'.");
    }

    /// <summary>The weight of an applied <c>@cost</c>, or null when it is not a number.</summary>
    public static double? ParseWeight(AppliedDirective applied) =>
        applied.FindArgument(Weight)?.Value is string text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && double.IsFinite(weight)
            ? weight
            : null;
}

/// <summary>The declaration of <c>@listSize</c>.</summary>
internal sealed class ListSizeDirective : Directive
{
    public const string AssumedSize = "assumedSize";
    public const string SlicingArguments = "slicingArguments";
    public const string SlicingArgumentDefaultValue = "slicingArgumentDefaultValue";
    public const string SizedFields = "sizedFields";
    public const string RequireOneSlicingArgument = "requireOneSlicingArgument";

    public ListSizeDirective()
        : base(CostDirectives.ListSizeName, DirectiveLocation.FieldDefinition)
    {
        Description = "How long the list a field returns is, or which of its arguments say so (IBM GraphQL cost directives); "
            + "the cost of what an operation selects in the list is multiplied by that size.";
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType>
            {
                Name = AssumedSize,
                Description = "The size to assume when no slicing argument gives one.",
            },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
            {
                Name = SlicingArguments,
                Description = "The field's integer arguments whose value is the size; with several, the largest given counts.",
            },
            new QueryArgument<IntGraphType>
            {
                Name = SlicingArgumentDefaultValue,
                Description = "The size when the operation gives none of the slicing arguments.",
            },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
            {
                Name = SizedFields,
                Description = "Fields of the result whose lists have the size, rather than the field itself (`edges` and `nodes` of a connection).",
            },
            new QueryArgument<BooleanGraphType>
            {
                Name = RequireOneSlicingArgument,
                DefaultValue = true,
                Description = "Whether an operation must give exactly one slicing argument; otherwise it is refused.",
            });
    }

    public override bool? Introspectable => true;
}
