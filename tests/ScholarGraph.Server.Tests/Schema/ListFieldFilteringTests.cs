using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>
/// <c>where</c> and <c>order</c> on the plain list fields (a paper's authors, topics and institutions, an author's reported
/// metrics), on the seed data. Expected answers are computed here from an unfiltered read, so a wrong translation cannot pass.
/// </summary>
public abstract class ListFieldFilteringTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    private static readonly string Profile = GlobalId.Encode("Author", "devvrit-khatri");

    private static IEnumerable<JsonElement> Papers(JsonElement data) =>
        data.GetProperty("papers").GetProperty("nodes").EnumerateArray();

    [Fact]
    public async Task A_papers_authors_filter_by_author_and_order_by_name_descending()
    {
        var data = await server.QueryAsync("""
            {
              papers(first: 50) {
                nodes {
                  all: authors { position author { name } }
                  some: authors(where: { author: { name: { startsWith: "R" } } }, order: [{ author: { name: DESC } }]) { author { name } }
                }
              }
            }
            """);
        var filteredSomewhere = false;
        foreach (var paper in Papers(data))
        {
            var all = paper.GetProperty("all").EnumerateArray().Select(a => a.GetProperty("author").GetProperty("name").GetString()!).ToList();
            var expected = all.Where(n => n.StartsWith('R')).OrderByDescending(n => n, StringComparer.Ordinal).ToList();
            var actual = paper.GetProperty("some").EnumerateArray().Select(a => a.GetProperty("author").GetProperty("name").GetString()!).ToList();
            Assert.Equal(expected, actual);
            filteredSomewhere |= expected.Count > 0 && expected.Count < all.Count;

            // The default order is unchanged: printed positions ascending, authors without one last.
            var positions = paper.GetProperty("all").EnumerateArray()
                .Select(a => a.GetProperty("position").ValueKind == JsonValueKind.Null ? int.MaxValue : a.GetProperty("position").GetInt32()).ToList();
            Assert.Equal(positions.Order(), positions);
        }
        Assert.True(filteredSomewhere, "the filter should keep some but not all authors of some paper");
    }

    [Fact]
    public async Task A_papers_topics_filter_by_score_and_order_by_topic_name()
    {
        var data = await server.QueryAsync("""
            {
              papers(first: 50) {
                nodes {
                  all: topics { score topic { name } }
                  some: topics(where: { score: { gte: 0.5 } }, order: [{ topic: { name: ASC } }]) { score topic { name } }
                }
              }
            }
            """);
        foreach (var paper in Papers(data))
        {
            var all = paper.GetProperty("all").EnumerateArray()
                .Select(t => (Score: t.GetProperty("score").GetDouble(), Name: t.GetProperty("topic").GetProperty("name").GetString()!)).ToList();
            Assert.Equal(all.OrderByDescending(t => t.Score).Select(t => t.Score), all.Select(t => t.Score));
            var expected = all.Where(t => t.Score >= 0.5).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, paper.GetProperty("some").EnumerateArray().Select(t => t.GetProperty("topic").GetProperty("name").GetString()!));
        }
    }

    [Fact]
    public async Task A_papers_institutions_filter_and_order()
    {
        var data = await server.QueryAsync("""
            {
              papers(first: 50) {
                nodes {
                  all: institutions { name }
                  desc: institutions(order: [{ name: DESC }]) { name }
                  none: institutions(where: { name: { eq: "berkeley" } }) { name }
                }
              }
            }
            """);
        var named = 0;
        foreach (var paper in Papers(data))
        {
            var all = paper.GetProperty("all").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
            named += all.Count;
            Assert.Equal(all.OrderDescending(StringComparer.Ordinal), paper.GetProperty("desc").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
            Assert.Equal(all.Where(n => n == "berkeley"), paper.GetProperty("none").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
        }
        Assert.True(named > 1, "the seed names institutions on papers");
    }

    [Fact]
    public async Task Reported_metrics_filter_by_a_figure()
    {
        var data = await server.QueryAsync("""
            query($id: ID!) {
              author(id: $id) {
                all: reportedMetrics { hIndex }
                kept: reportedMetrics(where: { hIndex: { gte: 43 } }, order: [{ source: DESC }]) { source }
                dropped: reportedMetrics(where: { hIndex: { gt: 43 } }) { source }
              }
            }
            """, new { id = Profile });
        var author = data.GetProperty("author");
        Assert.Equal(43, Assert.Single(author.GetProperty("all").EnumerateArray()).GetProperty("hIndex").GetInt32());
        Assert.Equal("profile:devvrit-khatri", Assert.Single(author.GetProperty("kept").EnumerateArray()).GetProperty("source").GetString());
        Assert.Empty(author.GetProperty("dropped").EnumerateArray());
    }
}

public sealed class ListFieldFilteringOnInMemoryTests(ScholarGraphFactory server) : ListFieldFilteringTests<ScholarGraphFactory>(server);

public sealed class ListFieldFilteringOnSqliteTests(SqliteScholarGraphFactory server) : ListFieldFilteringTests<SqliteScholarGraphFactory>(server);

[RequiresPostgres]
public sealed class ListFieldFilteringOnPostgresTests(PostgresScholarGraphFactory server) : ListFieldFilteringTests<PostgresScholarGraphFactory>(server);
