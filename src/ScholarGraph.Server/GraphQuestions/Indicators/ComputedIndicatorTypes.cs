using GraphQL.Types;
using ScholarGraph.Graph.Indicators;

namespace ScholarGraph.Server.GraphQuestions.Indicators;

/// <summary>Where an indicator's value comes from.</summary>
public enum IndicatorSource
{
    /// <summary>Computed by ScholarGraph from the graph it holds (never a figure a source reports).</summary>
    Computed,
}

/// <summary>The <c>IndicatorSource</c> enum.</summary>
public sealed class IndicatorSourceType : EnumerationGraphType<IndicatorSource>
{
    /// <summary>Defines the values.</summary>
    public IndicatorSourceType()
    {
        Name = "IndicatorSource";
        Description = "Where an indicator's value comes from.";
        Values["COMPUTED"]!.Description = "Computed by ScholarGraph from the papers and citations it holds, by the formula the field's description gives; "
            + "never a figure a source reports (those are in the `reported…` fields).";
    }
}

/// <summary>The <c>IndicatorNullReason</c> enum: the reasons of <see cref="IndicatorNullReason"/>, described in words.</summary>
public sealed class IndicatorNullReasonType : EnumerationGraphType<IndicatorNullReason>
{
    /// <summary>Defines the values.</summary>
    public IndicatorNullReasonType()
    {
        Name = "IndicatorNullReason";
        Description = "Why a computed indicator has no value.";
        foreach (var reason in Enum.GetValues<IndicatorNullReason>())
        {
            var value = Values.Single(v => Equals(v.Value, reason));
            var words = IndicatorNullReasons.Describe(reason);
            value.Description = char.ToUpperInvariant(words[0]) + words[1..] + ".";
        }
    }
}

/// <summary>The <c>ComputedIndicator</c> interface every indicator result implements.</summary>
public sealed class ComputedIndicatorInterfaceType : InterfaceGraphType
{
    /// <summary>Defines the fields.</summary>
    public ComputedIndicatorInterfaceType()
    {
        Name = "ComputedIndicator";
        Description = "An indicator ScholarGraph computes from its own graph: `value` (its type differs per indicator) is null exactly when "
            + "`reason` is not, and `source` is always `COMPUTED`.";
        Field<NonNullGraphType<IndicatorSourceType>>("source").Description("Where the value comes from: always `COMPUTED`.");
        Field<IndicatorNullReasonType>("reason").Description("Why `value` is null, or null when there is a value.");
        Field<StringGraphType>("reasonText").Description("The reason in words (for example \"no references in the graph\"), or null when there is a value.");
    }
}

/// <summary>Makes a result type a <c>ComputedIndicator</c>.</summary>
internal static class ComputedIndicatorTypeExtensions
{
    /// <summary>Adds the interface, its type check and the <c>source</c>, <c>reason</c> and <c>reasonText</c> fields.</summary>
    public static void ImplementComputedIndicator<T>(this ObjectGraphType<T> type, Func<T, IndicatorNullReason?> reasonOf)
    {
        type.Interface<ComputedIndicatorInterfaceType>();
        type.IsTypeOf = o => o is T;
        type.Field<NonNullGraphType<IndicatorSourceType>>("source").Description("Where the value comes from: always `COMPUTED`.")
            .Resolve(_ => IndicatorSource.Computed);
        type.Field<IndicatorNullReasonType>("reason").Description("Why `value` is null, or null when there is a value.")
            .Resolve(c => reasonOf(c.Source));
        type.Field<StringGraphType>("reasonText").Description("The reason in words, or null when there is a value.")
            .Resolve(c => reasonOf(c.Source) is { } reason ? IndicatorNullReasons.Describe(reason) : null);
    }

    /// <summary>The same for a result that is its own reason carrier.</summary>
    public static void ImplementComputedIndicator<T>(this ObjectGraphType<T> type) where T : IComputedIndicator =>
        type.ImplementComputedIndicator(r => r.Reason);
}
