using GraphQL.Types;

namespace ScholarGraph.GraphQL.Data.Paging.Types;

/// <summary>The Relay <c>PageInfo</c> type, with Hot Chocolate's field names.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    /// <summary>Defines the fields.</summary>
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage")
            .Description("Indicates whether more edges exist following the set defined by the client's arguments.")
            .Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("Indicates whether more edges exist prior to the set defined by the client's arguments.")
            .Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor")
            .Description("When paginating backwards, the cursor to continue.")
            .Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor")
            .Description("When paginating forwards, the cursor to continue.")
            .Resolve(c => c.Source.EndCursor);
    }
}
