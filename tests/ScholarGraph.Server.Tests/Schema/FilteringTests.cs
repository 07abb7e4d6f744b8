using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>
/// The scholar schema's <c>where</c> arguments on the seed data: every list relation of every filter and every nested connection
/// translates, ids decoded by the schema's own rules, nested filtered connections (coauthors among them) and the authors of
/// topics and institutions. Expected answers are computed here from an unfiltered read of the same data, so a wrong translation
/// cannot pass. The data layer's mechanisms (quantifiers, counts, string operators, nulls, validation) are tested over its own
/// model in ScholarGraph.GraphQL.Data.Tests.
/// </summary>
public abstract class FilteringTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    /// <summary>The server under test.</summary>
    protected TFactory Server => server;

    private sealed record PaperFacts(string Id, string Title, DateOnly? Date, string[] Topics, string[] Institutions, string[] Authors);

    private async Task<List<PaperFacts>> AllPapersAsync()
    {
        var data = await server.QueryAsync("""
            { papers(first: 50) { nodes { id title publicationDate topics { topic { id } } institutions { id } authors { author { id } } } } }
            """);
        return data.GetProperty("papers").GetProperty("nodes").EnumerateArray().Select(p => new PaperFacts(
            p.GetProperty("id").GetString()!,
            p.GetProperty("title").GetString()!,
            p.GetProperty("publicationDate").GetString() is { } date ? DateOnly.Parse(date) : null,
            p.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("topic").GetProperty("id").GetString()!).ToArray(),
            p.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray(),
            p.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("author").GetProperty("id").GetString()!).ToArray())).ToList();
    }

    private static List<string> Strings(JsonElement connection, string field) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty(field).GetString()!).ToList();

    [Fact]
    public async Task Nested_connections_filter_per_parent_and_count_the_filtered_set()
    {
        var data = await server.QueryAsync("""
            query($id: ID!) {
              author(id: $id) {
                papers(first: 1, where: { topics: { some: { topic: { name: { eq: "Reinforcement learning" } } } } }) {
                  totalCount pageInfo { hasNextPage } nodes { title }
                }
                coauthors(first: 50, where: { name: { startsWith: "R" } }) { totalCount nodes { name } }
              }
            }
            """, new { id = GlobalId.Encode("Author", "devvrit-khatri") });
        var papers = data.GetProperty("author").GetProperty("papers");
        Assert.Equal(2, papers.GetProperty("totalCount").GetInt32());
        Assert.True(papers.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["Learning, Fast and Slow: Towards LLMs That Adapt Continually"], Strings(papers, "title"));
        var coauthors = data.GetProperty("author").GetProperty("coauthors");
        Assert.Equal(["Rishabh Tiwari", "Rachit Bansal"], Strings(coauthors, "name"));
        Assert.Equal(2, coauthors.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Every_list_relation_of_every_filter_translates()
    {
        var all = await AllPapersAsync();
        var data = await server.QueryAsync("""
            {
              authorsWithPapers: authors(where: { papers: { any: true } }) { totalCount }
              affiliatedAuthors: authors(where: { institutions: { any: true } }) { totalCount }
              papersWithAuthors: papers(where: { authors: { all: { position: { neq: 0 } } }, topics: { some: { score: { gt: 0 } } } }) { totalCount }
              citingPapers: papers(where: { or: [{ cites: { any: true } }, { citedBy: { any: true } }] }) { totalCount }
              namedInstitutions: institutions(where: { papers: { any: true } }) { totalCount }
              institutionsWithAuthors: institutions(where: { authors: { any: true } }) { totalCount }
              coveredTopics: topics(where: { papers: { any: true } }) { totalCount }
            }
            """);
        int Count(string alias) => data.GetProperty(alias).GetProperty("totalCount").GetInt32();
        Assert.Equal(all.SelectMany(p => p.Authors).Distinct().Count(), Count("authorsWithPapers"));
        Assert.Equal(0, Count("affiliatedAuthors")); // the seed records no affiliations
        Assert.Equal(all.Count, Count("papersWithAuthors"));
        Assert.Equal(0, Count("citingPapers")); // nor citations
        Assert.Equal(all.SelectMany(p => p.Institutions).Distinct().Count(), Count("namedInstitutions"));
        Assert.Equal(0, Count("institutionsWithAuthors"));
        Assert.Equal(all.SelectMany(p => p.Topics).Distinct().Count(), Count("coveredTopics"));
    }

    [Fact]
    public async Task Every_nested_connection_filters_and_orders_in_the_database()
    {
        var data = await server.QueryAsync("""
            query($topic: ID!, $institution: ID!) {
              topic(id: $topic) {
                papers(where: { title: { icontains: "continually" } }, order: [{ title: ASC }]) { totalCount nodes { title } }
              }
              institution(id: $institution) {
                papers(where: { title: { startsWith: "The" } }, order: [{ title: DESC }]) {
                  totalCount
                  nodes { title cites(where: { title: { neq: null } }, order: [{ title: ASC }]) { totalCount } citedBy(where: { title: { neq: null } }) { totalCount } }
                }
              }
            }
            """, new { topic = GlobalId.Encode("Topic", "reinforcement-learning"), institution = GlobalId.Encode("Institution", "berkeley") });
        var topic = data.GetProperty("topic");
        Assert.Equal(["Learning, Fast and Slow: Towards LLMs That Adapt Continually"], Strings(topic.GetProperty("papers"), "title"));
        var institution = data.GetProperty("institution");
        var papers = institution.GetProperty("papers");
        Assert.Equal(["The Art of Scaling Reinforcement Learning Compute for LLMs"], Strings(papers, "title"));
        var paper = Assert.Single(papers.GetProperty("nodes").EnumerateArray());
        Assert.Equal(0, paper.GetProperty("cites").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, paper.GetProperty("citedBy").GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("""{ papers(where: { authors: { some: { author: { id: { eq: "bm90LWFuLWlk" } } } } }) { nodes { title } } }""",
        "papers(where).authors.some.author.id.eq: 'bm90LWFuLWlk' is not a valid id.")]
    [InlineData("""{ papers(where: { authors: { some: { author: { id: { in: ["UGFwZXI6eA=="] } } } } }) { nodes { title } } }""",
        "papers(where).authors.some.author.id.in.0: 'UGFwZXI6eA==' is the id of a Paper, not of an Author.")]
    [InlineData("""{ authors(where: { and: [] }) { nodes { name } } }""", "authors(where).and: must hold at least one filter")]
    [InlineData("""{ authors(where: { name: { contains: null } }) { nodes { name } } }""", "authors(where).name.contains: must not be null")]
    [InlineData("""{ topics(where: { papers: null }) { nodes { name } } }""", "topics(where).papers: must not be null")]
    public async Task Values_that_cannot_be_applied_get_a_coded_error_naming_the_path_and_reach_no_database(string query, string message)
    {
        server.Commands.Reset();
        var response = await server.ExecuteAsync(query);
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("FILTER_INVALID_VALUE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.DoesNotContain("   at ", response.ToString());
        Assert.Empty(server.Commands.Commands);
    }

    [Fact]
    public async Task Authors_of_a_topic_and_of_an_institution_filter_and_order()
    {
        var data = await server.QueryAsync("""
            query($topic: ID!, $institution: ID!) {
              topic(id: $topic) { authors(where: { name: { startsWith: "R" } }, order: [{ name: DESC }]) { totalCount nodes { name } } }
              institution(id: $institution) { authors(where: { name: { eq: "nobody" } }, order: [{ name: ASC }]) { totalCount } }
            }
            """, new { topic = GlobalId.Encode("Topic", "reinforcement-learning"), institution = GlobalId.Encode("Institution", "berkeley") });
        var authors = data.GetProperty("topic").GetProperty("authors");
        Assert.Equal(["Rishabh Tiwari"], authors.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.Equal(1, authors.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("institution").GetProperty("authors").GetProperty("totalCount").GetInt32());

        // Unfiltered, both orders and a second page: the same authors, reversed, with no duplicates across pages (the seed
        // has no author at an institution; generated data covers Institution.authors).
        var llm = GlobalId.Encode("Topic", "large-language-models");
        var pages = await server.QueryAsync("""
            query($topic: ID!) {
              topic(id: $topic) {
                all: authors(first: 50) { totalCount nodes { name } }
                desc: authors(first: 50, order: [{ name: DESC }]) { nodes { name } }
                head: authors(first: 2) { pageInfo { endCursor } nodes { name } }
              }
            }
            """, new { topic = llm });
        var topic = pages.GetProperty("topic");
        var all = Strings(topic.GetProperty("all"), "name");
        Assert.True(all.Count > 2, $"the topic should have more than two authors, got {all.Count}");
        Assert.Equal(all.Count, topic.GetProperty("all").GetProperty("totalCount").GetInt32());
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(Enumerable.Reverse(all), Strings(topic.GetProperty("desc"), "name"));
        var next = await server.QueryAsync("""
            query($topic: ID!, $after: String) { topic(id: $topic) { authors(first: 50, after: $after) { nodes { name } } } }
            """, new { topic = llm, after = topic.GetProperty("head").GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        Assert.Equal(all, Strings(topic.GetProperty("head"), "name").Concat(Strings(next.GetProperty("topic").GetProperty("authors"), "name")));
    }
}

public sealed class FilteringOnInMemoryTests(ScholarGraphFactory server) : FilteringTests<ScholarGraphFactory>(server);

public sealed class FilteringOnSqliteTests(SqliteScholarGraphFactory server) : FilteringTests<SqliteScholarGraphFactory>(server);

[RequiresPostgres]
public sealed class FilteringOnPostgresTests(PostgresScholarGraphFactory server) : FilteringTests<PostgresScholarGraphFactory>(server);
