using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Tests.Infrastructure;
using static ScholarGraph.Server.Tests.Infrastructure.WriteTestHost;

namespace ScholarGraph.Server.Tests.Writes;

/// <summary>createPaper, updatePaper, deletePaper, addCitation and removeCitation on SQLite and PostgreSQL: success, each typed error.</summary>
public abstract class PaperMutationTests<THost>(THost host) : IClassFixture<THost> where THost : WriteTestHost
{
    private const string PaperSelection = """
        paper {
          id title doi codeUrl publicationDate dateYearInferred
          authors { position author { id name } }
          institutions { name }
          topics { score topic { name } }
          cites(first: 10) { nodes { id } }
          citedBy(first: 10) { nodes { id } }
        }
        """;

    private static string Mutation(string name, string inputType, params string[] errors) =>
        $"mutation M($input: {inputType}!) {{ {name}(input: $input) {{ {PaperSelection} {Payloads.Errors(["ValidationError", .. errors])} }} }}";

    private static readonly string CreatePaper = Mutation("createPaper", "CreatePaperInput",
        "AuthorNotFoundError", "InstitutionNotFoundError", "TopicNotFoundError", "PaperNotFoundError", "DuplicatePaperError");
    private static readonly string UpdatePaper = Mutation("updatePaper", "UpdatePaperInput", "PaperNotFoundError", "DuplicatePaperError");
    private static readonly string DeletePaper = Mutation("deletePaper", "DeletePaperInput", "PaperNotFoundError");
    private static readonly string AddCitation = Mutation("addCitation", "AddCitationInput", "PaperNotFoundError", "DuplicateCitationError");
    private static readonly string RemoveCitation = Mutation("removeCitation", "RemoveCitationInput", "PaperNotFoundError", "CitationNotFoundError");

    private static readonly string Devvrit = Id("Author", "devvrit-khatri");
    private static readonly string Rishabh = Id("Author", "rishabh-tiwari");
    private static readonly string SeedPaper = Id("Paper", "interleaved-head-attention");

    private Task<JsonElement> CreateAsync(object input) => host.MutateAsync("createPaper", CreatePaper, input);

    private static object Minimal(string title, object? doi = null) => new { title, doi, authors = new object[] { new { authorId = Devvrit } } };

    [Fact]
    public async Task CreatePaper_writes_authors_in_order_new_authors_institutions_topics_and_citations_and_the_next_query_sees_them()
    {
        var before = await CoauthorCountAsync(Devvrit);
        var title = $"A Curated Paper {Guid.NewGuid().ToString("N")[..6]}";
        var paper = Payloads.Success(await CreateAsync(new
        {
            title,
            publicationDate = "2026-03-01",
            codeUrl = "https://example.org/code",
            authors = new object[] { new { name = "New Person" }, new { authorId = Devvrit, institutionId = Id("Institution", "berkeley") }, new { name = "New Person" } },
            institutionIds = new[] { Id("Institution", "harvard"), Id("Institution", "berkeley") },
            topics = new[] { new { topicId = Id("Topic", "reasoning"), score = 0.75 } },
            citesIds = new[] { SeedPaper },
        }), "paper");

        Assert.Equal(title, paper.GetProperty("title").GetString());
        Assert.False(paper.GetProperty("dateYearInferred").GetBoolean());
        var authors = paper.GetProperty("authors").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], authors.Select(a => a.GetProperty("position").GetInt32()));
        Assert.Equal([Id("Author", "new-person"), Devvrit, Id("Author", "new-person-2")], authors.Select(a => a.GetProperty("author").GetProperty("id").GetString()));
        Assert.Equal(["harvard", "berkeley"], paper.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(0.75, Assert.Single(paper.GetProperty("topics").EnumerateArray()).GetProperty("score").GetDouble());
        Assert.Equal(SeedPaper, Assert.Single(paper.GetProperty("cites").GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());

        // A query after the mutation sees the new coauthors and the new citation.
        Assert.Equal(before + 2, await CoauthorCountAsync(Devvrit));
        var citedBy = (await host.QueryAsync("query($id: ID!) { paper(id: $id) { citedBy(first: 50) { nodes { id } } } }", new { id = SeedPaper }))
            .GetProperty("paper").GetProperty("citedBy").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString());
        Assert.Contains(paper.GetProperty("id").GetString(), citedBy);

        var key = paper.GetProperty("id").GetString()!;
        var added = Assert.Single(host.Changes.OfType<PaperAdded>(), p => Id("Paper", p.PaperId) == key);
        Assert.Equal(["new-person", "devvrit-khatri", "new-person-2"], added.AuthorIds);
        Assert.Equal(3, host.Changes.OfType<CoauthorshipAdded>().Count(c => Id("Paper", c.PaperId) == key));
    }

    [Fact]
    public async Task CreatePaper_reports_each_unknown_reference_with_its_path_and_writes_nothing()
    {
        var count = await PaperCountAsync();
        var payload = await CreateAsync(new
        {
            title = "Paper With Ghosts",
            authors = new object[] { new { authorId = Devvrit }, new { authorId = Id("Author", "ghost") }, new { name = "Real New Name", institutionId = Id("Institution", "ghost") } },
            institutionIds = new[] { Id("Institution", "nowhere") },
            topics = new[] { new { topicId = Id("Topic", "ghost-topic"), score = 0.5 } },
            citesIds = new[] { Id("Paper", "ghost-paper") },
        });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("paper").ValueKind);
        var errors = payload.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("__typename").GetString(), Payloads.PathOf(e))).ToList();
        Assert.Equal(
            [("AuthorNotFoundError", "input.authors.1.authorId"), ("InstitutionNotFoundError", "input.authors.2.institutionId"),
             ("PaperNotFoundError", "input.citesIds.0"), ("InstitutionNotFoundError", "input.institutionIds.0"), ("TopicNotFoundError", "input.topics.0.topicId")],
            errors.OrderBy(e => e.Item2, StringComparer.Ordinal));
        Assert.Equal(count, await PaperCountAsync());
        Assert.Equal(JsonValueKind.Null, (await host.QueryAsync("query($id: ID!) { author(id: $id) { id } }", new { id = Id("Author", "real-new-name") })).GetProperty("author").ValueKind);
    }

    [Fact]
    public async Task CreatePaper_reports_invalid_values_with_their_paths()
    {
        var payload = await CreateAsync(new
        {
            title = " ",
            codeUrl = "ftp://example.org",
            authors = new object[] { new { authorId = Devvrit, name = "Both" }, new { } , new { authorId = Rishabh }, new { authorId = Rishabh } },
            topics = new[] { new { topicId = Id("Topic", "reasoning"), score = 1.5 } },
        });

        var errors = payload.GetProperty("errors").EnumerateArray().ToList();
        Assert.All(errors, e => Assert.Equal("ValidationError", e.GetProperty("__typename").GetString()));
        Assert.Equal(["input.authors.0.name", "input.authors.1.authorId", "input.authors.3.authorId", "input.codeUrl", "input.title", "input.topics.0.score"],
            errors.Select(Payloads.PathOf).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreatePaper_reports_a_taken_doi_as_DuplicatePaperError()
    {
        var doi = $"10.1234/{Guid.NewGuid():N}";
        var first = Payloads.Success(await CreateAsync(Minimal("First With Doi", doi)), "paper");
        var error = Payloads.SingleError(await CreateAsync(Minimal("Second With Doi", doi)), "paper", "DuplicatePaperError");
        Assert.Equal("doi", error.GetProperty("field").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), error.GetProperty("existingPaper").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_doi_is_one_doi_whatever_its_case_or_resolver_prefix()
    {
        // DOIs are case-insensitive; the importer stores them bare and lower-cased, so the mutations must find the same paper.
        var suffix = Guid.NewGuid().ToString("N").ToUpperInvariant();
        var first = Payloads.Success(await CreateAsync(Minimal("Doi With Prefix", $"https://doi.org/10.1234/ABC.{suffix}")), "paper");
        var error = Payloads.SingleError(await CreateAsync(Minimal("Same Doi Bare", $"10.1234/abc.{suffix.ToLowerInvariant()}")), "paper",
            "DuplicatePaperError");
        Assert.Equal(first.GetProperty("id").GetString(), error.GetProperty("existingPaper").GetProperty("id").GetString());
        var stored = await host.QueryAsync("query($id: ID!) { paper(id: $id) { doi } }", new { id = first.GetProperty("id").GetString() });
        Assert.Equal($"10.1234/abc.{suffix.ToLowerInvariant()}", stored.GetProperty("paper").GetProperty("doi").GetString());
    }

    [Fact]
    public async Task UpdatePaper_changes_given_fields_and_reports_unknown_papers_and_taken_dois()
    {
        var doi = $"10.1234/{Guid.NewGuid():N}";
        Payloads.Success(await CreateAsync(Minimal("Holds A Doi", doi)), "paper");
        var id = Payloads.Success(await CreateAsync(Minimal("To Be Updated")), "paper").GetProperty("id").GetString();

        var updated = Payloads.Success(await host.MutateAsync("updatePaper", UpdatePaper, new { id, title = "Updated Title", publicationDate = "2025-01-02" }), "paper");
        Assert.Equal("Updated Title", updated.GetProperty("title").GetString());
        Assert.Equal("2025-01-02", updated.GetProperty("publicationDate").GetString());
        Assert.Contains(host.Changes, c => c is PaperUpdated u && Id("Paper", u.PaperId) == id);

        var duplicate = Payloads.SingleError(await host.MutateAsync("updatePaper", UpdatePaper, new { id, doi }), "paper", "DuplicatePaperError");
        Assert.Equal("doi", duplicate.GetProperty("field").GetString());
        var missing = Payloads.SingleError(await host.MutateAsync("updatePaper", UpdatePaper, new { id = Id("Paper", "ghost"), title = "X" }), "paper", "PaperNotFoundError");
        Assert.Equal("input.id", Payloads.PathOf(missing));
        var blank = Payloads.SingleError(await host.MutateAsync("updatePaper", UpdatePaper, new { id, title = "" }), "paper", "ValidationError");
        Assert.Equal("input.title", Payloads.PathOf(blank));
    }

    [Fact]
    public async Task DeletePaper_removes_the_paper_its_authorships_and_its_citations_both_ways()
    {
        var cited = Payloads.Success(await CreateAsync(Minimal("Cited Then Deleted")), "paper").GetProperty("id").GetString();
        var citing = Payloads.Success(await CreateAsync(new { title = "Cites The Deleted One", authors = new object[] { new { authorId = Rishabh } }, citesIds = new[] { cited } }), "paper")
            .GetProperty("id").GetString();
        var devvritPapers = await PaperCountOfAsync(Devvrit);

        var deleted = Payloads.Success(await host.MutateAsync("deletePaper", DeletePaper, new { id = cited }), "paper");

        Assert.Equal("Cited Then Deleted", deleted.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, (await host.QueryAsync("query($id: ID!) { paper(id: $id) { id } }", new { id = cited })).GetProperty("paper").ValueKind);
        Assert.Empty((await host.QueryAsync("query($id: ID!) { paper(id: $id) { cites(first: 5) { nodes { id } } } }", new { id = citing }))
            .GetProperty("paper").GetProperty("cites").GetProperty("nodes").EnumerateArray());
        Assert.Equal(devvritPapers - 1, await PaperCountOfAsync(Devvrit));
        var missing = Payloads.SingleError(await host.MutateAsync("deletePaper", DeletePaper, new { id = cited }), "paper", "PaperNotFoundError");
        Assert.Equal(cited, missing.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AddCitation_and_RemoveCitation_change_the_citation_and_report_duplicates_self_citations_and_missing_ones()
    {
        var citing = Payloads.Success(await CreateAsync(Minimal("Will Cite")), "paper").GetProperty("id").GetString();
        var input = new { citingPaperId = citing, citedPaperId = SeedPaper };

        var added = Payloads.Success(await host.MutateAsync("addCitation", AddCitation, input), "paper");
        Assert.Equal(SeedPaper, Assert.Single(added.GetProperty("cites").GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());
        Payloads.SingleError(await host.MutateAsync("addCitation", AddCitation, input), "paper", "DuplicateCitationError");
        var self = Payloads.SingleError(await host.MutateAsync("addCitation", AddCitation, new { citingPaperId = citing, citedPaperId = citing }), "paper", "ValidationError");
        Assert.Equal("input.citedPaperId", Payloads.PathOf(self));
        Assert.Equal("input.citingPaperId",
            Payloads.PathOf(Payloads.SingleError(await host.MutateAsync("addCitation", AddCitation, new { citingPaperId = Id("Paper", "ghost"), citedPaperId = SeedPaper }), "paper", "PaperNotFoundError")));

        var removed = Payloads.Success(await host.MutateAsync("removeCitation", RemoveCitation, input), "paper");
        Assert.Empty(removed.GetProperty("cites").GetProperty("nodes").EnumerateArray());
        Payloads.SingleError(await host.MutateAsync("removeCitation", RemoveCitation, input), "paper", "CitationNotFoundError");
        Payloads.SingleError(await host.MutateAsync("removeCitation", RemoveCitation, new { citingPaperId = citing, citedPaperId = Id("Paper", "ghost") }), "paper", "PaperNotFoundError");
        Assert.Contains(host.Changes, c => c is CitationAdded a && Id("Paper", a.CitingPaperId) == citing);
        Assert.Contains(host.Changes, c => c is CitationRemoved r && Id("Paper", r.CitingPaperId) == citing);
    }

    private async Task<int> PaperCountAsync() =>
        (await host.QueryAsync("{ papers { totalCount } }")).GetProperty("papers").GetProperty("totalCount").GetInt32();

    private async Task<int> PaperCountOfAsync(string author) =>
        (await host.QueryAsync("query($id: ID!) { author(id: $id) { papers { totalCount } } }", new { id = author }))
            .GetProperty("author").GetProperty("papers").GetProperty("totalCount").GetInt32();

    private async Task<int> CoauthorCountAsync(string author) =>
        (await host.QueryAsync("query($id: ID!) { author(id: $id) { coauthors { totalCount } } }", new { id = author }))
            .GetProperty("author").GetProperty("coauthors").GetProperty("totalCount").GetInt32();
}

public sealed class PaperMutationOnSqliteTests(SqliteWriteTestHost host) : PaperMutationTests<SqliteWriteTestHost>(host);

[RequiresPostgres]
public sealed class PaperMutationOnPostgresTests(PostgresWriteTestHost host) : PaperMutationTests<PostgresWriteTestHost>(host);
