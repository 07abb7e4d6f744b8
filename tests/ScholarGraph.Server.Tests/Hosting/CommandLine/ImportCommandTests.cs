using System.Text.Json;
using Microsoft.Data.Sqlite;
using ScholarGraph.Server.Hosting.CommandLine;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Tests.Hosting.CommandLine;

/// <summary>
/// <c>scholargraph import</c> writes the dozen-work OpenAlex sample into a SQLite file; a server started on that file then answers
/// the coauthor network (by the coauthors field and by the graph index's coauthorNetwork), topic hierarchy, institution type and
/// reported citation count the sample implies through GraphQL.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(RepositoryPaths.Root, "tests", "ScholarGraph.Storage.Tests", "Import", "openalex-sample.jsonl");
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"scholargraph-import-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in SqliteStoreFile.WithCompanions(_database))
            File.Delete(path);
    }

    private static Task<int?> Run(params string[] args) => ScholarGraphCommandLine.TryRunAsync(args, _ => Task.FromResult(0));

    // The server on the imported file alone (no seed), as `dotnet run` would start on it.
    private sealed class ImportedStore(string database) : ScholarGraphFactory("Sqlite", new()
    {
        ["Database:ConnectionString"] = $"Data Source={database}",
        ["Database:SeedOnStart"] = "false",
    });

    [Fact]
    public async Task The_imported_sample_answers_its_coauthor_network_and_topic_hierarchy_through_GraphQL()
    {
        Assert.Equal(0, await Run("import", Sample, "--database", _database));
        Assert.Equal(0, await Run("import", Sample, "--database", _database, "--on-error", "stop"));

        await using var server = new ImportedStore(_database);
        var data = await server.QueryAsync("""
            {
              authors(first: 20) {
                totalCount
                nodes { name coauthors(first: 10) { totalCount edges { sharedPaperCount node { name } } } }
              }
            }
            """);

        var authors = data.GetProperty("authors");
        Assert.Equal(8, authors.GetProperty("totalCount").GetInt32());
        var network = authors.GetProperty("nodes").EnumerateArray().ToDictionary(
            a => a.GetProperty("name").GetString()!,
            a => a.GetProperty("coauthors").GetProperty("edges").EnumerateArray()
                .ToDictionary(e => e.GetProperty("node").GetProperty("name").GetString()!, e => e.GetProperty("sharedPaperCount").GetInt32()));
        Assert.Equal(ExpectedNetwork(), network.Where(a => a.Value.Count > 0).ToDictionary(a => a.Key, a => a.Value));

        // The graph index, built from the imported store at start, finds the same network: Alice's coauthors are every other
        // author, so her depth-1 network holds every coauthorship of the sample.
        var coauthorNetwork = (await server.QueryAsync("""
            query($id: ID!) {
              coauthorNetwork(authorId: $id) { nodes { author { name } } edges { source { name } target { name } weight } }
            }
            """, new { id = GlobalId("Author", "A9000001") })).GetProperty("coauthorNetwork");
        Assert.Equal(8, coauthorNetwork.GetProperty("nodes").GetArrayLength());
        var expectedEdges = ExpectedNetwork().SelectMany(a => a.Value.Select(b => (Pair(a.Key, b.Key), b.Value))).Distinct().Order().ToList();
        var edges = coauthorNetwork.GetProperty("edges").EnumerateArray()
            .Select(e => (Pair(e.GetProperty("source").GetProperty("name").GetString()!, e.GetProperty("target").GetProperty("name").GetString()!),
                e.GetProperty("weight").GetInt32()))
            .Order().ToList();
        Assert.Equal(expectedEdges, edges);

        var paper = (await server.QueryAsync("""
            query($id: ID!) {
              paper(id: $id) {
                reportedCitationCount { source citationCount }
                institutions { name type }
                topics { topic { id } }
              }
            }
            """, new { id = GlobalId("Paper", "W9100004") })).GetProperty("paper");
        // The hierarchy from the topic itself: from the paper it is deeper than GraphQLLimits:MaxDepth (6) allows.
        var topic = (await server.QueryAsync("""
            query($id: ID!) { topic(id: $id) { name level parent { name level parent { name level parent { name level parent { name } } } } } }
            """, new { id = paper.GetProperty("topics")[0].GetProperty("topic").GetProperty("id").GetString() })).GetProperty("topic");
        Assert.Equal(("openalex", 18), (paper.GetProperty("reportedCitationCount").GetProperty("source").GetString(),
            paper.GetProperty("reportedCitationCount").GetProperty("citationCount").GetInt32()));
        Assert.Equal(["education", "education"], paper.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("type").GetString()));
        var chain = new List<string>();
        for (var level = topic; level.ValueKind == JsonValueKind.Object;
             level = level.TryGetProperty("parent", out var parent) ? parent : default)
            chain.Add($"{level.GetProperty("level").GetString()}: {level.GetProperty("name").GetString()}");
        Assert.Equal(4, chain.Count);
        Assert.Equal(["TOPIC", "SUBFIELD: Artificial Intelligence", "FIELD", "DOMAIN: Physical Sciences"],
            chain.Select(c => c.StartsWith("SUBFIELD", StringComparison.Ordinal) || c.StartsWith("DOMAIN", StringComparison.Ordinal) ? c : c.Split(':')[0]));

        var subfield = (await server.QueryAsync("query($id: ID!) { topic(id: $id) { level children { name level } } }",
            new { id = GlobalId("Topic", "subfields-1702") })).GetProperty("topic");
        Assert.Equal("SUBFIELD", subfield.GetProperty("level").GetString());
        Assert.Equal(2, subfield.GetProperty("children").GetArrayLength());
        Assert.All(subfield.GetProperty("children").EnumerateArray(), c => Assert.Equal("TOPIC", c.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task The_odd_forms_answer_their_venue_reported_figures_and_raw_authorship_through_GraphQL()
    {
        var oddForms = Path.Combine(RepositoryPaths.Root, "tests", "ScholarGraph.Storage.Tests", "Import", "openalex-odd-forms.jsonl");
        // One record has no title: the import skips it and says so by its exit code.
        Assert.Equal(1, await Run("import", oddForms, "--database", _database));

        await using var server = new ImportedStore(_database);
        var paper = (await server.QueryAsync("""
            query($id: ID!) {
              paper(id: $id) {
                type language isOpenAccess openAccessStatus keywords authorListTruncated
                reportedCitationCount { source citationCount updatedAt }
                reportedFwci { source value updatedAt }
                reportedCitationsByYear { year citationCount source updatedAt }
                venue { id name issnL type openAlexId papers(first: 5) { totalCount } }
              }
            }
            """, new { id = GlobalId("Paper", "W8800008") })).GetProperty("paper");
        Assert.Equal("""
            {"type":"article","language":"en","isOpenAccess":true,"openAccessStatus":"gold","keywords":["Odd"],"authorListTruncated":true,"reportedCitationCount":{"source":"openalex","citationCount":7,"updatedAt":"2025-01-01T00:00:00Z"},"reportedFwci":{"source":"openalex","value":1.25,"updatedAt":"2025-01-01T00:00:00Z"},"reportedCitationsByYear":[{"year":2024,"citationCount":7,"source":"openalex","updatedAt":"2025-01-01T00:00:00Z"}],"venue":{"id":"VmVudWU6Vjg4MDAwMDE=","name":"Journal of Odd Forms","issnL":"1234-5678","type":"journal","openAlexId":"V8800001","papers":{"totalCount":2}}}
            """, paper.GetRawText());

        var authorship = (await server.QueryAsync("""
            query($id: ID!) { paper(id: $id) { authors { rawAuthorName rawAffiliations isCorresponding institution { name } } } }
            """, new { id = GlobalId("Paper", "W8800004") })).GetProperty("paper").GetProperty("authors")[0];
        Assert.Equal("""
            {"rawAuthorName":"A. Odd","rawAffiliations":["Odd University, Auckland","Nurse Manager, Fairleigh Lodge, Auckland, New Zealand."],"isCorresponding":true,"institution":{"name":"Odd University"}}
            """, authorship.GetRawText());

        var venues = (await server.QueryAsync("""
            {
              venues(where: { type: { eq: "journal" } }, order: [{ name: ASC }]) { totalCount nodes { name papers(first: 5, order: [{ openAlexId: ASC }]) { nodes { openAlexId } } } }
              node(id: "VmVudWU6Vjg4MDAwMDE=") { ... on Venue { name } }
              papers(where: { venue: { issnL: { eq: "1234-5678" } }, isOpenAccess: { eq: true } }) { nodes { openAlexId } }
              twins: authors(where: { orcid: { eq: "0000-0002-8800-0001" } }) { nodes { openAlexId otherOpenAlexIds } }
              concept: topic(id: "VG9waWM6Qzg4MDAwMDE=") { level conceptLevel }
            }
            """));
        Assert.Equal("""
            {"venues":{"totalCount":1,"nodes":[{"name":"Journal of Odd Forms","papers":{"nodes":[{"openAlexId":"W8800007"},{"openAlexId":"W8800008"}]}}]},"node":{"name":"Journal of Odd Forms"},"papers":{"nodes":[{"openAlexId":"W8800008"}]},"twins":{"nodes":[{"openAlexId":"A8800091","otherOpenAlexIds":["A8800092"]}]},"concept":{"level":"CONCEPT","conceptLevel":0}}
            """, venues.GetRawText());
    }

    private static string Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a} & {b}" : $"{b} & {a}";

    private static string GlobalId(string type, string key) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{type}:{key}"));

    [Fact]
    public async Task A_bad_option_exits_2_and_an_import_that_did_not_write_everything_exits_1()
    {
        Assert.Equal(2, await Run("import", Sample, "--database", _database, "--on-error", "ignore"));
        Assert.Equal(2, await Run("import", "--database", _database));
        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.jsonl");
        try
        {
            await File.WriteAllTextAsync(bad, "{\"id\": \"https://openalex.org/W1\"}\n");
            Assert.Equal(1, await Run("import", bad, "--database", _database, "--on-error", "stop"));
            // Skipped rather than stopped, it still was not written: the exit code says so.
            Assert.Equal(1, await Run("import", bad, "--database", _database));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    // Each author's coauthors with their shared-work counts, from the sample file itself.
    private static Dictionary<string, Dictionary<string, int>> ExpectedNetwork()
    {
        var network = new Dictionary<string, Dictionary<string, int>>();
        foreach (var line in File.ReadLines(Sample))
        {
            using var work = JsonDocument.Parse(line);
            var names = work.RootElement.GetProperty("authorships").EnumerateArray()
                .Select(a => a.GetProperty("author").GetProperty("display_name").GetString()!).ToList();
            foreach (var a in names)
            {
                foreach (var b in names.Where(b => b != a))
                {
                    var coauthors = network.TryGetValue(a, out var known) ? known : network[a] = [];
                    coauthors[b] = coauthors.GetValueOrDefault(b) + 1;
                }
            }
        }
        return network;
    }
}
