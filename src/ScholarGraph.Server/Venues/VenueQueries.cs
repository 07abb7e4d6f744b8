using GraphQL.Types;
using ScholarGraph.GraphQL.Data;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Venues;

/// <summary>The root fields that read venues: <c>venues</c> (a page) and <c>venue(id:)</c>.</summary>
internal static class VenueQueries
{
    /// <summary>Adds <c>venues</c>: all venues, by name unless <c>order</c> says otherwise.</summary>
    public static void AddVenuesField(this ObjectGraphType query, PagingOptions paging) =>
        query.Field<VenuesConnectionType>("venues").Description("All venues, by name unless `order` says otherwise.").WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(VenueFilterInputType), typeof(VenueSortInputType))
            .ResolveAsync(async c => await c.LoadVenuesAsync());

    /// <summary>Adds <c>venue(id:)</c>: the venue with the given global id, or null.</summary>
    public static void AddVenueField(this ObjectGraphType query) =>
        query.Field<VenueType>("venue").Description("The venue with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The venue's global id.")
            .Resolve(c => c.LoadVenue(NodeIds.KeyOf(c, VenueType.TypeName)));
}
