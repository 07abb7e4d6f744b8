using ScholarGraph.Generation;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>
/// The server on SQLite, seeded from a generated graph of 300 papers written to a temporary folder of its own: each test class
/// that uses this fixture gets an instance, so a shared folder would be deleted by one while another still seeds from it.
/// </summary>
public class GeneratedSqliteScholarGraphFactory : ScholarGraphFactory
{
    private readonly string _folder;

    public GeneratedSqliteScholarGraphFactory() : this([]) { }

    /// <summary>The same generated graph with further <paramref name="settings"/>.</summary>
    protected GeneratedSqliteScholarGraphFactory(Dictionary<string, string?> settings)
        : this(Path.Combine(Path.GetTempPath(), $"sg-filter-generated-{Guid.NewGuid():N}"), settings) { }

    private GeneratedSqliteScholarGraphFactory(string folder, Dictionary<string, string?> settings)
        : base("Sqlite", new(settings) { ["Database:SeedDirectory"] = Generate(folder) }) =>
        _folder = folder;

    /// <summary>The generated graph as the seed reader reads it: the tests' independent source of expected answers.</summary>
    public SeedGraph Graph => _graph ??= SeedReader.ReadDirectory(_folder);

    private SeedGraph? _graph;

    private static string Generate(string folder)
    {
        SeedGenerator.WriteAsync(new GeneratorOptions { Papers = 300, Seed = 11 }, folder).GetAwaiter().GetResult();
        return folder;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Filters, orders and filtered paging on a generated graph, checked against answers computed from the seed files.</summary>
public sealed class GeneratedDataFilteringTests(GeneratedSqliteScholarGraphFactory server) : IClassFixture<GeneratedSqliteScholarGraphFactory>
{
    [Fact]
    public async Task Papers_with_some_author_at_an_institution()
    {
        var graph = server.Graph;
        var institution = graph.Authorships.Where(s => s.InstitutionId != null).GroupBy(s => s.InstitutionId!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var expected = graph.Authorships.Where(s => s.InstitutionId == institution).Select(s => s.PaperId).Distinct().ToList();
        var data = await server.QueryAsync("""
            query($id: ID!) { papers(where: { authors: { some: { institution: { id: { eq: $id } } } } }) { totalCount } }
            """, new { id = GlobalId.Encode("Institution", institution) });
        Assert.InRange(expected.Count, 1, graph.Papers.Count - 1);
        Assert.Equal(expected.Count, data.GetProperty("papers").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Count_filter_and_text_contains_match_the_generated_graph()
    {
        var graph = server.Graph;
        var prolific = graph.Authorships.GroupBy(s => s.AuthorId).Count(g => g.Count() > 3);
        var word = graph.Papers[0].Title.Split(' ').OrderByDescending(w => w.Length).First();
        var withWord = graph.Papers.Count(p => p.Title.Contains(word, StringComparison.Ordinal));
        var data = await server.QueryAsync("""
            query($word: String) {
              prolific: authors(where: { papers: { count: { gt: 3 } } }) { totalCount }
              withWord: papers(where: { title: { contains: $word } }) { totalCount }
            }
            """, new { word });
        Assert.InRange(prolific, 1, graph.Authors.Count - 1);
        Assert.Equal(prolific, data.GetProperty("prolific").GetProperty("totalCount").GetInt32());
        Assert.Equal(withWord, data.GetProperty("withWord").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Paging_a_filtered_and_sorted_set_by_cursor_visits_it_once_in_order()
    {
        var graph = server.Graph;
        var from = new DateOnly(2018, 1, 1);
        var expected = graph.Papers.Where(p => p.PublicationDate >= from)
            .OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => GlobalId.Encode("Paper", p.Id)).ToList();
        Assert.InRange(expected.Count, 60, graph.Papers.Count - 1);
        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var papers = (await server.QueryAsync("""
                query($after: String) {
                  papers(first: 50, after: $after, where: { publicationDate: { gte: "2018-01-01" } }, order: [{ title: ASC }]) {
                    pageInfo { hasNextPage endCursor } nodes { id }
                  }
                }
                """, new { after })).GetProperty("papers");
            seen.AddRange(papers.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            if (!papers.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
                break;
            after = papers.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        Assert.Equal(expected, seen);
    }
}
