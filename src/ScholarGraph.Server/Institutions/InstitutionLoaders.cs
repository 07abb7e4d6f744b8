using GraphQL;
using GraphQL.DataLoader;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Papers;
using ScholarGraph.Storage.Database;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Batching.Extensions;

namespace ScholarGraph.Server.Institutions;

/// <summary>The queries that read institutions and what hangs off them, each batched per selection level.</summary>
internal static class InstitutionLoaders
{
    /// <summary>Institutions by name; the default order of every institution connection.</summary>
    public static readonly KeysetOrdering<Institution> InstitutionsByName =
        KeysetOrdering<Institution>.Named("Institution:name").ThenBy(i => i.Name).ThenBy(i => i.Id);

    /// <summary>The institution with key <paramref name="id"/>, batched with every other institution the selection asks for.</summary>
    public static IDataLoaderResult<Institution?> LoadInstitution(this IResolveFieldContext context, string id) =>
        context.LoadByKey<ScholarGraphDbContext, string, Institution>("Institution.byId", id,
            (db, keys) => db.Institutions.Where(i => keys.Contains(i.Id)), i => i.Id);

    /// <summary>A page of all institutions.</summary>
    public static Task<Connection<Institution>> LoadInstitutionsAsync(this IResolveFieldContext context) =>
        context.LoadConnectionAsync<ScholarGraphDbContext, Institution>(db => db.Institutions, InstitutionsByName);

    /// <summary>A page of the authors affiliated with an institution or listed with it on a paper, by name.</summary>
    public static IDataLoaderResult<Connection<Author>?> LoadAuthorsOfInstitution(this IResolveFieldContext context, string institutionId) =>
        context.LoadChildConnection<ScholarGraphDbContext, Institution, string, Author>("Institution.authors", institutionId,
            (db, keys) => db.Institutions.Where(i => keys.Contains(i.Id)), i => i.Id,
            // (institution, author) pairs correlated by one equality as the last step, so SQLite pages them with ROW_NUMBER
            // (see Topic.authors). The pairs are a cross join filtered by EXISTS, because EF Core cannot identify the rows of
            // a UNION of affiliations and authorships inside a collection projection; the cost grows with institutions times
            // authors, acceptable for the seed, to be replaced by a pairs table or the graph index at scale.
            (db, batch) => i => db.Institutions.Where(o => batch.Contains(o.Id)).SelectMany(_ => db.Authors, (other, a) => new { InstitutionId = other.Id, Author = a })
                .Where(x => x.Author.Affiliations.Any(f => f.InstitutionId == x.InstitutionId)
                    || x.Author.Authorships.Any(s => s.InstitutionId == x.InstitutionId))
                .Where(x => x.InstitutionId == i.Id)
                .Select(x => x.Author),
            AuthorLoaders.AuthorsByName);

    /// <summary>A page of the papers that name an institution, newest first.</summary>
    public static IDataLoaderResult<Connection<Paper>?> LoadPapersOfInstitution(this IResolveFieldContext context, string institutionId) =>
        context.LoadChildConnection<ScholarGraphDbContext, Institution, string, Paper>("Institution.papers", institutionId,
            (db, keys) => db.Institutions.Where(i => keys.Contains(i.Id)), i => i.Id,
            (_, _) => i => i.Papers.Select(l => l.Paper!), PaperLoaders.PapersNewestFirst);
}
