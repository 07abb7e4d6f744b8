namespace ScholarGraph.GraphQL.Data.Aggregates;

/// <summary>How many items of a collection share one value of a grouping key.</summary>
/// <param name="Key">The value, as a string; <c>null</c> for the items that have no value.</param>
/// <param name="Label">A readable name for the value (for example a topic's name); the key itself when the grouping has no label.</param>
/// <param name="Count">How many items have the value.</param>
public sealed record GroupCount(string? Key, string? Label, int Count);
