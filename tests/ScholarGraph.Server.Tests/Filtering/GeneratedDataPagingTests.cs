using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;

namespace ScholarGraph.Server.Tests.Filtering;

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
        await server.QueryAsync("{ papers(first: 20) { nodes { title } } authors(first: 20) { nodes { papers(first: 3) { nodes { title } } } } }");
        Assert.Equal(3, server.Commands.Commands.Count);
        Assert.All(server.Commands.Commands, sql => Assert.DoesNotContain("\"Abstract\"", sql));
        Assert.Contains(server.Commands.Commands, sql => sql.Contains("ROW_NUMBER() OVER(PARTITION BY", StringComparison.Ordinal));
    }
}
