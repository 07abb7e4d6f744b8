namespace ScholarGraph.GraphQL.Data.Aggregates.Expressions;

/// <summary>One key a grouping reads from an item; public only so that EF Core can construct it inside a query.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class GroupRow<TKey>
{
    /// <summary>The key's value.</summary>
    public TKey Key { get; set; } = default!;

    /// <summary>The key's label, or <c>null</c>.</summary>
    public string? Label { get; set; }
}

/// <summary>One key a grouping reads from a child of a parent; public only so that EF Core can construct it inside a query.</summary>
/// <typeparam name="TParentKey">The parent's key type.</typeparam>
/// <typeparam name="TKey">The grouping key type.</typeparam>
public sealed class ParentGroupRow<TParentKey, TKey>
{
    /// <summary>The parent's key.</summary>
    public TParentKey Parent { get; set; } = default!;

    /// <summary>The grouping key's value.</summary>
    public TKey Key { get; set; } = default!;

    /// <summary>The key's label, or <c>null</c>.</summary>
    public string? Label { get; set; }
}
