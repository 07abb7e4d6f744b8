using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Filtering.Extensions;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Coauthors;

/// <summary>
/// Derives coauthors from shared papers: one grouped self-join of authorships per batch of authors gives every coauthor with the
/// number of shared papers; pages are then cut from those rows with the same keyset cursors as everywhere else.
/// </summary>
internal static class CoauthorLoader
{
    /// <summary>Strongest tie first, then by name and id.</summary>
    public static readonly KeysetOrdering<Coauthor> StrongestFirst = KeysetOrdering<Coauthor>.Named("Coauthor:strongest")
        .ThenByDescending(c => c.SharedPaperCount).ThenBy(c => c.Author.Name).ThenBy(c => c.Author.Id);

    public static IDataLoaderResult<Connection<Coauthor>?> Load(IResolveFieldContext context, string authorId) =>
        context.LoadChildConnection<ScholarGraphDbContext, Author, string, Coauthor>("Author.coauthors", authorId,
            (db, keys) => db.Authors.Where(a => keys.Contains(a.Id)), a => a.Id,
            (db, batch) => Ties(db, batch, context.FilterArgument<Author>()), StrongestFirst);

    /// <summary>
    /// The coauthors of an author: authorship pairs grouped per (author, coauthor), joined to the coauthor, then correlated by one
    /// equality as the last step, so that the keyset predicate, the order and the per-author LIMIT run in SQL (ROW_NUMBER over
    /// the grouped ties) and the field's <c>where</c> filters the coauthor there too. Only the batch's authorships are paired, so
    /// the query reads what the batch touches, not every pair of the store.
    /// </summary>
    private static Expression<Func<Author, IEnumerable<Coauthor>>> Ties(
        ScholarGraphDbContext db, IQueryable<string> batch, Expression<Func<Author, bool>>? filter)
    {
        var coauthors = filter is null ? db.Authors : db.Authors.Where(filter);
        return center => (
                from mine in db.Authorships
                where batch.Contains(mine.AuthorId)
                join theirs in db.Authorships on mine.PaperId equals theirs.PaperId
                where theirs.AuthorId != mine.AuthorId
                group theirs by new { Center = mine.AuthorId, Other = theirs.AuthorId } into tie
                select new { tie.Key.Center, tie.Key.Other, Shared = tie.Count() } into tie
                join author in coauthors on tie.Other equals author.Id
                select new { tie.Center, Coauthor = new Coauthor { Author = author, SharedPaperCount = tie.Shared } })
            .Where(t => t.Center == center.Id)
            .Select(t => t.Coauthor);
    }
}
