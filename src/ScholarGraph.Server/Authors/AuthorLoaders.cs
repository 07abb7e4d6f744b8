using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DataLoader;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Server.Papers;
using ScholarGraph.Storage.Database;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Projection;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.Server.GraphQuestions.GraphIndex;

namespace ScholarGraph.Server.Authors;

/// <summary>The queries that read authors and what hangs off them, each batched per selection level.</summary>
internal static class AuthorLoaders
{
    /// <summary>Authors by name; the default order of every author connection.</summary>
    public static readonly KeysetOrdering<Author> AuthorsByName =
        KeysetOrdering<Author>.Named("Author:name").ThenBy(a => a.Name).ThenBy(a => a.Id);

    /// <summary>
    /// The author with key <paramref name="id"/>, batched with every other author the selection asks for. When the selection reads
    /// no column but the id and the name (a network's nodes, <c>node(id:) { ... on Author { name } }</c>, an author's papers), the
    /// graph index answers with the names it holds (<see cref="GraphSnapshot.Names"/>, kept current by every write before the write
    /// returns) and the store is not asked; an author the index does not know is looked up in the store, as is every other selection.
    /// </summary>
    public static IDataLoaderResult<Author?> LoadAuthor(this IResolveFieldContext context, string id)
    {
        if (ReadsOnlyIdAndName(context) && context.RequestServices!.GetRequiredService<GraphIndexHolder>() is { IsBuilt: true } holder
            && holder.Current is var snapshot && snapshot.Index.Authors.TryGetId(id, out var dense) && snapshot.Names.TryGet(id, dense, out var name))
        {
            var author = Task.FromResult<Author?>(new Author { Id = id, Name = name });
            return new DeferredResult<Author?>(_ => author);
        }
        return context.LoadByKey<ScholarGraphDbContext, string, Author>("Author.byId", id,
            (db, keys) => db.Authors.Where(a => keys.Contains(a.Id)), a => a.Id);
    }

    // Whether the selection below the field reads no column but the id and the name, as the projection names them (the key is
    // always read). The answer depends only on the field's place in its document, so it is worked out once per parsed field
    // (a network's 2,000 nodes share one) and kept as long as the document is.
    private static bool ReadsOnlyIdAndName(IResolveFieldContext context) =>
        IdAndNameOnly.GetValue(context.FieldAst, _ => new StrongBox<bool>(context.ProjectionFor<Author>(SelectionPaths.Self)?.Signature
            is "" or nameof(Author.Id) or nameof(Author.Name) or $"{nameof(Author.Id)},{nameof(Author.Name)}")).Value;

    private static readonly ConditionalWeakTable<GraphQLParser.AST.GraphQLField, StrongBox<bool>> IdAndNameOnly = new();

    /// <summary>A page of all authors: cut from the names beside the graph index where it can be (<see cref="AuthorPagesFromIndex"/>), else one query.</summary>
    public static Task<Connection<Author>> LoadAuthorsAsync(this IResolveFieldContext context) =>
        AuthorPagesFromIndex.TryLoad(context) is { } page
            ? Task.FromResult(page)
            : context.LoadConnectionAsync<ScholarGraphDbContext, Author>(db => db.Authors, AuthorsByName);

    /// <summary>The metrics sources report about an author, by source.</summary>
    public static IDataLoaderResult<IReadOnlyList<ReportedAuthorMetrics>> LoadReportedMetrics(this IResolveFieldContext context, string authorId) =>
        context.LoadList<ScholarGraphDbContext, string, ReportedAuthorMetrics, ReportedAuthorMetrics>("Author.reportedMetrics",
            authorId, (db, keys) => db.ReportedAuthorMetrics.Where(m => keys.Contains(m.AuthorId)), m => m.AuthorId, m => m,
            rows => rows.OrderBy(m => m.Source));

    /// <summary>
    /// A page of an author's papers, newest first: cut from the graph index where it can be (<see cref="PaperPagesFromIndex"/>),
    /// else one windowed query for the selection level.
    /// </summary>
    public static IDataLoaderResult<Connection<Paper>?> LoadPapersOfAuthor(this IResolveFieldContext context, string authorId) =>
        PaperPagesFromIndex.TryLoadOfAuthor(context, authorId) ?? context.LoadChildConnection<ScholarGraphDbContext, Author, string, Paper>("Author.papers", authorId,
            (db, keys) => db.Authors.Where(a => keys.Contains(a.Id)), a => a.Id,
            (_, _) => a => a.Authorships.Select(s => s.Paper!), PaperLoaders.PapersNewestFirst);

    /// <summary>The institutions an author is affiliated with or that a paper lists for the author, by name.</summary>
    public static IDataLoaderResult<IReadOnlyList<Institution>> LoadInstitutionsOfAuthor(this IResolveFieldContext context, string authorId) =>
        context.LoadList<ScholarGraphDbContext, string, AuthorInstitution, Institution>("Author.institutions", authorId,
            (db, keys) => db.Affiliations.Where(a => keys.Contains(a.AuthorId))
                .Select(a => new { a.AuthorId, a.InstitutionId })
                .Union(db.Authorships.Where(s => keys.Contains(s.AuthorId) && s.InstitutionId != null)
                    .Select(s => new { s.AuthorId, InstitutionId = s.InstitutionId! }))
                .Join(db.Institutions, x => x.InstitutionId, i => i.Id, (x, i) => new AuthorInstitution { AuthorId = x.AuthorId, Institution = i }),
            a => a.AuthorId, a => a.Institution,
            rows => rows.OrderBy(a => a.Institution.Name).ThenBy(a => a.Institution.Id));

    /// <summary>The topics of an author's papers with a paper count each, most papers first.</summary>
    public static IDataLoaderResult<IReadOnlyList<AuthorTopic>> LoadTopicsOfAuthor(this IResolveFieldContext context, string authorId) =>
        context.LoadGroup<ScholarGraphDbContext, string, AuthorTopic>("Author.topics", authorId,
            (db, keys) => db.Authorships.Where(s => keys.Contains(s.AuthorId))
                .SelectMany(s => s.Paper!.Topics, (s, t) => new { s.AuthorId, t.Topic })
                .GroupBy(x => new { x.AuthorId, x.Topic!.Id, x.Topic.Name })
                // Ordered before the positional record is built: EF Core cannot order by a constructor argument.
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name).ThenBy(g => g.Key.Id)
                .Select(g => new AuthorTopic(g.Key.AuthorId, g.Key.Id, g.Key.Name, g.Count())),
            t => t.AuthorId);

    /// <summary>An institution of an author, as one row of the batched query.</summary>
    internal sealed class AuthorInstitution
    {
        public required string AuthorId { get; init; }

        public required Institution Institution { get; init; }
    }
}
