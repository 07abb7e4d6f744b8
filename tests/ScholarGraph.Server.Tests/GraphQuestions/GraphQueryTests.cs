using System.Text.Json;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.GraphQuestions;

/// <summary>
/// The graph questions answered from the in-memory index on the seed data, on every provider; expectations are computed from the
/// seed file itself.
/// </summary>
public abstract class GraphQueryTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    private const string NetworkQuery = """
        query($id: ID!, $depth: Int, $maxNodes: Int, $min: Int, $from: Date, $to: Date, $topic: ID) {
          coauthorNetwork(authorId: $id, depth: $depth, maxNodes: $maxNodes, minSharedPapers: $min, from: $from, to: $to, topicId: $topic) {
            center { id name }
            truncated
            nodes { author { id } distance papersInNetwork }
            edges { source { id } target { id } weight firstYear lastYear sharedPapers(first: 10) { totalCount nodes { id title } } }
          }
        }
        """;

    [Fact]
    public async Task The_profile_authors_network_holds_every_coauthor_with_the_number_of_shared_papers()
    {
        var network = await NetworkAsync(new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor) });
        var expected = SeedGraph.Coauthors(SeedGraph.ProfileAuthor);
        Assert.Equal(SeedGraph.AuthorId(SeedGraph.ProfileAuthor), network.GetProperty("center").GetProperty("id").GetString());
        Assert.False(network.GetProperty("truncated").GetBoolean());

        var nodes = Nodes(network);
        Assert.Equal(expected.Count + 1, nodes.Count);
        Assert.Equal(0, nodes[SeedGraph.AuthorId(SeedGraph.ProfileAuthor)]);
        Assert.All(expected.Keys, k => Assert.Equal(1, nodes[SeedGraph.AuthorId(k)]));

        var centerTies = Edges(network)
            .Where(e => e.Source == SeedGraph.AuthorId(SeedGraph.ProfileAuthor) || e.Target == SeedGraph.AuthorId(SeedGraph.ProfileAuthor))
            .ToDictionary(e => e.Source == SeedGraph.AuthorId(SeedGraph.ProfileAuthor) ? e.Target : e.Source, e => e.Weight);
        Assert.Equal(expected.ToDictionary(e => SeedGraph.AuthorId(e.Key), e => e.Value).OrderBy(e => e.Key), centerTies.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Every_edge_lists_its_shared_papers_and_the_years_they_span()
    {
        var network = await NetworkAsync(new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor) });
        var edges = network.GetProperty("edges").EnumerateArray().ToList();
        // Every pair of authors on a common seed paper is an edge of the depth-1 network (all of them are coauthors of the center).
        var expectedPairs = SeedGraph.Papers.SelectMany(p => p.Authors.SelectMany(a => p.Authors.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b))))
            .Distinct().Count();
        Assert.Equal(expectedPairs, edges.Count);
        foreach (var edge in edges)
        {
            var shared = edge.GetProperty("sharedPapers");
            Assert.Equal(edge.GetProperty("weight").GetInt32(), shared.GetProperty("totalCount").GetInt32());
            var titles = shared.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
            Assert.Equal(edge.GetProperty("weight").GetInt32(), titles.Count);
        }

        var rishabh = edges.Single(e => Ends(e).SetEquals([SeedGraph.AuthorId("rishabh-tiwari"), SeedGraph.AuthorId(SeedGraph.ProfileAuthor)]));
        var years = SeedGraph.Papers.Where(p => p.Authors.Contains("rishabh-tiwari") && p.Authors.Contains(SeedGraph.ProfileAuthor))
            .Select(p => p.Date!.Value.Year).ToList();
        Assert.Equal(years.Min(), rishabh.GetProperty("firstYear").GetInt32());
        Assert.Equal(years.Max(), rishabh.GetProperty("lastYear").GetInt32());
    }

    [Fact]
    public async Task Depth_two_reaches_the_coauthors_of_coauthors()
    {
        const string start = "nilesh-gupta";
        var network = await NetworkAsync(new { id = SeedGraph.AuthorId(start), depth = 2 });
        var expected = SeedGraph.Distances(start, 2).ToDictionary(d => SeedGraph.AuthorId(d.Key), d => d.Value);
        Assert.Contains(2, expected.Values);
        Assert.Equal(expected.OrderBy(e => e.Key), Nodes(network).OrderBy(e => e.Key));

        var depthOne = await NetworkAsync(new { id = SeedGraph.AuthorId(start), depth = 1 });
        Assert.Equal(SeedGraph.Distances(start, 1).Count, Nodes(depthOne).Count);
    }

    [Fact]
    public async Task MaxNodes_keeps_the_strongest_ties_and_says_it_truncated()
    {
        var expected = SeedGraph.Coauthors(SeedGraph.ProfileAuthor);
        var strongest = expected.MaxBy(e => e.Value).Key;
        Assert.Single(expected, e => e.Value == expected[strongest]);

        var two = await NetworkAsync(new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor), maxNodes = 2 });
        Assert.True(two.GetProperty("truncated").GetBoolean());
        Assert.Equal([SeedGraph.AuthorId(SeedGraph.ProfileAuthor), SeedGraph.AuthorId(strongest)], Nodes(two).Keys.Order(StringComparer.Ordinal).ToList().OrderBy(k => k == SeedGraph.AuthorId(SeedGraph.ProfileAuthor) ? 0 : 1));

        var all = await NetworkAsync(new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor), maxNodes = expected.Count + 1 });
        Assert.False(all.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Filters_count_only_the_papers_in_the_date_range_and_topic()
    {
        var from = new DateOnly(2025, 10, 16);
        var to = new DateOnly(2026, 3, 1);
        var network = await NetworkAsync(new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor), from = "2025-10-16", to = "2026-03-01" });
        var inRange = SeedGraph.Papers.Where(p => p.Date >= from && p.Date <= to).ToList();
        var expected = inRange.SelectMany(p => p.Authors).Distinct().Select(SeedGraph.AuthorId).Order().ToList();
        Assert.Equal(expected, Nodes(network).Keys.Order().ToList());
        var center = network.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("distance").GetInt32() == 0);
        Assert.Equal(inRange.Count, center.GetProperty("papersInNetwork").GetInt32());

        const string topic = "extreme-multi-label-classification";
        var onTopic = await NetworkAsync(new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor), topic = SeedGraph.TopicId(topic) });
        Assert.Equal(SeedGraph.Papers.Where(p => p.Topics.Contains(topic)).SelectMany(p => p.Authors).Distinct().Select(SeedGraph.AuthorId).Order(),
            Nodes(onTopic).Keys.Order());
    }

    [Fact]
    public async Task A_collaboration_path_joins_coauthors_of_different_papers_through_the_profile_author()
    {
        var data = await server.QueryAsync("""
            query($from: ID!, $to: ID!) {
              collaborationPath(fromAuthorId: $from, toAuthorId: $to, maxPaths: 5) {
                reason
                path { length authors { id } hops { from { id } to { id } papers { id title } } }
                paths { length }
              }
            }
            """, new { from = SeedGraph.AuthorId("ankit-s-rawat"), to = SeedGraph.AuthorId("kusha-sareen") });
        var result = data.GetProperty("collaborationPath");
        Assert.Equal(JsonValueKind.Null, result.GetProperty("reason").ValueKind);
        var path = result.GetProperty("path");
        Assert.Equal(2, path.GetProperty("length").GetInt32());
        Assert.Equal(
            [SeedGraph.AuthorId("ankit-s-rawat"), SeedGraph.AuthorId(SeedGraph.ProfileAuthor), SeedGraph.AuthorId("kusha-sareen")],
            path.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var hops = path.GetProperty("hops").EnumerateArray().ToList();
        Assert.Equal(
            SeedGraph.Papers.Where(p => p.Authors.Contains("ankit-s-rawat") && p.Authors.Contains(SeedGraph.ProfileAuthor)).Select(p => p.Id),
            hops[0].GetProperty("papers").EnumerateArray().Select(p => PaperKey(p.GetProperty("id").GetString()!)));
        Assert.Equal(
            SeedGraph.Papers.Where(p => p.Authors.Contains("kusha-sareen") && p.Authors.Contains(SeedGraph.ProfileAuthor)).Select(p => p.Id),
            hops[1].GetProperty("papers").EnumerateArray().Select(p => PaperKey(p.GetProperty("id").GetString()!)));
        // The only author both are linked to is the profile's author, so there is exactly one shortest path.
        Assert.Single(result.GetProperty("paths").EnumerateArray());
    }

    [Fact]
    public async Task No_path_within_maxLength_gives_null_and_a_reason()
    {
        const string Query = """
            query($from: ID!, $to: ID!, $max: Int) { collaborationPath(fromAuthorId: $from, toAuthorId: $to, maxLength: $max) { path { length } paths { length } reason } }
            """;
        var tooShort = (await server.QueryAsync(Query, new { from = SeedGraph.AuthorId("ankit-s-rawat"), to = SeedGraph.AuthorId("kusha-sareen"), max = 1 }))
            .GetProperty("collaborationPath");
        Assert.Equal(JsonValueKind.Null, tooShort.GetProperty("path").ValueKind);
        Assert.Empty(tooShort.GetProperty("paths").EnumerateArray());
        Assert.Equal("NOT_CONNECTED_WITHIN_MAX_LENGTH", tooShort.GetProperty("reason").GetString());

        var unknown = (await server.QueryAsync(Query, new { from = SeedGraph.AuthorId("nobody-at-all"), to = SeedGraph.AuthorId("kusha-sareen"), max = 6 }))
            .GetProperty("collaborationPath");
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("path").ValueKind);
        Assert.Equal("UNKNOWN_AUTHOR", unknown.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Topic_clusters_are_the_same_on_every_run_and_cover_every_topic_once()
    {
        const string Query = """
            {
              topics(first: 50) { totalCount }
              topicClusters { modularity resolution clusters { id label size topics { id name } paperCount
                papers(first: 10) { totalCount edges { share node { id } } } authors(first: 3) { edges { paperCount node { id } } } } }
            }
            """;
        var first = await server.QueryAsync(Query);
        var second = await server.QueryAsync(Query);
        Assert.Equal(first.GetRawText(), second.GetRawText());

        var clustering = first.GetProperty("topicClusters");
        var modularity = clustering.GetProperty("modularity").GetDouble();
        Assert.InRange(modularity, -0.5, 1.0);
        Assert.Equal(1.0, clustering.GetProperty("resolution").GetDouble());
        var clusters = clustering.GetProperty("clusters").EnumerateArray().ToList();
        Assert.True(clusters.Count >= 2, $"Expected the seed's topics to split, got {clusters.Count} cluster(s).");
        var topicIds = clusters.SelectMany(c => c.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("id").GetString())).ToList();
        Assert.Equal(first.GetProperty("topics").GetProperty("totalCount").GetInt32(), topicIds.Count);
        Assert.Equal(topicIds.Count, topicIds.Distinct().Count());
        Assert.Equal(SeedGraph.Papers.Count(p => p.Topics.Length > 0), clusters.Sum(c => c.GetProperty("paperCount").GetInt32()));
        foreach (var cluster in clusters)
        {
            Assert.Equal(cluster.GetProperty("size").GetInt32(), cluster.GetProperty("topics").GetArrayLength());
            var names = cluster.GetProperty("topics").EnumerateArray().Take(3).Select(t => t.GetProperty("name").GetString());
            Assert.Equal(string.Join(", ", names), cluster.GetProperty("label").GetString());
            Assert.Equal(cluster.GetProperty("paperCount").GetInt32(), cluster.GetProperty("papers").GetProperty("totalCount").GetInt32());
            Assert.All(cluster.GetProperty("papers").GetProperty("edges").EnumerateArray(), e => Assert.InRange(e.GetProperty("share").GetDouble(), 0.0, 1.0));
        }

        var bigOnly = (await server.QueryAsync("query($min: Int) { topicClusters(minSize: $min) { clusters { size } } }", new { min = clusters.Max(c => c.GetProperty("size").GetInt32()) }))
            .GetProperty("topicClusters").GetProperty("clusters").EnumerateArray().ToList();
        Assert.Equal(clusters.Count(c => c.GetProperty("size").GetInt32() == clusters.Max(k => k.GetProperty("size").GetInt32())), bigOnly.Count);
    }

    [Fact]
    public async Task The_topic_profile_shares_sum_to_one_over_the_authors_papers()
    {
        var author = (await server.QueryAsync("""
            query($id: ID!) { author(id: $id) { topicProfile { share paperCount cluster { id label } } } }
            """, new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor) })).GetProperty("author");
        var profile = author.GetProperty("topicProfile").EnumerateArray().ToList();
        Assert.NotEmpty(profile);
        Assert.Equal(1.0, profile.Sum(p => p.GetProperty("share").GetDouble()), 9);
        Assert.Equal(SeedGraph.Papers.Count(p => p.Authors.Contains(SeedGraph.ProfileAuthor) && p.Topics.Length > 0),
            profile.Sum(p => p.GetProperty("paperCount").GetInt32()));
    }

    [Fact]
    public async Task Related_topics_are_those_sharing_papers_with_their_counts()
    {
        const string topic = "large-language-models";
        var related = (await server.QueryAsync("query($id: ID!) { topic(id: $id) { related(first: 50) { strength sharedPapers topic { id } } } }",
                new { id = SeedGraph.TopicId(topic) }))
            .GetProperty("topic").GetProperty("related").EnumerateArray().ToList();
        var expected = SeedGraph.Papers.Where(p => p.Topics.Contains(topic)).SelectMany(p => p.Topics.Distinct().Where(t => t != topic))
            .GroupBy(t => t).ToDictionary(g => SeedGraph.TopicId(g.Key), g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key),
            related.ToDictionary(r => r.GetProperty("topic").GetProperty("id").GetString()!, r => r.GetProperty("sharedPapers").GetInt32()).OrderBy(e => e.Key));
        var strengths = related.Select(r => r.GetProperty("strength").GetDouble()).ToList();
        Assert.Equal(strengths.OrderDescending(), strengths);
        Assert.All(strengths, s => Assert.True(s > 0));

        var two = (await server.QueryAsync("query($id: ID!) { topic(id: $id) { related(first: 2) { topic { id } } } }", new { id = SeedGraph.TopicId(topic) }))
            .GetProperty("topic").GetProperty("related").EnumerateArray().Select(r => r.GetProperty("topic").GetProperty("id").GetString());
        Assert.Equal(related.Take(2).Select(r => r.GetProperty("topic").GetProperty("id").GetString()), two);
    }

    [Fact]
    public async Task Computed_metrics_stand_beside_the_reported_ones_with_their_source()
    {
        var author = (await server.QueryAsync("""
            query($id: ID!) { author(id: $id) { reportedMetrics { source paperCount } computedMetrics { source paperCount citationCount hIndex i10Index papersPerYear { year count } } } }
            """, new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor) })).GetProperty("author");
        var computed = author.GetProperty("computedMetrics");
        Assert.Equal("computed:graph-index", computed.GetProperty("source").GetString());
        Assert.NotEqual(computed.GetProperty("source").GetString(), author.GetProperty("reportedMetrics")[0].GetProperty("source").GetString());
        var mine = SeedGraph.Papers.Where(p => p.Authors.Contains(SeedGraph.ProfileAuthor)).ToList();
        Assert.Equal(mine.Count, computed.GetProperty("paperCount").GetInt32());
        // The seed holds no citations, so every citation-based figure is 0.
        Assert.Equal(0, computed.GetProperty("citationCount").GetInt32());
        Assert.Equal(0, computed.GetProperty("hIndex").GetInt32());
        Assert.Equal(0, computed.GetProperty("i10Index").GetInt32());
        Assert.Equal(
            mine.GroupBy(p => p.Date!.Value.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())),
            computed.GetProperty("papersPerYear").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("count").GetInt32())));
    }

    [Theory]
    [InlineData("coauthorNetwork(authorId: $id, depth: 4) { truncated }", "coauthorNetwork", "depth", "between 0 and 3")]
    [InlineData("coauthorNetwork(authorId: $id, maxNodes: 0) { truncated }", "coauthorNetwork", "maxNodes", "between 1 and 2000")]
    [InlineData("coauthorNetwork(authorId: $id, minSharedPapers: 0) { truncated }", "coauthorNetwork", "minSharedPapers", "between 1 and")]
    [InlineData("coauthorNetwork(authorId: $id, from: \"2026-01-01\", to: \"2025-01-01\") { truncated }", "coauthorNetwork", "from", "must not be after 'to'")]
    [InlineData("collaborationPath(fromAuthorId: $id, toAuthorId: $id, maxLength: 0) { reason }", "collaborationPath", "maxLength", "between 1 and 12")]
    [InlineData("collaborationPath(fromAuthorId: $id, toAuthorId: $id, maxPaths: 21) { reason }", "collaborationPath", "maxPaths", "between 1 and 20")]
    [InlineData("topicClusters(resolution: 0) { modularity }", "topicClusters", "resolution", "greater than 0")]
    [InlineData("topicClusters(minSize: 0) { modularity }", "topicClusters", "minSize", "between 1 and")]
    [InlineData("coauthorNetwork(authorId: $id, maxNodes: null) { truncated }", "coauthorNetwork", "maxNodes", "got null (leave the argument out for its default)")]
    [InlineData("topicClusters(resolution: null) { modularity }", "topicClusters", "resolution", "got null")]
    public async Task Arguments_out_of_range_are_errors_that_name_the_argument(string field, string path, string argument, string rule)
    {
        var response = field.Contains("$id")
            ? await server.ExecuteAsync($"query($id: ID!) {{ {field} }}", new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor) })
            : await server.ExecuteAsync($"{{ {field} }}");
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("GRAPH_ARGUMENT_OUT_OF_RANGE", error.GetProperty("extensions").GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.StartsWith($"{path}: argument '{argument}'", message);
        Assert.Contains(rule, message);
        Assert.DoesNotContain("   at ", message);
    }

    [Fact]
    public async Task An_author_id_of_another_type_is_an_invalid_id()
    {
        var response = await server.ExecuteAsync("query($id: ID!) { coauthorNetwork(authorId: $id) { truncated } }", new { id = SeedGraph.TopicId("reasoning") });
        Assert.Equal("INVALID_ID", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<JsonElement> NetworkAsync(object variables) =>
        (await server.QueryAsync(NetworkQuery, variables)).GetProperty("coauthorNetwork");

    private static Dictionary<string, int> Nodes(JsonElement network) =>
        network.GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("author").GetProperty("id").GetString()!, n => n.GetProperty("distance").GetInt32());

    private static IEnumerable<(string Source, string Target, int Weight)> Edges(JsonElement network) =>
        network.GetProperty("edges").EnumerateArray().Select(e => (
            e.GetProperty("source").GetProperty("id").GetString()!, e.GetProperty("target").GetProperty("id").GetString()!, e.GetProperty("weight").GetInt32()));

    private static HashSet<string> Ends(JsonElement edge) =>
        [edge.GetProperty("source").GetProperty("id").GetString()!, edge.GetProperty("target").GetProperty("id").GetString()!];

    private static string PaperKey(string globalId) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId))["Paper:".Length..];
}

public sealed class GraphQueryOnInMemoryTests(ScholarGraphFactory server) : GraphQueryTests<ScholarGraphFactory>(server);

public sealed class GraphQueryOnSqliteTests(SqliteScholarGraphFactory server) : GraphQueryTests<SqliteScholarGraphFactory>(server);
