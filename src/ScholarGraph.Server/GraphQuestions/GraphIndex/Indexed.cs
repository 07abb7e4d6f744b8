namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// A value computed on the graph index together with the snapshot it came from, so that resolvers below it map its dense ids back
/// to keys in the same snapshot even if a write swaps in a new one meanwhile.
/// </summary>
/// <typeparam name="T">The computed value.</typeparam>
/// <param name="Snapshot">The snapshot the value was computed on.</param>
/// <param name="Value">The value.</param>
public sealed record Indexed<T>(GraphSnapshot Snapshot, T Value);
