using GraphQL.Types;

namespace ScholarGraph.Server.Papers;

/// <summary>The <c>Date</c> scalar (a calendar date, <c>yyyy-MM-dd</c>), named as Hot Chocolate names it.</summary>
public sealed class DateGraphType : DateOnlyGraphType
{
    /// <summary>Names the scalar.</summary>
    public DateGraphType()
    {
        Name = "Date";
        Description = "The `Date` scalar represents an ISO-8601 compliant date type (`yyyy-MM-dd`).";
    }
}
