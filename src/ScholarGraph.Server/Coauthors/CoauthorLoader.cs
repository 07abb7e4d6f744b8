using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data;
using ScholarGraph.GraphQL.Data.Paging;
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

    public static IDataLoaderResult<Connection<Coauthor>> Load(IResolveFieldContext context, string authorId)
    {
        var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>();
        var filter = context.FilterArgument<Author>();
        return context.LoadComputedConnection<string, Coauthor>("Author.coauthors" + context.DataArgumentsKey(), authorId,
            (keys, ct) => FetchAsync(contexts, keys, filter, ct), StrongestFirst);
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<Coauthor>>> FetchAsync(
        IDbContextFactory<ScholarGraphDbContext> contexts, IReadOnlyList<string> authorIds, Expression<Func<Author, bool>>? filter,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The client's filter applies to the coauthor, in SQL, before grouping counts reach memory.
        var coauthors = filter is null ? db.Authors : db.Authors.Where(filter);
        var ties = await (
                from mine in db.Authorships
                where authorIds.Contains(mine.AuthorId)
                join theirs in db.Authorships on mine.PaperId equals theirs.PaperId
                where theirs.AuthorId != mine.AuthorId
                group theirs by new { Center = mine.AuthorId, Other = theirs.AuthorId } into tie
                select new { tie.Key.Center, tie.Key.Other, Shared = tie.Count() } into tie
                join author in coauthors on tie.Other equals author.Id
                select new { tie.Center, tie.Shared, Author = author })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return ties.GroupBy(t => t.Center)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Coauthor>)g.Select(t => new Coauthor(t.Author, t.Shared)).ToList());
    }
}
