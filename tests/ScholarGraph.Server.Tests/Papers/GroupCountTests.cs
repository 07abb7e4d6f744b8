using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Papers;

/// <summary>
/// <c>groupCounts(by:)</c> on papers connections, checked against counts computed here from the seed file itself, on every
/// provider.
/// </summary>
public abstract class GroupCountTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    private const string ProfileId = "devvrit-khatri";

    private sealed record SeedPaper(string? Year, string? Category, string[] Authors, string[] Topics);

    private static readonly Lazy<(List<SeedPaper> Papers, Dictionary<string, string> TopicNames)> Seed = new(() =>
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.SeedData, "devvrit-khatri.json")));
        var root = seed.RootElement;
        var papers = root.GetProperty("papers").EnumerateArray().Select(p => new SeedPaper(
            p.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String ? date.GetString()![..4] : null,
            p.TryGetProperty("category", out var category) && category.ValueKind == JsonValueKind.String ? category.GetString() : null,
            p.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("author").GetString()!).ToArray(),
            p.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("topic").GetString()!).ToArray())).ToList();
        var topicNames = root.GetProperty("topics").EnumerateArray()
            .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("name").GetString()!);
        return (papers, topicNames);
    });

    private static List<(string? Key, string? Label, int Count)> Expected(IEnumerable<(string? Key, string? Label)> keys) =>
        keys.GroupBy(k => k.Key).Select(g => (g.Key, g.First().Label, g.Count()))
            .OrderByDescending(g => g.Item3).ThenBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    private static List<(string? Key, string? Label, int Count)> YearsOf(IEnumerable<SeedPaper> papers) =>
        Expected(papers.Select(p => (p.Year, p.Year)));

    private static List<(string? Key, string? Label, int Count)> TopicsOf(IEnumerable<SeedPaper> papers) =>
        Expected(papers.SelectMany(p => p.Topics).Select(t => ((string?)GlobalId.Encode("Topic", t), (string?)Seed.Value.TopicNames[t])));

    private static List<(string? Key, string? Label, int Count)> Read(JsonElement groups) =>
        groups.EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("label").GetString(), g.GetProperty("count").GetInt32())).ToList();

    private async Task<JsonElement> ProfilePapersAsync(string by) =>
        (await server.QueryAsync($$"""query($id: ID!) { author(id: $id) { papers(first: 1) { totalCount groupCounts(by: {{by}}) { key label count } } } }""",
            new { id = GlobalId.Encode("Author", ProfileId) })).GetProperty("author").GetProperty("papers");

    [Fact]
    public async Task The_profile_authors_papers_per_year_cover_all_papers_not_the_page()
    {
        var papers = await ProfilePapersAsync("YEAR");
        var expected = YearsOf(Seed.Value.Papers.Where(p => p.Authors.Contains(ProfileId)));
        Assert.Equal(expected, Read(papers.GetProperty("groupCounts")));
        Assert.Equal(papers.GetProperty("totalCount").GetInt32(), expected.Sum(g => g.Count));
    }

    [Fact]
    public async Task The_profile_authors_papers_per_topic_carry_the_topics_id_and_name()
    {
        var papers = await ProfilePapersAsync("TOPIC");
        Assert.Equal(TopicsOf(Seed.Value.Papers.Where(p => p.Authors.Contains(ProfileId))), Read(papers.GetProperty("groupCounts")));
    }

    [Fact]
    public async Task Root_papers_group_by_topic_and_category_over_the_whole_collection()
    {
        var data = await server.QueryAsync("""
            { papers(first: 1) { topics: groupCounts(by: TOPIC) { key label count } categories: groupCounts(by: CATEGORY) { key label count } } }
            """);
        Assert.Equal(TopicsOf(Seed.Value.Papers), Read(data.GetProperty("papers").GetProperty("topics")));
        Assert.Equal(Expected(Seed.Value.Papers.Select(p => (p.Category, p.Category))), Read(data.GetProperty("papers").GetProperty("categories")));
    }

    [Fact]
    public async Task Nested_group_counts_are_per_parent()
    {
        var data = await server.QueryAsync("{ authors(first: 50) { nodes { id papers(first: 1) { groupCounts(by: YEAR) { key label count } } } } }");
        var authors = data.GetProperty("authors").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(Seed.Value.Papers.SelectMany(p => p.Authors).Distinct().Count(), authors.Count);
        foreach (var author in authors)
        {
            Assert.True(GlobalId.TryDecode(author.GetProperty("id").GetString()!, out _, out var key));
            Assert.Equal(YearsOf(Seed.Value.Papers.Where(p => p.Authors.Contains(key))), Read(author.GetProperty("papers").GetProperty("groupCounts")));
        }
    }

    [Fact]
    public async Task A_topics_papers_group_by_year()
    {
        const string Topic = "large-language-models";
        var data = await server.QueryAsync("query($id: ID!) { topic(id: $id) { papers(first: 1) { groupCounts(by: YEAR) { key label count } } } }",
            new { id = GlobalId.Encode("Topic", Topic) });
        Assert.Equal(YearsOf(Seed.Value.Papers.Where(p => p.Topics.Contains(Topic))),
            Read(data.GetProperty("topic").GetProperty("papers").GetProperty("groupCounts")));
    }

    [Fact]
    public async Task An_unknown_grouping_is_refused_with_the_allowed_values()
    {
        var response = await server.ExecuteAsync("{ papers { groupCounts(by: MONTH) { count } } }");
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Contains("MONTH", error.GetProperty("message").GetString());
        Assert.True(error.GetProperty("extensions").TryGetProperty("code", out _));
    }
}

public sealed class GroupCountOnInMemoryTests(ScholarGraphFactory server) : GroupCountTests<ScholarGraphFactory>(server);

public sealed class GroupCountOnSqliteTests(SqliteScholarGraphFactory server) : GroupCountTests<SqliteScholarGraphFactory>(server);

[RequiresPostgres]
public sealed class GroupCountOnPostgresTests(PostgresScholarGraphFactory server) : GroupCountTests<PostgresScholarGraphFactory>(server);
