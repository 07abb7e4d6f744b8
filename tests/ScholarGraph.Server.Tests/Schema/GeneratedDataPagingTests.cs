using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>
/// Offset paging, group counts, nested paging and projection on a generated 300-paper graph on SQLite, checked against answers
/// computed from the seed files the server was loaded from (read by <c>SeedReader</c>).
/// </summary>
public sealed class GeneratedDataPagingTests(GeneratedSqliteScholarGraphFactory server) : IClassFixture<GeneratedSqliteScholarGraphFactory>
{
    private static List<string> Ids(JsonElement list) => list.EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task Offset_pages_of_a_sorted_set_visit_every_paper_once_in_order()
    {
        var graph = server.Graph;
        var expected = graph.Papers.OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => GlobalId.Encode("Paper", p.Id)).ToList();
        var seen = new List<string>();
        for (var skip = 0; ; skip += 50)
        {
            var data = await server.QueryAsync("""
                query($skip: Int) { paperList(skip: $skip, take: 50, order: [{ title: ASC }]) { totalCount pageInfo { hasNextPage } items { id } } }
                """, new { skip });
            var segment = data.GetProperty("paperList");
            Assert.Equal(graph.Papers.Count, segment.GetProperty("totalCount").GetInt32());
            seen.AddRange(Ids(segment.GetProperty("items")));
            if (!segment.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
                break;
        }
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Group_counts_per_year_and_per_topic_match_the_seed_files()
    {
        var graph = server.Graph;
        var perYear = graph.Papers.GroupBy(p => p.PublicationDate?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key ?? "null", g => g.Count());
        var author = graph.Authorships.GroupBy(s => s.AuthorId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var topicNames = graph.Topics.ToDictionary(t => t.Id, t => t.Name);
        var authorPapers = author.Select(s => s.PaperId).ToHashSet();
        var perTopic = graph.PaperTopics.Where(l => authorPapers.Contains(l.PaperId)).GroupBy(l => topicNames[l.TopicId])
            .ToDictionary(g => g.Key, g => g.Count());
        var data = await server.QueryAsync("""
            query($id: ID!) {
              papers(first: 1) { groupCounts(by: YEAR) { key count } }
              author(id: $id) { papers(first: 1) { totalCount groupCounts(by: TOPIC) { label count } } }
            }
            """, new { id = GlobalId.Encode("Author", author.Key) });
        Assert.True(perYear.Count > 3, "the generated graph spans several years");
        Assert.Equal(perYear, data.GetProperty("papers").GetProperty("groupCounts").EnumerateArray()
            .ToDictionary(g => g.GetProperty("key").GetString() ?? "null", g => g.GetProperty("count").GetInt32()));
        var papers = data.GetProperty("author").GetProperty("papers");
        Assert.Equal(authorPapers.Count, papers.GetProperty("totalCount").GetInt32());
        Assert.Equal(perTopic, papers.GetProperty("groupCounts").EnumerateArray()
            .ToDictionary(g => g.GetProperty("label").GetString()!, g => g.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Nested_author_pages_of_topics_and_institutions_match_the_seed_files_in_a_bounded_number_of_queries()
    {
        var graph = server.Graph;
        var names = graph.Authors.ToDictionary(a => a.Id, a => a.Name);
        List<string> ByName(IEnumerable<string> authorIds) => authorIds.Distinct()
            .OrderBy(id => names[id], StringComparer.Ordinal).ThenBy(id => id, StringComparer.Ordinal)
            .Select(id => GlobalId.Encode("Author", id)).Take(5).ToList();
        var topicAuthors = graph.PaperTopics.Join(graph.Authorships, l => l.PaperId, s => s.PaperId, (l, s) => (l.TopicId, s.AuthorId))
            .ToLookup(x => x.TopicId, x => x.AuthorId);
        var institutionAuthors = graph.Affiliations.Select(f => (f.InstitutionId, f.AuthorId))
            .Concat(graph.Authorships.Where(s => s.InstitutionId != null).Select(s => (InstitutionId: s.InstitutionId!, s.AuthorId)))
            .ToLookup(x => x.InstitutionId, x => x.AuthorId);

        await server.QueryAsync("{ topics(first: 1) { totalCount } }");
        server.Commands.Reset();
        var data = await server.QueryAsync("""
            {
              topics(first: 8) { nodes { id authors(first: 5) { totalCount nodes { id } } } }
              institutions(first: 8) { nodes { id authors(first: 5) { totalCount nodes { id } } } }
            }
            """);
        // Two roots, each with one page query and one count query for its nested level.
        Assert.InRange(server.Commands.Commands.Count, 2, 6);
        var checkedNonEmpty = 0;
        foreach (var (root, lookup) in new[] { ("topics", topicAuthors), ("institutions", institutionAuthors) })
            foreach (var node in data.GetProperty(root).GetProperty("nodes").EnumerateArray())
            {
                Assert.True(GlobalId.TryDecode(node.GetProperty("id").GetString(), out _, out var key));
                var authors = node.GetProperty("authors");
                Assert.Equal(lookup[key].Distinct().Count(), authors.GetProperty("totalCount").GetInt32());
                Assert.Equal(ByName(lookup[key]), Ids(authors.GetProperty("nodes")));
                checkedNonEmpty += lookup[key].Any() ? 1 : 0;
            }
        Assert.True(checkedNonEmpty > 8, $"expected most topics and institutions to have authors, got {checkedNonEmpty}");
    }

    [Fact]
    public async Task A_nested_selection_reads_only_its_columns()
    {
        await server.QueryAsync("{ papers(first: 1) { totalCount } }");
        server.Commands.Reset();
        // Filtered, a topic's papers are paged by the windowed query; the authors' page and their papers' keys come from the graph
        // index, the one column it does not hold (doi) by key: all three checked.
        await server.QueryAsync("""
            { papers(first: 20) { nodes { title } } topics(first: 20) { nodes { papers(first: 3, where: { title: { contains: "e" } }) { nodes { title } } } }
              authors(first: 20) { nodes { papers(first: 3) { nodes { title doi } } } } }
            """);
        Assert.Equal(4, server.Commands.Commands.Count);
        Assert.All(server.Commands.Commands, sql => Assert.DoesNotContain("\"Abstract\"", sql));
        Assert.Contains(server.Commands.Commands, sql => sql.Contains("ROW_NUMBER() OVER(PARTITION BY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Coauthors_are_ordered_filtered_and_paged_in_sql_and_match_the_seed_files()
    {
        var graph = server.Graph;
        var names = graph.Authors.ToDictionary(a => a.Id, a => a.Name);
        var center = graph.Authorships.GroupBy(s => s.AuthorId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var papers = graph.Authorships.Where(s => s.AuthorId == center).Select(s => s.PaperId).ToHashSet();
        var ties = graph.Authorships.Where(s => papers.Contains(s.PaperId) && s.AuthorId != center).GroupBy(s => s.AuthorId)
            .Select(g => (Id: g.Key, Shared: g.Select(s => s.PaperId).Distinct().Count()))
            .OrderByDescending(t => t.Shared).ThenBy(t => names[t.Id], StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.True(ties.Count > 5, $"the most prolific author should have more than 5 coauthors, got {ties.Count}");
        var letter = names[ties[0].Id][..1];

        async Task<List<(string Id, int Shared)>> WalkAsync(object? where)
        {
            var seen = new List<(string, int)>();
            string? after = null;
            while (true)
            {
                var data = await server.QueryAsync("""
                    query($id: ID!, $after: String, $where: AuthorFilterInput) {
                      author(id: $id) { coauthors(first: 4, after: $after, where: $where) {
                        pageInfo { hasNextPage endCursor } edges { sharedPaperCount node { id } } } }
                    }
                    """, new { id = GlobalId.Encode("Author", center), after, where });
                var page = data.GetProperty("author").GetProperty("coauthors");
                seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e =>
                    (e.GetProperty("node").GetProperty("id").GetString()!, e.GetProperty("sharedPaperCount").GetInt32())));
                if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
                    return seen;
                after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            }
        }

        await server.QueryAsync("{ authors(first: 1) { totalCount } }");
        server.Commands.Reset();
        Assert.Equal(ties.Select(t => (GlobalId.Encode("Author", t.Id), t.Shared)), await WalkAsync(null));
        Assert.Contains(server.Commands.Commands, sql => sql.Contains("ROW_NUMBER() OVER(PARTITION BY", StringComparison.Ordinal)
            && sql.Contains("GROUP BY", StringComparison.Ordinal));
        // Only the batch's authorships are paired: the key restriction comes before the grouping, or the database pairs every
        // authorship of the store first (16 s a page on 100,000 papers).
        var grouped = server.Commands.Commands.First(sql => sql.Contains("GROUP BY", StringComparison.Ordinal));
        var restriction = grouped.IndexOf("\"AuthorId\" IN (", StringComparison.Ordinal);
        Assert.True(restriction >= 0 && restriction < grouped.IndexOf("GROUP BY", StringComparison.Ordinal), grouped);
        var filtered = ties.Where(t => names[t.Id].StartsWith(letter, StringComparison.Ordinal)).ToList();
        Assert.InRange(filtered.Count, 1, ties.Count - 1);
        Assert.Equal(filtered.Select(t => (GlobalId.Encode("Author", t.Id), t.Shared)),
            await WalkAsync(new { name = new { startsWith = letter } }));

        // A client order: weakest tie first, then by name descending; ties by id.
        var data = await server.QueryAsync("""
            query($id: ID!) { author(id: $id) { coauthors(first: 50, order: [{ sharedPaperCount: ASC }, { author: { name: DESC } }]) {
              edges { node { id } } } } }
            """, new { id = GlobalId.Encode("Author", center) });
        var expected = ties.OrderBy(t => t.Shared).ThenByDescending(t => names[t.Id], StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(50).Select(t => GlobalId.Encode("Author", t.Id));
        Assert.Equal(expected, data.GetProperty("author").GetProperty("coauthors").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
    }
}
