namespace ScholarGraph.GraphQL.Data.Filtering.Types;

/// <summary>The argument filtering adds to a field.</summary>
public static class FilterArguments
{
    /// <summary>The filter argument's name, <c>where</c>, as Hot Chocolate names it.</summary>
    public const string Where = "where";
}
