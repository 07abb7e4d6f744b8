using GraphQL;
using GraphQL.DataLoader;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Server.Papers;
using ScholarGraph.Storage.Database;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Batching.Extensions;

namespace ScholarGraph.Server.Venues;

/// <summary>The queries that read venues and their papers, each batched per selection level.</summary>
internal static class VenueLoaders
{
    /// <summary>Venues by name; the default order of every venue connection.</summary>
    public static readonly KeysetOrdering<Venue> VenuesByName =
        KeysetOrdering<Venue>.Named("Venue:name").ThenBy(v => v.Name).ThenBy(v => v.Id);

    /// <summary>The venue with key <paramref name="id"/>, batched with every other venue the selection asks for.</summary>
    public static IDataLoaderResult<Venue?> LoadVenue(this IResolveFieldContext context, string id) =>
        context.LoadByKey<ScholarGraphDbContext, string, Venue>("Venue.byId", id,
            (db, keys) => db.Venues.Where(v => keys.Contains(v.Id)), v => v.Id);

    /// <summary>A page of all venues.</summary>
    public static Task<Connection<Venue>> LoadVenuesAsync(this IResolveFieldContext context) =>
        context.LoadConnectionAsync<ScholarGraphDbContext, Venue>(db => db.Venues, VenuesByName);

    /// <summary>A page of the papers published in a venue, newest first.</summary>
    public static IDataLoaderResult<Connection<Paper>?> LoadPapersOfVenue(this IResolveFieldContext context, string venueId) =>
        context.LoadChildConnection<ScholarGraphDbContext, Venue, string, Paper>("Venue.papers", venueId,
            (db, keys) => db.Venues.Where(v => keys.Contains(v.Id)), v => v.Id,
            (_, _) => v => v.Papers, PaperLoaders.PapersNewestFirst);
}
