namespace ScholarGraph.GraphQL.Data.Batching.Expressions;

/// <summary>
/// One element of a batched list with the key of the parent it belongs to; public only so that EF Core can construct it in a
/// projection.
/// </summary>
/// <typeparam name="TKey">The parent key type.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
public sealed class KeyedElement<TKey, T>
{
    /// <summary>The parent's key.</summary>
    public TKey Key { get; set; } = default!;

    /// <summary>The element.</summary>
    public T Element { get; set; } = default!;
}
