using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Domain;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Tests.GraphQuestions;

/// <summary>A SQLite server whose graph index merges its overlay of changed papers after three of them.</summary>
public sealed class SmallOverlayFactory() : ScholarGraphFactory("Sqlite", new() { ["GraphIndex:MergeThreshold"] = "3" });

/// <summary>
/// Writes published through <see cref="GraphChangePublisher"/> reach the graph queries as soon as the publish returns, applied to
/// the index paper by paper (no full rebuild), and the background merge into a new full build changes no answer.
/// </summary>
public sealed class GraphIndexOverlayTests(SmallOverlayFactory server) : IClassFixture<SmallOverlayFactory>
{
    private const string Query = """
        query($a: ID!, $b: ID!, $c: ID!) {
          coauthorNetwork(authorId: $a, depth: 2) { nodes { distance author { id } } edges { weight firstYear lastYear source { id } target { id } } }
          collaborationPath(fromAuthorId: $a, toAuthorId: $c) { reason path { length } }
          b: author(id: $b) { computedMetrics { paperCount papersPerYear { year count } } }
          c: author(id: $c) { computedMetrics { paperCount } }
        }
        """;

    private static readonly object Ids = new { a = SeedGraph.AuthorId("ov-a"), b = SeedGraph.AuthorId("ov-b"), c = SeedGraph.AuthorId("ov-c") };

    private GraphIndexHolder Holder => server.Services.GetRequiredService<GraphIndexHolder>();

    [Fact]
    public async Task Added_removed_and_merged_papers_are_answered_at_once_and_the_background_merge_changes_nothing()
    {
        await using (var db = await Db())
        {
            db.Authors.AddRange(new Author { Id = "ov-a", Name = "Overlay A" }, new Author { Id = "ov-b", Name = "Overlay B" }, new Author { Id = "ov-c", Name = "Overlay C" });
            await db.SaveChangesAsync();
        }

        await Publish(new AuthorAdded("ov-a"), new AuthorAdded("ov-b"), new AuthorAdded("ov-c"));
        var before = await server.QueryAsync(Query, Ids);
        Assert.Empty(Network(before));
        Assert.Equal("no-path", PathOf(before));

        await AddPaperAsync("ov-p1", 2021, "ov-a", "ov-b");
        var added = await server.QueryAsync(Query, Ids);
        Assert.Equal(["ov-a-ov-b:1:2021-2021"], Network(added));
        Assert.Equal(1, PaperCount(added, "b"));
        Assert.Equal("no-path", PathOf(added));
        Assert.Equal(1, Holder.Current.Index.ChangedPaperCount);

        await AddPaperAsync("ov-p2", 2023, "ov-b", "ov-c");
        var joined = await server.QueryAsync(Query, Ids);
        Assert.Equal(["ov-a-ov-b:1:2021-2021", "ov-b-ov-c:1:2023-2023"], Network(joined));
        Assert.Equal("2", PathOf(joined));
        Assert.Equal(2, PaperCount(joined, "b"));

        await using (var db = await Db())
        {
            await db.Authorships.Where(s => s.PaperId == "ov-p2").ExecuteDeleteAsync();
            await db.Papers.Where(p => p.Id == "ov-p2").ExecuteDeleteAsync();
        }

        await Publish(new PaperRemoved("ov-p2"));
        var removed = await server.QueryAsync(Query, Ids);
        Assert.Equal(["ov-a-ov-b:1:2021-2021"], Network(removed));
        Assert.Equal("no-path", PathOf(removed));
        Assert.Equal(0, PaperCount(removed, "c"));

        // ov-c writes ov-p3 with ov-a, then ov-c turns out to be ov-b: ov-p3 moves to ov-b, whose tie to ov-a grows to two papers.
        var merging = Holder.Merge;
        await AddPaperAsync("ov-p3", 2024, "ov-a", "ov-c");
        await using (var db = await Db())
            await db.Authorships.Where(s => s.AuthorId == "ov-c").ExecuteUpdateAsync(s => s.SetProperty(x => x.AuthorId, "ov-b"));
        await Publish(new AuthorsMerged("ov-b", "ov-c"));
        var merged = await server.QueryAsync(Query, Ids);
        Assert.Equal(["ov-a-ov-b:2:2021-2024"], Network(merged));
        Assert.Equal(2, PaperCount(merged, "b"));
        Assert.Equal(0, PaperCount(merged, "c"));

        // ov-p3 was the third changed paper: a full build began in the background; the authors' merge (which rebuilds in full, to
        // drop the removed author's key) either ran during it, and the background build gave way, or after it.
        await Holder.Merge;
        Assert.NotSame(merging, Holder.Merge);
        Assert.Equal(0, Holder.Current.Index.ChangedPaperCount);
        Assert.Equal(merged.GetRawText(), (await server.QueryAsync(Query, Ids)).GetRawText());

        // Three more papers through the overlay; the third starts a background merge that must become current and answer the same.
        foreach (var (paper, year) in new[] { ("ov-p4", 2025), ("ov-p5", 2025), ("ov-p6", 2026) })
            await AddPaperAsync(paper, year, "ov-a", "ov-b");
        var overlaid = await server.QueryAsync(Query, Ids);
        Assert.Equal(["ov-a-ov-b:5:2021-2026"], Network(overlaid));
        await Holder.Merge;
        Assert.Equal(0, Holder.Current.Index.ChangedPaperCount);
        Assert.Equal(overlaid.GetRawText(), (await server.QueryAsync(Query, Ids)).GetRawText());
    }

    private async Task<ScholarGraphDbContext> Db() =>
        await server.Services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync();

    private async Task Publish(params GraphChange[] changes) =>
        await server.Services.GetRequiredService<GraphChangePublisher>().PublishAsync(changes);

    private async Task AddPaperAsync(string id, int year, params string[] authors)
    {
        await using (var db = await Db())
        {
            db.Papers.Add(new Paper { Id = id, Title = $"Overlay paper {id}", PublicationDate = new DateOnly(year, 5, 1) });
            for (var i = 0; i < authors.Length; i++)
                db.Authorships.Add(new Authorship { PaperId = id, AuthorId = authors[i], Position = i + 1 });
            await db.SaveChangesAsync();
        }

        await Publish(new PaperAdded(id, authors, []));
    }

    private static string[] Network(JsonElement data) => data.GetProperty("coauthorNetwork").GetProperty("edges").EnumerateArray()
        .Select(e => string.Join("-", new[] { Key(e.GetProperty("source")), Key(e.GetProperty("target")) }.Order())
            + $":{e.GetProperty("weight").GetInt32()}:{e.GetProperty("firstYear")}-{e.GetProperty("lastYear")}")
        .Order().ToArray();

    private static string Key(JsonElement author) => author.GetProperty("id").GetString() switch
    {
        var id when id == SeedGraph.AuthorId("ov-a") => "ov-a",
        var id when id == SeedGraph.AuthorId("ov-b") => "ov-b",
        var id when id == SeedGraph.AuthorId("ov-c") => "ov-c",
        var id => id!,
    };

    private static string PathOf(JsonElement data) => data.GetProperty("collaborationPath") is var result && result.GetProperty("path").ValueKind == JsonValueKind.Null
        ? "no-path"
        : result.GetProperty("path").GetProperty("length").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int PaperCount(JsonElement data, string alias) => data.GetProperty(alias).GetProperty("computedMetrics").GetProperty("paperCount").GetInt32();
}
