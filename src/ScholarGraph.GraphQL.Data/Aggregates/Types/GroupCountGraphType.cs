using GraphQL.Types;

namespace ScholarGraph.GraphQL.Data.Aggregates.Types;

/// <summary>The <c>GroupCount</c> type: one group of a connection's items and its size.</summary>
public sealed class GroupCountGraphType : ObjectGraphType<GroupCount>
{
    /// <summary>Defines the fields.</summary>
    public GroupCountGraphType()
    {
        Name = "GroupCount";
        Description = "How many items of a connection share one value of the grouping key.";
        Field<StringGraphType>("key").Description("The value the items share, or null for the items that have no value.")
            .Resolve(c => c.Source.Key);
        Field<StringGraphType>("label").Description("A readable name for the value (for example a topic's name); the key itself when the "
                + "grouping has no other name, null for the items that have no value.")
            .Resolve(c => c.Source.Label);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many items have the value.")
            .Resolve(c => c.Source.Count);
    }
}
