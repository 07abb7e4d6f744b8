using Microsoft.EntityFrameworkCore;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.GraphIndex;

/// <summary>Reads the key columns the graph index needs from the store, row by row, into a <see cref="ScholarlyIndexBuilder"/>.</summary>
internal static class GraphIndexLoader
{
    /// <summary>
    /// Builds a snapshot from the store: six streaming, untracked queries of key columns only (papers with dates, authors, topics,
    /// authorships, paper topics, citations), so no entity is materialised and memory is the builder's rows.
    /// </summary>
    public static async Task<GraphSnapshot> LoadAsync(IDbContextFactory<ScholarGraphDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var builder = new ScholarlyIndexBuilder();
        await foreach (var paper in db.Papers.AsNoTracking().Select(p => new { p.Id, p.PublicationDate }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddPaper(paper.Id, paper.PublicationDate);
        await foreach (var author in db.Authors.AsNoTracking().Select(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddAuthor(author);
        await foreach (var topic in db.Topics.AsNoTracking().Select(t => t.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddTopic(topic);
        await foreach (var s in db.Authorships.AsNoTracking().Select(s => new { s.PaperId, s.AuthorId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddAuthorship(s.PaperId, s.AuthorId);
        await foreach (var t in db.PaperTopics.AsNoTracking().Select(t => new { t.PaperId, t.TopicId, t.Score }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddPaperTopic(t.PaperId, t.TopicId, t.Score);
        await foreach (var c in db.Citations.AsNoTracking().Select(c => new { c.CitingPaperId, c.CitedPaperId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            builder.AddCitation(c.CitingPaperId, c.CitedPaperId);
        return new GraphSnapshot(builder.Build());
    }
}
