using ScholarGraph.Graph.Indicators;
using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Tests.Scholarly;

/// <summary>
/// <see cref="ScholarlyIndex.WithPapers"/> against the reference: an index built in full from the same rows. Every answer
/// (networks, paths, metrics) must be the same, compared by keys because ids of new keys may be given in another order.
/// </summary>
public sealed class IndexOverlayTests
{
    private static List<PaperRows> RandomPapers(int count, int seed)
    {
        var random = new Random(seed);
        var papers = new List<PaperRows>();
        for (var paper = 0; paper < count; paper++)
        {
            var authors = Enumerable.Range(0, 1 + random.Next(5))
                .Select(_ => $"a{(random.Next(4) == 0 ? random.Next(5) : random.Next(120))}").ToArray();
            var topics = Enumerable.Range(0, random.Next(3)).Select(_ => new PaperTopicRow($"t{random.Next(6)}", random.NextDouble())).ToArray();
            var cited = paper == 0 ? [] : Enumerable.Range(0, random.Next(4)).Select(_ => $"p{random.Next(paper)}").ToArray();
            papers.Add(new PaperRows($"p{paper}", paper % 9 == 0 ? null : new DateOnly(2000 + random.Next(20), 1, 1), authors, topics, cited,
                random.Next(4) == 0 ? null : $"v{random.Next(paper / 30 + 2)}"));
        }

        return papers;
    }

    private static ScholarlyIndex BuildFull(IEnumerable<PaperRows> papers)
    {
        var builder = new ScholarlyIndexBuilder();
        for (var topic = 0; topic < 6; topic++)
            builder.AddTopic($"t{topic}");
        foreach (var paper in papers)
        {
            builder.AddPaper(paper.PaperKey, paper.PublicationDate, paper.VenueKey);
            foreach (var author in paper.AuthorKeys)
                builder.AddAuthorship(paper.PaperKey, author);
            foreach (var topic in paper.Topics)
                builder.AddPaperTopic(paper.PaperKey, topic.TopicKey, topic.Score);
            foreach (var cited in paper.CitedPaperKeys)
                builder.AddCitation(paper.PaperKey, cited);
        }

        return builder.Build();
    }

    /// <summary>Every answer the server gives about authors, in keys, for every author of <paramref name="reference"/>.</summary>
    private static void AssertSameAnswers(ScholarlyIndex reference, ScholarlyIndex patched)
    {
        var compared = 0;
        for (var id = 0; id < reference.Authors.Count; id++)
        {
            var key = reference.Authors.KeyOf(id);
            Assert.True(patched.Authors.TryGetId(key, out var other), key);
            Assert.Equal(Metrics(reference, id), Metrics(patched, other));
            foreach (var filter in new Func<ScholarlyIndex, Func<int, bool>?>[] { _ => null, i => i.PaperFilter(new DateOnly(2005, 1, 1), null, null) })
            {
                // No node cap: with a cap, equal ties go to the lower id, and ids of the two indexes differ.
                var expected = Network(reference, CoauthorNetwork.Explore(reference, id, 2, 1, filter(reference), int.MaxValue));
                var actual = Network(patched, CoauthorNetwork.Explore(patched, other, 2, 1, filter(patched), int.MaxValue));
                Assert.Equal(expected, actual);
                compared++;
            }

            var target = reference.Authors.KeyOf((id * 7 + 3) % reference.Authors.Count);
            patched.Authors.TryGetId(target, out var patchedTarget);
            Assert.Equal(Paths(reference, CollaborationPaths.Find(reference, id, reference.Authors.TryGetId(target, out var t) ? t : -1, 6, 3)),
                Paths(patched, CollaborationPaths.Find(patched, other, patchedTarget, 6, 3)));
        }

        Assert.True(compared > 100);
        AssertSamePaperAnswers(reference, patched);
    }

    /// <summary>Every computed indicator of every paper of <paramref name="reference"/>, in keys.</summary>
    private static void AssertSamePaperAnswers(ScholarlyIndex reference, ScholarlyIndex patched)
    {
        var (referenceImpact, patchedImpact) = (FieldNormalizedImpact.Compute(reference), FieldNormalizedImpact.Compute(patched));
        var (referenceNovelty, patchedNovelty) = (CombinationNovelty.Create(reference), CombinationNovelty.Create(patched));
        var (referenceTrends, patchedTrends) = (TopicTrends.Compute(reference), TopicTrends.Compute(patched));
        for (var id = 0; id < reference.Papers.Count; id++)
        {
            var key = reference.Papers.KeyOf(id);
            Assert.True(patched.Papers.TryGetId(key, out var other), key);
            Assert.Equal(Keys(reference, reference.CitedByOf(id)), Keys(patched, patched.CitedByOf(other)));
            Assert.Equal(Keys(reference, reference.ReferencesOf(id)), Keys(patched, patched.ReferencesOf(other)));
            Assert.Equal(VenueKey(reference, id), VenueKey(patched, other));
            Assert.Equal(DisruptionIndex.Compute(reference, id), DisruptionIndex.Compute(patched, other));
            Assert.Equal(referenceImpact.Of(id), patchedImpact.Of(other));
            Assert.Equal(referenceNovelty.Of(id), patchedNovelty.Of(other));
            Assert.Equal(CitationTimeline.ByYear(reference, id), CitationTimeline.ByYear(patched, other));
            Assert.Equal(Related(reference, RelatedWork.Related(reference, id, int.MaxValue)), Related(patched, RelatedWork.Related(patched, other, int.MaxValue)));
        }

        for (var topic = 0; topic < reference.Topics.Count; topic++)
        {
            Assert.Equal(referenceTrends.PapersPerYear(topic).ToArray(), patchedTrends.PapersPerYear(topic).ToArray());
        }
    }

    private static string Keys(ScholarlyIndex index, ReadOnlySpan<int> papers) =>
        string.Join(",", papers.ToArray().Select(index.Papers.KeyOf).Order(StringComparer.Ordinal));

    private static string? VenueKey(ScholarlyIndex index, int paper) =>
        index.VenueOf(paper) is var venue && venue == ScholarlyIndex.None ? null : index.Venues.KeyOf(venue);

    // Equal scores tie-break by id, and ids differ between the indexes, so the lists are compared as sets.
    private static string Related(ScholarlyIndex index, IEnumerable<RelatedPaper> related) =>
        string.Join(";", related.Select(r => $"{index.Papers.KeyOf(r.Paper)}:{r.CoCitations}:{r.Couplings}").Order(StringComparer.Ordinal));

    private static string Metrics(ScholarlyIndex index, int author)
    {
        var m = index.ComputeAuthorMetrics(author);
        return $"{m.PaperCount} {m.CitationCount} {m.HIndex} {m.I10Index} {string.Join(",", m.PapersPerYear)}";
    }

    // Ids differ between the two indexes, so nodes and edges are compared as sorted sets of keys.
    private static string Network(ScholarlyIndex index, CoauthorNetwork network) =>
        string.Join(";", network.Nodes.Select(n => $"{index.Authors.KeyOf(n.Author)}@{n.Distance}/{n.PapersInNetwork}").Order())
        + "|" + string.Join(";", network.Edges.Select(e => string.Join("-", new[] { index.Authors.KeyOf(e.Source), index.Authors.KeyOf(e.Target) }.Order())
            + $":{e.Weight}:{e.FirstYear}:{e.LastYear}:" + string.Join(",", e.SharedPapers.Select(index.Papers.KeyOf).Order())).Order());

    private static string Paths(ScholarlyIndex index, IReadOnlyList<CollaborationPath> paths) =>
        paths.Count == 0 ? "none" : $"{paths.Count}x{paths[0].Hops.Length}";

    [Fact]
    public void Papers_added_one_by_one_answer_as_a_full_build()
    {
        var papers = RandomPapers(300, 3);
        var index = BuildFull(papers.Take(240));
        foreach (var paper in papers.Skip(240))
            index = index.WithPapers([paper], []);

        Assert.Equal(60, index.ChangedPaperCount);
        AssertSameAnswers(BuildFull(papers), index);
    }

    [Fact]
    public void Removed_and_rewritten_papers_answer_as_a_full_build_without_them()
    {
        var papers = RandomPapers(300, 5);
        var index = BuildFull(papers);
        var removed = papers.Where((_, i) => i % 10 == 4).ToArray();
        var kept = papers.Except(removed).Select(p => p with { CitedPaperKeys = p.CitedPaperKeys.Except(removed.Select(r => r.PaperKey)).ToArray() }).ToList();
        // The store deletes citations to a removed paper, so the citing papers change too.
        var citing = kept.Where(p => papers.First(o => o.PaperKey == p.PaperKey).CitedPaperKeys.Count != p.CitedPaperKeys.Count).ToArray();
        index = index.WithPapers([.. removed.Select(r => PaperRows.Removed(r.PaperKey)), .. citing], []);

        var reference = BuildFull(kept);
        AssertSameAnswers(reference, index);
    }

    [Fact]
    public void The_current_papers_of_a_topic_follow_added_retopicked_and_removed_papers_as_a_full_build()
    {
        var papers = RandomPapers(300, 7);
        var index = BuildFull(papers.Take(250));
        var retopicked = papers.Take(250).Where((_, i) => i % 7 == 2)
            .Select(p => p with { Topics = [new PaperTopicRow($"t{p.PaperKey.Length % 6}", 0.5)] }).ToList();
        var removed = papers.Take(250).Where((_, i) => i % 11 == 5).Select(p => p.PaperKey).Except(retopicked.Select(p => p.PaperKey)).ToHashSet();
        index = index.WithPapers([.. papers.Skip(250), .. retopicked, .. removed.Select(PaperRows.Removed)], []);

        var current = papers.Where(p => !removed.Contains(p.PaperKey))
            .Select(p => retopicked.FirstOrDefault(r => r.PaperKey == p.PaperKey) ?? p).ToList();
        var reference = BuildFull(current);
        Assert.True(index.ChangedPaperCount > 50);
        for (var topic = 0; topic < 6; topic++)
        {
            Assert.True(index.Topics.TryGetId($"t{topic}", out var id));
            Assert.True(reference.Topics.TryGetId($"t{topic}", out var referenceId));
            var expected = reference.PapersWithTopic(referenceId).ToArray().Select(reference.Papers.KeyOf).Order(StringComparer.Ordinal);
            Assert.Equal(expected, index.CurrentPapersWithTopic(id).Select(index.Papers.KeyOf).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_removed_paper_alone_takes_its_citations_both_ways_with_it()
    {
        // deletePaper publishes only the removed paper; the papers that cited it are not reread, yet no longer cite it.
        var papers = RandomPapers(300, 6);
        var index = BuildFull(papers);
        var removed = papers.Where((_, i) => i % 25 == 3).Select(p => p.PaperKey).ToHashSet();
        var kept = papers.Where(p => !removed.Contains(p.PaperKey))
            .Select(p => p with { CitedPaperKeys = p.CitedPaperKeys.Where(c => !removed.Contains(c)).ToArray() }).ToList();
        Assert.Contains(papers, p => p.CitedPaperKeys.Any(removed.Contains));
        index = index.WithPapers(removed.Select(PaperRows.Removed).ToArray(), []);

        Assert.All(removed, key => Assert.Empty(index.CitedByOf(index.Papers.TryGetId(key, out var id) ? id : -1).ToArray()));
        AssertSameAnswers(BuildFull(kept), index);
    }

    [Fact]
    public void A_merge_of_two_authors_answers_as_a_full_build_with_one_author()
    {
        var papers = RandomPapers(300, 9);
        var index = BuildFull(papers);
        var merged = papers.Select(p => p with { AuthorKeys = p.AuthorKeys.Select(a => a == "a7" ? "a3" : a).ToArray() }).ToList();
        index = index.WithPapers(merged.Where(p => papers.First(o => o.PaperKey == p.PaperKey).AuthorKeys.Contains("a7")).ToArray(), []);

        Assert.Empty(index.Authorship.PapersOf(index.Authors.TryGetId("a7", out var gone) ? gone : -1).ToArray());
        var reference = BuildFull(merged);
        AssertSameAnswers(reference, index);
    }
}
