using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Venues;

/// <summary>The root fields that read venues: <c>venues</c> (a page) and <c>venue(id:)</c>.</summary>
internal static class VenueQueries
{
    /// <summary>Adds <c>venues</c>: all venues, by name unless <c>order</c> says otherwise.</summary>
    public static void AddVenuesField(this ObjectGraphType query, PagingOptions paging) =>
        query.AddConnectionField<VenuesConnectionType, VenueFilterInputType, VenueSortInputType, Connection<Venue>>(
            "venues", "All venues, by name unless `order` says otherwise.", paging, c => c.LoadVenuesAsync());

    /// <summary>Adds <c>venue(id:)</c>: the venue with the given global id, or null.</summary>
    public static void AddVenueField(this ObjectGraphType query) =>
        query.AddLookupField<VenueType, Venue>("venue", VenueType.TypeName, (c, key) => c.LoadVenue(key));
}
