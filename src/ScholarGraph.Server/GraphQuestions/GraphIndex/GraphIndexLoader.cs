using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>Reads the key columns the graph index needs from the store, row by row, into a <see cref="ScholarlyIndexBuilder"/>.</summary>
internal static class GraphIndexLoader
{
    /// <summary>
    /// Builds a snapshot from the store: six streaming, untracked queries of key columns only (papers with dates, venues and titles,
    /// authors with their names, topics with their parents and levels, authorships, paper topics, citations), so no entity is
    /// materialised and memory is the builder's rows. Titles and names are kept beside the index as UTF-8 (<see cref="IndexedTexts"/>).
    /// A topic at OpenAlex's field level is marked as a field, the level field-normalised indicators compare within.
    /// </summary>
    public static async Task<GraphSnapshot> LoadAsync(IDbContextFactory<ScholarGraphDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var builder = new ScholarlyIndexBuilder();
        var titles = new IndexedTexts.Builder();
        await foreach (var paper in db.Papers.AsNoTracking().Select(p => new { p.Id, p.PublicationDate, p.VenueId, p.Title }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            builder.AddPaper(paper.Id, paper.PublicationDate, paper.VenueId);
            titles.Add(paper.Id, paper.Title);
        }
        var names = new IndexedTexts.Builder();
        await foreach (var author in db.Authors.AsNoTracking().Select(a => new { a.Id, a.Name }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            builder.AddAuthor(author.Id);
            names.Add(author.Id, author.Name);
        }
        await foreach (var topic in db.Topics.AsNoTracking().Select(t => new { t.Id, t.ParentId, t.Level }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddTopic(topic.Id, topic.ParentId, topic.Level == TopicLevel.Field);
        await foreach (var s in db.Authorships.AsNoTracking().Select(s => new { s.PaperId, s.AuthorId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddAuthorship(s.PaperId, s.AuthorId);
        await foreach (var t in db.PaperTopics.AsNoTracking().Select(t => new { t.PaperId, t.TopicId, t.Score }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddPaperTopic(t.PaperId, t.TopicId, t.Score);
        await foreach (var c in db.Citations.AsNoTracking().Select(c => new { c.CitingPaperId, c.CitedPaperId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddCitation(c.CitingPaperId, c.CitedPaperId);
        var index = builder.Build();
        return new GraphSnapshot(index, names.Build(index.Authors), titles.Build(index.Papers));
    }

    /// <summary>The names of the authors with keys <paramref name="authors"/>, as the store holds them now (one keyed query).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadNamesAsync(IDbContextFactory<ScholarGraphDbContext> contexts,
        IReadOnlyCollection<string> authors, CancellationToken cancellationToken)
    {
        if (authors.Count == 0)
            return new Dictionary<string, string>();
        var keys = authors.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking().Where(a => keys.Contains(a.Id)).Select(a => new { a.Id, a.Name })
            .ToDictionaryAsync(a => a.Id, a => a.Name, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>
    /// Reads the papers' rows as the store holds them now, for <see cref="ScholarlyIndex.WithPapers"/>, and their titles: four
    /// queries filtered by the keys (papers with dates, venues and titles, authorships, topics, references); a key the store no
    /// longer has comes back as <see cref="PaperRows.Removed"/>, with no title.
    /// </summary>
    public static async Task<(IReadOnlyList<PaperRows> Rows, IReadOnlyDictionary<string, string> Titles)> LoadPapersAsync(
        IDbContextFactory<ScholarGraphDbContext> contexts, IReadOnlyCollection<string> papers, CancellationToken cancellationToken)
    {
        var paperKeys = papers.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var papersRows = await db.Papers.AsNoTracking().Where(p => paperKeys.Contains(p.Id)).Select(p => new { p.Id, p.PublicationDate, p.VenueId, p.Title })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var authors = (await db.Authorships.AsNoTracking().Where(s => paperKeys.Contains(s.PaperId)).Select(s => new { s.PaperId, s.AuthorId })
            .ToListAsync(cancellationToken)).ToLookup(s => s.PaperId, s => s.AuthorId);
        var topics = (await db.PaperTopics.AsNoTracking().Where(t => paperKeys.Contains(t.PaperId)).Select(t => new { t.PaperId, t.TopicId, t.Score })
            .ToListAsync(cancellationToken)).ToLookup(t => t.PaperId, t => new PaperTopicRow(t.TopicId, t.Score));
        var cited = (await db.Citations.AsNoTracking().Where(c => paperKeys.Contains(c.CitingPaperId)).Select(c => new { c.CitingPaperId, c.CitedPaperId })
            .ToListAsync(cancellationToken)).ToLookup(c => c.CitingPaperId, c => c.CitedPaperId);
        var rows = paperKeys.Select(key => papersRows.TryGetValue(key, out var paper)
                ? new PaperRows(key, paper.PublicationDate, [.. authors[key]], [.. topics[key]], [.. cited[key]], paper.VenueId)
                : PaperRows.Removed(key))
            .ToArray();
        return (rows, papersRows.Values.ToDictionary(p => p.Id, p => p.Title, StringComparer.Ordinal));
    }
}
