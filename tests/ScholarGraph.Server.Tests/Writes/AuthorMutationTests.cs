using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Tests.Infrastructure;
using static ScholarGraph.Server.Tests.Infrastructure.WriteTestHost;

namespace ScholarGraph.Server.Tests.Writes;

/// <summary>createAuthor, updateAuthor, mergeAuthors and deleteAuthor on SQLite and PostgreSQL: success, each typed error.</summary>
public abstract class AuthorMutationTests<THost>(THost host) : IClassFixture<THost> where THost : WriteTestHost
{
    private const string AuthorSelection = "author { id name category orcid institutions { name } papers(first: 20) { totalCount nodes { id } } }";

    private static string Mutation(string name, string inputType, params string[] errors) =>
        $"mutation M($input: {inputType}!) {{ {name}(input: $input) {{ {AuthorSelection} {Payloads.Errors(["ValidationError", .. errors])} }} }}";

    private static readonly string CreateAuthor = Mutation("createAuthor", "CreateAuthorInput", "DuplicateAuthorError", "InstitutionNotFoundError");
    private static readonly string UpdateAuthor = Mutation("updateAuthor", "UpdateAuthorInput", "AuthorNotFoundError", "DuplicateAuthorError", "InstitutionNotFoundError");
    private static readonly string MergeAuthors = Mutation("mergeAuthors", "MergeAuthorsInput", "AuthorNotFoundError");
    private static readonly string DeleteAuthor = Mutation("deleteAuthor", "DeleteAuthorInput", "AuthorNotFoundError");

    private Task<JsonElement> CreateAsync(object input) => host.MutateAsync("createAuthor", CreateAuthor, input);

    private async Task<JsonElement> AuthorAsync(string id) =>
        (await host.QueryAsync($"query($id: ID!) {{ author(id: $id) {{ id name category orcid institutions {{ name }} papers(first: 20) {{ totalCount nodes {{ id }} }} }} }}", new { id }))
            .GetProperty("author");

    [Fact]
    public async Task CreateAuthor_gives_a_unique_slug_key_and_the_affiliations_and_the_next_query_sees_it()
    {
        var name = $"Ada Lovelace {Guid.NewGuid().ToString("N")[..6]}";
        var first = Payloads.Success(await CreateAsync(new { name, orcid = $"0000-{Guid.NewGuid():N}", institutionIds = new[] { Id("Institution", "berkeley") } }), "author");
        var second = Payloads.Success(await CreateAsync(new { name }), "author");

        var slug = name.ToLowerInvariant().Replace(' ', '-');
        Assert.Equal(Id("Author", slug), first.GetProperty("id").GetString());
        Assert.Equal(Id("Author", slug + "-2"), second.GetProperty("id").GetString());
        var read = await AuthorAsync(first.GetProperty("id").GetString()!);
        Assert.Equal(name, read.GetProperty("name").GetString());
        Assert.Equal("berkeley", Assert.Single(read.GetProperty("institutions").EnumerateArray()).GetProperty("name").GetString());
        Assert.Contains(host.Changes, c => c is AuthorAdded { AuthorId: var id } && id == slug);
    }

    [Fact]
    public async Task CreateAuthor_reports_a_blank_name_with_its_path()
    {
        var error = Payloads.SingleError(await CreateAsync(new { name = "   " }), "author", "ValidationError");
        Assert.Equal("input.name", Payloads.PathOf(error));
        Assert.Contains("must not be empty", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateAuthor_reports_a_taken_orcid_as_DuplicateAuthorError_and_writes_nothing()
    {
        var orcid = $"0000-{Guid.NewGuid():N}";
        var existing = Payloads.Success(await CreateAsync(new { name = "First Holder", orcid }), "author");
        var count = await AuthorCountAsync();

        var error = Payloads.SingleError(await CreateAsync(new { name = "Second Holder", orcid }), "author", "DuplicateAuthorError");
        Assert.Equal("orcid", error.GetProperty("field").GetString());
        Assert.Equal(existing.GetProperty("id").GetString(), error.GetProperty("existingAuthor").GetProperty("id").GetString());
        Assert.Equal(count, await AuthorCountAsync());
    }

    [Fact]
    public async Task CreateAuthor_reports_an_unknown_institution_with_its_id_and_path()
    {
        var ghost = Id("Institution", "ghost-university");
        var error = Payloads.SingleError(
            await CreateAsync(new { name = "Nobody", institutionIds = new[] { Id("Institution", "harvard"), ghost } }), "author", "InstitutionNotFoundError");
        Assert.Equal(ghost, error.GetProperty("id").GetString());
        Assert.Equal("input.institutionIds.1", Payloads.PathOf(error));
    }

    [Fact]
    public async Task UpdateAuthor_changes_given_fields_clears_nulls_and_keeps_the_rest()
    {
        var created = Payloads.Success(await CreateAsync(new { name = "Grace Hopper", category = "PL", orcid = $"0000-{Guid.NewGuid():N}" }), "author");
        var id = created.GetProperty("id").GetString()!;

        var updated = Payloads.Success(await host.MutateAsync("updateAuthor", UpdateAuthor,
            new Dictionary<string, object?> { ["id"] = id, ["name"] = "Grace B. Hopper", ["category"] = null, ["institutionIds"] = new[] { Id("Institution", "harvard") } }), "author");

        Assert.Equal("Grace B. Hopper", updated.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("category").ValueKind);
        Assert.Equal(created.GetProperty("orcid").GetString(), updated.GetProperty("orcid").GetString());
        Assert.Equal("harvard", Assert.Single(updated.GetProperty("institutions").EnumerateArray()).GetProperty("name").GetString());
        Assert.Contains(host.Changes, c => c is AuthorUpdated u && Id("Author", u.AuthorId) == id);
    }

    [Fact]
    public async Task A_name_only_lookup_is_answered_by_the_graph_index_without_SQL_and_sees_a_rename_at_once()
    {
        const string NameOnly = "query($id: ID!) { node(id: $id) { ... on Author { name } } }";
        var id = Payloads.Success(await CreateAsync(new { name = "Edsger Dijkstra" }), "author").GetProperty("id").GetString()!;
        host.Commands.Reset();
        Assert.Equal("Edsger Dijkstra", (await host.QueryAsync(NameOnly, new { id })).GetProperty("node").GetProperty("name").GetString());
        Assert.Empty(host.Commands.Commands);

        Payloads.Success(await host.MutateAsync("updateAuthor", UpdateAuthor, new { id, name = "Edsger W. Dijkstra" }), "author");
        host.Commands.Reset();
        Assert.Equal("Edsger W. Dijkstra", (await host.QueryAsync(NameOnly, new { id })).GetProperty("node").GetProperty("name").GetString());
        Assert.Empty(host.Commands.Commands);
        // A selection reading another column still goes to the store, and agrees.
        var read = await AuthorAsync(id);
        Assert.Equal("Edsger W. Dijkstra", read.GetProperty("name").GetString());
        Assert.NotEmpty(host.Commands.Commands);
    }

    [Fact]
    public async Task UpdateAuthor_reports_an_unknown_author_and_an_id_of_another_type()
    {
        var ghost = Id("Author", "ghost");
        var missing = Payloads.SingleError(await host.MutateAsync("updateAuthor", UpdateAuthor, new { id = ghost, name = "X" }), "author", "AuthorNotFoundError");
        Assert.Equal(ghost, missing.GetProperty("id").GetString());

        var wrongType = Payloads.SingleError(await host.MutateAsync("updateAuthor", UpdateAuthor, new { id = Id("Paper", "interleaved-head-attention") }), "author", "ValidationError");
        Assert.Equal("input.id", Payloads.PathOf(wrongType));
        Assert.Contains($"input.id: '{Id("Paper", "interleaved-head-attention")}' is the id of a Paper, not of an Author", wrongType.GetProperty("message").GetString());
    }

    [Fact]
    public async Task UpdateAuthor_reports_an_orcid_another_author_has()
    {
        var orcid = $"0000-{Guid.NewGuid():N}";
        Payloads.Success(await CreateAsync(new { name = "Holder", orcid }), "author");
        var other = Payloads.Success(await CreateAsync(new { name = "Other" }), "author");
        var error = Payloads.SingleError(await host.MutateAsync("updateAuthor", UpdateAuthor, new { id = other.GetProperty("id").GetString(), orcid }), "author", "DuplicateAuthorError");
        Assert.Equal("orcid", error.GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, (await AuthorAsync(other.GetProperty("id").GetString()!)).GetProperty("orcid").ValueKind);
    }

    [Fact]
    public async Task MergeAuthors_moves_papers_and_affiliations_keeps_one_authorship_per_paper_and_deletes_the_other()
    {
        // Two records of one person: "duplicate" is on a paper with "keep" and on one paper alone.
        var keep = Payloads.Success(await CreateAsync(new { name = "Merge Keep", institutionIds = new[] { Id("Institution", "berkeley") } }), "author").GetProperty("id").GetString()!;
        var duplicate = Payloads.Success(await CreateAsync(new { name = "Merge Duplicate", orcid = $"0000-{Guid.NewGuid():N}", institutionIds = new[] { Id("Institution", "harvard") } }), "author").GetProperty("id").GetString()!;
        const string createPaper = "mutation M($input: CreatePaperInput!) { createPaper(input: $input) { paper { id } errors { __typename } } }";
        var shared = (await host.MutateAsync("createPaper", createPaper, new { title = "Shared Merge Paper", authors = new object[] { new { authorId = keep }, new { authorId = duplicate }, new { name = "Merge Coauthor" } } }))
            .GetProperty("paper").GetProperty("id").GetString();
        var alone = (await host.MutateAsync("createPaper", createPaper, new { title = "Duplicate's Own Paper", authors = new object[] { new { name = "Solo Coauthor" }, new { authorId = duplicate } } }))
            .GetProperty("paper").GetProperty("id").GetString();

        var merged = Payloads.Success(await host.MutateAsync("mergeAuthors", MergeAuthors, new { keepId = keep, removeId = duplicate }), "author");

        Assert.Equal(keep, merged.GetProperty("id").GetString());
        Assert.NotEqual(JsonValueKind.Null, merged.GetProperty("orcid").ValueKind);
        Assert.Equal(["berkeley", "harvard"], merged.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order());
        Assert.Equal([alone, shared], merged.GetProperty("papers").GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Order());
        // The authorships in a query of their own: below the mutation's payload they are deeper than GraphQLLimits:MaxDepth (6) allows.
        var papers = (await host.QueryAsync("query($id: ID!) { author(id: $id) { papers(first: 20) { nodes { id authors { position author { id } } } } } }", new { id = keep }))
            .GetProperty("author").GetProperty("papers").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal([alone, shared], papers.Select(p => p.GetProperty("id").GetString()).Order());
        foreach (var paper in papers)
        {
            var authorIds = paper.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("author").GetProperty("id").GetString()).ToList();
            Assert.Single(authorIds, a => a == keep);
            Assert.DoesNotContain(duplicate, authorIds);
        }
        var onAlone = papers.Single(p => p.GetProperty("id").GetString() == alone).GetProperty("authors").EnumerateArray()
            .Single(a => a.GetProperty("author").GetProperty("id").GetString() == keep);
        Assert.Equal(2, onAlone.GetProperty("position").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await AuthorAsync(duplicate)).ValueKind);
        Assert.Contains(host.Changes, c => c is AuthorsMerged m && Id("Author", m.KeptId) == keep && Id("Author", m.RemovedId) == duplicate);
        Assert.Contains(host.Changes, c => c is CoauthorshipAdded a && Id("Author", a.AuthorId) == keep && a.CoauthorId == "solo-coauthor");
    }

    [Fact]
    public async Task MergeAuthors_reports_an_unknown_author_and_an_author_merged_with_itself()
    {
        var keep = Id("Author", "devvrit-khatri");
        var missing = Payloads.SingleError(await host.MutateAsync("mergeAuthors", MergeAuthors, new { keepId = keep, removeId = Id("Author", "ghost") }), "author", "AuthorNotFoundError");
        Assert.Equal("input.removeId", Payloads.PathOf(missing));

        var self = Payloads.SingleError(await host.MutateAsync("mergeAuthors", MergeAuthors, new { keepId = keep, removeId = keep }), "author", "ValidationError");
        Assert.Equal("input.removeId", Payloads.PathOf(self));
        Assert.Equal(6, (await AuthorAsync(keep)).GetProperty("papers").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task DeleteAuthor_removes_the_author_and_their_authorships_but_not_their_papers()
    {
        var id = Payloads.Success(await CreateAsync(new { name = "Short Lived" }), "author").GetProperty("id").GetString()!;
        var paper = (await host.MutateAsync("createPaper", "mutation M($input: CreatePaperInput!) { createPaper(input: $input) { paper { id } } }",
            new { title = "Paper Outliving Its Author", authors = new object[] { new { authorId = id }, new { name = "Survivor" } } })).GetProperty("paper").GetProperty("id").GetString();

        var deleted = Payloads.Success(await host.MutateAsync("deleteAuthor", DeleteAuthor, new { id }), "author");

        Assert.Equal("Short Lived", deleted.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, (await AuthorAsync(id)).ValueKind);
        var authors = (await host.QueryAsync("query($id: ID!) { paper(id: $id) { authors { author { name } } } }", new { id = paper }))
            .GetProperty("paper").GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(["Survivor"], authors);
        Assert.Contains(host.Changes, c => c is AuthorRemoved r && Id("Author", r.AuthorId) == id);
    }

    [Fact]
    public async Task DeleteAuthor_reports_an_unknown_author()
    {
        var error = Payloads.SingleError(await host.MutateAsync("deleteAuthor", DeleteAuthor, new { id = Id("Author", "ghost") }), "author", "AuthorNotFoundError");
        Assert.Equal("input.id", Payloads.PathOf(error));
    }

    [Fact]
    public async Task An_authors_papers_cut_from_the_graph_index_follow_new_papers_in_the_stores_order_undated_last()
    {
        var author = Payloads.Success(await CreateAsync(new { name = $"Index Order {Guid.NewGuid():N}" }), "author").GetProperty("id").GetString()!;
        const string createPaper = "mutation M($input: CreatePaperInput!) { createPaper(input: $input) { paper { id } errors { __typename } } }";
        var suffix = Guid.NewGuid().ToString("N")[..6];
        foreach (var (title, date) in new (string, string?)[] { ("Undated B", null), ("Older", "2019-05-01"), ("Undated A", null), ("Newer", "2024-02-29"), ("Same Day", "2019-05-01") })
        {
            var authors = new[] { new { authorId = author } };
            object input = date is null ? new { title = $"{title} {suffix}", authors } : new { title = $"{title} {suffix}", publicationDate = date, authors };
            Assert.Equal(JsonValueKind.Object, (await host.MutateAsync("createPaper", createPaper, input)).GetProperty("paper").ValueKind);
        }

        async Task<JsonElement> PapersAsync(object variables) => (await host.QueryAsync(
            "query($id: ID!, $first: Int, $after: String, $last: Int) { author(id: $id) { papers(first: $first, after: $after, last: $last) { pageInfo { endCursor } nodes { title } } } }",
            variables)).GetProperty("author").GetProperty("papers");
        List<string> Titles(JsonElement page) =>
            page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString()!.Replace($" {suffix}", "")).ToList();

        // Forward pages come from the index, backward ones from the store's windowed query: the same order.
        var fromIndex = Titles(await PapersAsync(new { id = author, first = 10 }));
        Assert.Equal(Titles(await PapersAsync(new { id = author, last = 10 })), fromIndex);
        Assert.Equal("Newer", fromIndex[0]);
        Assert.Equal(["Older", "Same Day"], fromIndex[1..3].Order());
        Assert.Equal(["Undated A", "Undated B"], fromIndex[3..].Order());
        // Across the boundary of the dated and the undated papers.
        var firstPage = await PapersAsync(new { id = author, first = 3 });
        var rest = Titles(await PapersAsync(new { id = author, first = 10, after = firstPage.GetProperty("pageInfo").GetProperty("endCursor").GetString() }));
        Assert.Equal(fromIndex[3..], rest);
    }

    private async Task<int> AuthorCountAsync() =>
        (await host.QueryAsync("{ authors { totalCount } }")).GetProperty("authors").GetProperty("totalCount").GetInt32();
}

public sealed class AuthorMutationOnSqliteTests(SqliteWriteTestHost host) : AuthorMutationTests<SqliteWriteTestHost>(host);

[RequiresPostgres]
public sealed class AuthorMutationOnPostgresTests(PostgresWriteTestHost host) : AuthorMutationTests<PostgresWriteTestHost>(host);
