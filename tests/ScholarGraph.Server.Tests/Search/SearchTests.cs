using System.Text.Json;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Server.Tests.Writes;
using ScholarGraph.Tests.Shared.Postgres;
using static ScholarGraph.Server.Tests.Infrastructure.WriteTestHost;

namespace ScholarGraph.Server.Tests.Search;

/// <summary>
/// <c>search</c> and <c>autocomplete</c> on the seed, the same tests on InMemory, SQLite and PostgreSQL: ranking, phrases,
/// prefixes, exclusions, the types filter, paging, writes becoming searchable, and the errors of bad queries. The expected
/// hits are the seed's facts (which paper's title or abstract holds which words).
/// </summary>
public abstract class SearchTests<THost>(THost host) : IClassFixture<THost> where THost : WriteTestHost
{
    private const string Interleaved = "interleaved-head-attention";
    private const string LongContext = "let-s-not-just-put-things-in-context-test-time-training-for-long-context-llms";
    private const string FastAndSlow = "learning-fast-and-slow-towards-llms-that-adapt-continually";
    private const string ScalingRl = "the-art-of-scaling-reinforcement-learning-compute-for-llms";
    private const string ManyShots = "compressing-many-shots-in-in-context-learning";

    private const string Search = """
        query($q: String!, $types: [SearchType!], $first: Int, $after: String) {
          search(query: $q, types: $types, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage endCursor }
            edges { cursor node { id type score snippet entity { __typename ... on Paper { title } ... on Author { name } ... on Topic { name } ... on Institution { name } } } }
          }
        }
        """;

    private async Task<JsonElement> SearchAsync(string query, string[]? types = null, int? first = null, string? after = null) =>
        (await host.QueryAsync(Search, new { q = query, types, first, after })).GetProperty("search");

    private static List<JsonElement> Hits(JsonElement search) =>
        search.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();

    private static List<string> Ids(JsonElement search) => Hits(search).Select(h => h.GetProperty("id").GetString()!).ToList();

    private async Task<List<string>> PaperIdsAsync(string query) => Ids(await SearchAsync(query, ["PAPER"], 50));

    [Fact]
    public async Task A_title_match_outranks_an_abstract_only_match_and_each_hit_brings_its_snippet_and_entity()
    {
        // "attention": the title of Interleaved Head Attention; only the abstract ("static self-attention") of the long-context paper.
        var search = await SearchAsync("attention", ["PAPER"]);

        Assert.Equal(2, search.GetProperty("totalCount").GetInt32());
        Assert.Equal([Id("Paper", Interleaved), Id("Paper", LongContext)], Ids(search));
        var hits = Hits(search);
        Assert.True(hits[0].GetProperty("score").GetDouble() > hits[1].GetProperty("score").GetDouble());
        Assert.Equal("Interleaved Head <mark>Attention</mark>", hits[0].GetProperty("snippet").GetString());
        Assert.Equal("Interleaved Head Attention", hits[0].GetProperty("entity").GetProperty("title").GetString());
        var fragment = hits[1].GetProperty("snippet").GetString()!;
        Assert.StartsWith("…", fragment);
        Assert.Contains("<mark>attention</mark>", fragment);
        Assert.DoesNotContain("<mark>", fragment.Replace("<mark>attention</mark>", "").Replace("<mark>self</mark>", ""));
        Assert.Equal("PAPER", hits[1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_phrase_needs_its_words_in_order()
    {
        // The long-context paper's title and abstract hold "long context"; no paper holds "context long".
        Assert.Equal([Id("Paper", LongContext)], await PaperIdsAsync("\"long context\""));
        Assert.Empty(await PaperIdsAsync("\"context long\""));
        // Two papers hold both "learning" and "context", each as "in-context learning": the phrase in that order only.
        Assert.Equal([Id("Paper", ManyShots), Id("Paper", FastAndSlow)], (await PaperIdsAsync("learning context")).Order());
        Assert.Equal([Id("Paper", ManyShots), Id("Paper", FastAndSlow)], (await PaperIdsAsync("\"context learning\"")).Order());
        Assert.Empty(await PaperIdsAsync("\"learning context\""));
    }

    [Fact]
    public async Task A_prefix_matches_the_words_starting_with_it_and_a_plain_word_only_itself()
    {
        // Only the many-shots paper has words starting with "compress" (compressing, compression, compressor); none is "compress".
        Assert.Equal([Id("Paper", ManyShots)], await PaperIdsAsync("compress*"));
        Assert.Empty(await PaperIdsAsync("compress"));
        var marked = Hits(await SearchAsync("compress*", ["PAPER"]))[0].GetProperty("snippet").GetString();
        Assert.Equal("<mark>Compressing</mark> Many-Shots in In-Context Learning", marked);
    }

    [Fact]
    public async Task An_exclusion_removes_every_hit_that_holds_it()
    {
        // Five papers say "LLMs"; three of them also say "reasoning".
        Assert.Equal(5, (await PaperIdsAsync("llms")).Count);
        Assert.Equal([Id("Paper", ManyShots), Id("Paper", ScalingRl)], (await PaperIdsAsync("llms -reasoning")).Order());
        Assert.Equal([Id("Paper", ManyShots), Id("Paper", FastAndSlow), Id("Paper", ScalingRl)],
            (await PaperIdsAsync("llms -\"multi step\"")).Order());
    }

    [Fact]
    public async Task Types_choose_what_is_searched_and_every_type_is_searched_without_them()
    {
        var all = await SearchAsync("attention");
        Assert.Equal(3, all.GetProperty("totalCount").GetInt32());
        Assert.Equal(["PAPER", "PAPER", "TOPIC"], Hits(all).Select(h => h.GetProperty("type").GetString()).Order());

        var topics = await SearchAsync("attention", ["TOPIC"]);
        var topic = Assert.Single(Hits(topics));
        Assert.Equal(Id("Topic", "attention-mechanisms"), topic.GetProperty("id").GetString());
        Assert.Equal("<mark>Attention</mark> mechanisms", topic.GetProperty("snippet").GetString());
        Assert.Equal("Topic", topic.GetProperty("entity").GetProperty("__typename").GetString());

        var authors = Hits(await SearchAsync("rishabh", ["AUTHOR", "INSTITUTION"]));
        Assert.Equal("Rishabh Tiwari", Assert.Single(authors).GetProperty("entity").GetProperty("name").GetString());
        Assert.Equal("berkeley", Assert.Single(Hits(await SearchAsync("berkeley", ["INSTITUTION"]))).GetProperty("entity").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Pages_follow_one_another_with_after_in_rank_order()
    {
        var whole = await SearchAsync("llms", first: 50);
        var expected = Ids(whole);
        Assert.Equal(5, expected.Count);
        var scores = Hits(whole).Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        var read = new List<string>();
        string? after = null;
        for (var page = 0; page < 3; page++)
        {
            var search = await SearchAsync("llms", first: 2, after: after);
            read.AddRange(Ids(search));
            var info = search.GetProperty("pageInfo");
            Assert.Equal(page > 0, info.GetProperty("hasPreviousPage").GetBoolean());
            Assert.Equal(page < 2, info.GetProperty("hasNextPage").GetBoolean());
            Assert.Equal(5, search.GetProperty("totalCount").GetInt32());
            after = info.GetProperty("endCursor").GetString();
        }
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task A_created_paper_and_its_new_author_are_found_an_update_moves_it_and_a_delete_removes_it()
    {
        const string fields = "paper { id } errors { __typename ... on Error { message } }";
        var created = Payloads.Success(await host.MutateAsync("createPaper",
            $"mutation($input: CreatePaperInput!) {{ createPaper(input: $input) {{ {fields} }} }}",
            new { title = "Zymurgical Widgets", @abstract = "Brewing quixotic ferments.", authors = new object[] { new { name = "Quentin Zymurgist" } } }), "paper");
        var id = created.GetProperty("id").GetString()!;

        Assert.Equal([id], await PaperIdsAsync("zymurgical"));
        Assert.Equal([id], await PaperIdsAsync("quixot*"));
        Assert.Equal("Quentin <mark>Zymurgist</mark>", Assert.Single(Hits(await SearchAsync("zymurgist", ["AUTHOR"]))).GetProperty("snippet").GetString());
        Assert.Equal(["Zymurgical Widgets"], await AutocompleteAsync("zymurg", "PAPER"));

        Payloads.Success(await host.MutateAsync("updatePaper",
            $"mutation($input: UpdatePaperInput!) {{ updatePaper(input: $input) {{ {fields} }} }}", new { id, title = "Xerophytic Widgets" }), "paper");
        Assert.Empty(await PaperIdsAsync("zymurgical"));
        Assert.Equal([id], await PaperIdsAsync("xerophytic widgets"));
        Assert.Empty(await AutocompleteAsync("zymurg", "PAPER"));

        Payloads.Success(await host.MutateAsync("deletePaper",
            $"mutation($input: DeletePaperInput!) {{ deletePaper(input: $input) {{ {fields} }} }}", new { id }), "paper");
        Assert.Empty(await PaperIdsAsync("xerophytic"));
    }

    [Fact]
    public async Task Diacritics_are_ignored_either_way_and_the_snippet_marks_the_words_as_written()
    {
        const string fields = "paper { id } errors { __typename ... on Error { message } }";
        var created = Payloads.Success(await host.MutateAsync("createPaper",
            $"mutation($input: CreatePaperInput!) {{ createPaper(input: $input) {{ {fields} }} }}",
            new { title = "Sélection naïve des œuvres", @abstract = "Une étude quixotique.", authors = new object[] { new { name = "Zoë Møller-Ångström" } } }), "paper");
        var id = created.GetProperty("id").GetString()!;
        try
        {
            Assert.Equal([id], await PaperIdsAsync("selection naive"));
            Assert.Equal([id], await PaperIdsAsync("\"Sélection naïve\""));
            Assert.Equal([id], await PaperIdsAsync("etud*"));
            Assert.Equal("<mark>Sélection</mark> <mark>naïve</mark> des œuvres", Assert.Single(Hits(await SearchAsync("selection naive", ["PAPER"]))).GetProperty("snippet").GetString());
            var author = Assert.Single(Hits(await SearchAsync("zoe", ["AUTHOR"])));
            Assert.Equal("<mark>Zoë</mark> Møller-Ångström", author.GetProperty("snippet").GetString());
            Assert.Single(Hits(await SearchAsync("Zoë", ["AUTHOR"])));
        }
        finally
        {
            Payloads.Success(await host.MutateAsync("deletePaper",
                $"mutation($input: DeletePaperInput!) {{ deletePaper(input: $input) {{ {fields} }} }}", new { id }), "paper");
        }
    }

    [Fact]
    public async Task A_title_written_with_combining_accents_is_found_as_one_word_typed_either_way()
    {
        const string fields = "paper { id } errors { __typename ... on Error { message } }";
        // "María José" with each accent a combining mark after its letter (NFD), as some sources write it.
        var created = Payloads.Success(await host.MutateAsync("createPaper",
            $"mutation($input: CreatePaperInput!) {{ createPaper(input: $input) {{ {fields} }} }}",
            new { title = "Mari\u0301a Jose\u0301 and the xylographic archive", authors = new object[] { new { name = "Xe\u0301nia Qwill" } } }), "paper");
        var id = created.GetProperty("id").GetString()!;
        try
        {
            Assert.Equal([id], await PaperIdsAsync("maria xylographic"));
            Assert.Equal([id], await PaperIdsAsync("María xylographic"));
            Assert.Equal([id], await PaperIdsAsync("\"Mari\u0301a Jose\u0301\""));
            Assert.Equal([id], await PaperIdsAsync("\"maria jose\" xylographic"));
            Assert.Single(Hits(await SearchAsync("xenia", ["AUTHOR"])));
        }
        finally
        {
            Payloads.Success(await host.MutateAsync("deletePaper",
                $"mutation($input: DeletePaperInput!) {{ deletePaper(input: $input) {{ {fields} }} }}", new { id }), "paper");
        }
    }

    [Theory]
    [InlineData("\"graph neural", "SEARCH_QUERY_UNBALANCED_QUOTE")]
    [InlineData("-attention -reasoning", "SEARCH_QUERY_ONLY_EXCLUSIONS")]
    [InlineData(" - * ", "SEARCH_QUERY_EMPTY")]
    public async Task A_malformed_query_is_an_error_whose_code_names_the_problem(string query, string code)
    {
        var error = await SingleErrorAsync(Search, new { q = query });
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith("search(query): ", error.GetProperty("message").GetString());
        Assert.Equal(["search"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_foreign_cursor_and_a_page_too_large_are_paging_errors()
    {
        var foreign = (await host.QueryAsync("{ papers(first: 1) { pageInfo { endCursor } } }")).GetProperty("papers").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        Assert.Equal("PAGING_INVALID_CURSOR", (await SingleErrorAsync(Search, new { q = "llms", after = foreign })).GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("PAGING_INVALID_PAGE_SIZE", (await SingleErrorAsync(Search, new { q = "llms", first = 51 })).GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("AUTOCOMPLETE_PREFIX_EMPTY", (await SingleErrorAsync(
            "{ autocomplete(prefix: \"  \", type: AUTHOR) { text } }")).GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Autocomplete_completes_names_and_titles_ignoring_case_in_folded_order()
    {
        Assert.Equal(["Rachit Bansal", "Rishabh Tiwari"], await AutocompleteAsync("r", "AUTHOR"));
        Assert.Equal(["Learning, Fast and Slow: Towards LLMs That Adapt Continually", "Let's (not) just put things in Context: Test-Time Training for Long-Context LLMs"],
            await AutocompleteAsync("LE", "PAPER"));
        Assert.Equal(["In-context learning", "Information retrieval"], await AutocompleteAsync("in", "TOPIC"));
        Assert.Equal(["Rachit Bansal"], await AutocompleteAsync("r", "AUTHOR", 1));
        var entity = (await host.QueryAsync("{ autocomplete(prefix: \"harv\", type: INSTITUTION) { id entity { ... on Institution { name } } } }"))
            .GetProperty("autocomplete")[0];
        Assert.Equal(Id("Institution", "harvard"), entity.GetProperty("id").GetString());
        Assert.Equal("harvard", entity.GetProperty("entity").GetProperty("name").GetString());
    }

    private async Task<List<string>> AutocompleteAsync(string prefix, string type, int first = 10) =>
        (await host.QueryAsync($"query($p: String!, $n: Int) {{ autocomplete(prefix: $p, type: {type}, first: $n) {{ text }} }}", new { p = prefix, n = first }))
            .GetProperty("autocomplete").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();

    private async Task<JsonElement> SingleErrorAsync(string query, object? variables = null)
    {
        var response = await host.ExecuteAsync(query, variables);
        return Assert.Single(response.GetProperty("errors").EnumerateArray());
    }
}

public sealed class SearchOnInMemoryTests(WriteTestHost host) : SearchTests<WriteTestHost>(host);

public sealed class SearchOnSqliteTests(SqliteWriteTestHost host) : SearchTests<SqliteWriteTestHost>(host);

[RequiresPostgres]
public sealed class SearchOnPostgresTests(PostgresWriteTestHost host) : SearchTests<PostgresWriteTestHost>(host);
