using GraphQL;
using GraphQL.DataLoader;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Storage.Database;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Batching.Extensions;

namespace ScholarGraph.Server.Papers;

/// <summary>The queries that read papers and what hangs off them, each batched per selection level.</summary>
internal static class PaperLoaders
{
    /// <summary>Papers newest first, papers without a date last; the default order of every paper connection.</summary>
    public static readonly KeysetOrdering<Paper> PapersNewestFirst =
        KeysetOrdering<Paper>.Named("Paper:newest").ThenByDescending(p => p.PublicationDate).ThenBy(p => p.Id);

    /// <summary>The paper with key <paramref name="id"/>, batched with every other paper the selection asks for.</summary>
    public static IDataLoaderResult<Paper?> LoadPaper(this IResolveFieldContext context, string id) =>
        context.LoadByKey<ScholarGraphDbContext, string, Paper>("Paper.byId", id,
            (db, keys) => db.Papers.Where(p => keys.Contains(p.Id)), p => p.Id);

    /// <summary>A page of all papers, by cursor.</summary>
    public static Task<Connection<Paper>> LoadPapersAsync(this IResolveFieldContext context) =>
        context.LoadConnectionAsync<ScholarGraphDbContext, Paper>(db => db.Papers, PapersNewestFirst);

    /// <summary>A segment of all papers, by offset.</summary>
    public static Task<CollectionSegment<Paper>> LoadPaperSegmentAsync(this IResolveFieldContext context) =>
        context.LoadCollectionSegmentAsync<ScholarGraphDbContext, Paper>(db => db.Papers, PapersNewestFirst);

    /// <summary>A paper's authorships: printed positions first, in order, then those without a position.</summary>
    public static IDataLoaderResult<IReadOnlyList<Authorship>> LoadAuthorshipsOfPaper(this IResolveFieldContext context, string paperId) =>
        context.LoadList<ScholarGraphDbContext, string, Authorship, Authorship>("Paper.authors", paperId,
            (db, keys) => db.Authorships.Where(a => keys.Contains(a.PaperId)), a => a.PaperId, a => a,
            rows => rows.OrderBy(a => a.Position == null).ThenBy(a => a.Position).ThenBy(a => a.AuthorId));

    /// <summary>The institutions a paper names, in printed order.</summary>
    public static IDataLoaderResult<IReadOnlyList<Institution>> LoadInstitutionsOfPaper(this IResolveFieldContext context, string paperId) =>
        context.LoadList<ScholarGraphDbContext, string, PaperInstitution, Institution>("Paper.institutions", paperId,
            (db, keys) => db.PaperInstitutions.Where(l => keys.Contains(l.PaperId)), l => l.PaperId, l => l.Institution!,
            rows => rows.OrderBy(l => l.Position).ThenBy(l => l.InstitutionId));

    /// <summary>The topics a paper covers, most relevant first.</summary>
    public static IDataLoaderResult<IReadOnlyList<PaperTopic>> LoadTopicsOfPaper(this IResolveFieldContext context, string paperId) =>
        context.LoadList<ScholarGraphDbContext, string, PaperTopic, PaperTopic>("Paper.topics", paperId,
            (db, keys) => db.PaperTopics.Where(t => keys.Contains(t.PaperId)), t => t.PaperId, t => t,
            rows => rows.OrderByDescending(t => t.Score).ThenBy(t => t.TopicId));

    /// <summary>A paper's citations per year as outside sources report them, by source, then oldest year first.</summary>
    public static IDataLoaderResult<IReadOnlyList<ReportedYearCitations>> LoadReportedCitationsByYear(this IResolveFieldContext context, string paperId) =>
        context.LoadList<ScholarGraphDbContext, string, ReportedCitationsInYear, ReportedYearCitations>("Paper.reportedCitationsByYear", paperId,
            (db, keys) => db.ReportedCitationsByYear.Where(y => keys.Contains(y.PaperId)), y => y.PaperId,
            y => new ReportedYearCitations(y.Year, y.CitationCount, y.Source, y.Paper!.ReportedUpdatedAt),
            rows => rows.OrderBy(y => y.Source).ThenBy(y => y.Year));

    /// <summary>A page of the papers a paper cites, newest first.</summary>
    public static IDataLoaderResult<Connection<Paper>?> LoadCitedPapers(this IResolveFieldContext context, string paperId) =>
        context.LoadChildConnection<ScholarGraphDbContext, Paper, string, Paper>("Paper.cites", paperId,
            (db, keys) => db.Papers.Where(p => keys.Contains(p.Id)), p => p.Id,
            (_, _) => p => p.References.Select(r => r.CitedPaper!), PapersNewestFirst);

    /// <summary>A page of the papers that cite a paper, newest first.</summary>
    public static IDataLoaderResult<Connection<Paper>?> LoadCitingPapers(this IResolveFieldContext context, string paperId) =>
        context.LoadChildConnection<ScholarGraphDbContext, Paper, string, Paper>("Paper.citedBy", paperId,
            (db, keys) => db.Papers.Where(p => keys.Contains(p.Id)), p => p.Id,
            (_, _) => p => p.CitedBy.Select(r => r.CitingPaper!), PapersNewestFirst);
}
