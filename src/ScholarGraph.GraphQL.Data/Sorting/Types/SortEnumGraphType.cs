using GraphQL.Types;

namespace ScholarGraph.GraphQL.Data.Sorting.Types;

/// <summary>The direction of a sort key.</summary>
public enum SortDirection
{
    /// <summary>Smallest first.</summary>
    Ascending,

    /// <summary>Largest first.</summary>
    Descending,
}

/// <summary>Hot Chocolate's <c>enum SortEnumType { ASC DESC }</c>.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType
{
    /// <summary>Names the type and its values as Hot Chocolate does.</summary>
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Description = "The direction of a sort key.";
        Add("ASC", SortDirection.Ascending, "Smallest first (null values, where a member can be null, sort as the smallest).");
        Add("DESC", SortDirection.Descending, "Largest first (null values, where a member can be null, sort last).");
    }
}
