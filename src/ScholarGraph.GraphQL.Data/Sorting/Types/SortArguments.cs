namespace ScholarGraph.GraphQL.Data.Sorting.Types;

/// <summary>The argument sorting adds to a field.</summary>
public static class SortArguments
{
    /// <summary>The sort argument's name, <c>order</c>, as Hot Chocolate names it.</summary>
    public const string Order = "order";
}
