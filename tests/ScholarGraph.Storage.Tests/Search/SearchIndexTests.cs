using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;
using ScholarGraph.Storage.Search;
using ScholarGraph.Storage.Seeding;
using ScholarGraph.Storage.Tests.Database;
using ScholarGraph.Storage.Tests.Import;
using ScholarGraph.Tests.Shared;
using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.Storage.Tests.Search;

/// <summary>
/// The search index follows every writer of the store, on SQLite (FTS5 kept by triggers) and PostgreSQL (generated tsvector
/// columns): the OpenAlex importer, the seed loaders (SQLite's bulk loader), and plain updates and deletes.
/// </summary>
public abstract class SearchIndexTests(TestStore store) : IDisposable
{
    private protected static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Import", "openalex-sample.jsonl");
    private protected readonly ImportTestStore _import = new(store);

    public void Dispose() => _import.Dispose();

    private async Task<List<SearchHit>> SearchAsync(string query, params SearchKind[] kinds)
    {
        await using var db = _import.Context();
        return [.. await FullTextSearch.SearchAsync(db, new SearchRequest(SearchQuery.Parse(query), kinds, 50, null))];
    }

    private protected async Task<List<string>> KeysAsync(string query, params SearchKind[] kinds) => (await SearchAsync(query, kinds)).Select(h => h.Key).ToList();

    [Fact]
    public async Task Imported_works_and_their_authors_are_searchable_and_complete_by_prefix()
    {
        await _import.ImportAsync([SamplePath]);

        // The sample's two titles with "sparse" come first (a title match outranks abstract-only ones), marked in the snippet.
        var sparse = await SearchAsync("sparse", SearchKind.Paper);
        Assert.Equal(["W9100001", "W9100007"], sparse.Take(2).Select(h => h.Key).Order());
        Assert.Equal("Message passing on <mark>sparse</mark> graphs", sparse.Single(h => h.Key == "W9100001").Snippet);
        Assert.Equal("<mark>Sparse</mark> mixtures of experts", sparse.Single(h => h.Key == "W9100007").Snippet);
        Assert.Equal("Alice Fixture", await NameOfAsync(Assert.Single(await SearchAsync("fixture", SearchKind.Author)).Key));
        // graph* finds "graph" and "graphs": the five titles holding either come first.
        Assert.Equal(["W9100001", "W9100004", "W9100008", "W9100009", "W9100012"], (await KeysAsync("graph*", SearchKind.Paper)).Take(5).Order());

        await using var db = _import.Context();
        var suggestions = await FullTextSearch.AutocompleteAsync(db, SearchKind.Paper, "GRAPH t", 10);
        Assert.Equal(["Graph transformers at scale"], suggestions.Select(s => s.Text));
    }

    [Fact]
    public async Task An_update_and_a_delete_are_followed_by_the_index()
    {
        await _import.ImportAsync([SamplePath]);
        Assert.Contains("W9100002", await KeysAsync("quantized", SearchKind.Paper));

        await using (var db = _import.Context())
        {
            await db.Papers.Where(p => p.Id == "W9100002").ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Zymurgical attention for long contexts"));
            await db.Authors.Where(a => a.Name == "Hana Example").ExecuteDeleteAsync();
        }

        // "quantized" is left in the abstract only: still a hit, now by its abstract.
        Assert.Equal("We study <mark>quantized</mark> attention for long contexts with fixture data",
            (await SearchAsync("quantized", SearchKind.Paper)).Single(h => h.Key == "W9100002").Snippet);
        Assert.Equal(["W9100002"], await KeysAsync("zymurgical", SearchKind.Paper));
        await using (var db = _import.Context())
            await db.Papers.Where(p => p.Id == "W9100002").ExecuteUpdateAsync(s => s.SetProperty(p => p.Abstract, (string?)null));
        Assert.DoesNotContain("W9100002", await KeysAsync("quantized", SearchKind.Paper));
        Assert.Empty(await SearchAsync("hana", SearchKind.Author));
        await AssertIndexIntactAsync();
    }

    [Fact]
    public async Task Seed_files_loaded_into_the_store_are_searchable_and_a_second_load_changes_nothing()
    {
        for (var load = 0; load < 2; load++)
        {
            await using var db = _import.Context();
            if (db.Database.IsSqlite())
                await BulkSeedLoader.LoadDirectoryAsync(db, RepositoryPaths.SeedData);
            else
                await SeedLoader.LoadDirectoryAsync(db, RepositoryPaths.SeedData);
        }

        // The seed's one paper with "interleaved" in its title, and the one topic named for attention, by name.
        Assert.Equal(["interleaved-head-attention"], await KeysAsync("interleaved", SearchKind.Paper));
        Assert.Equal(["attention-mechanisms"], await KeysAsync("attention", SearchKind.Topic));
        await AssertIndexIntactAsync();
    }

    [Fact]
    public async Task A_reimport_indexes_changed_titles_and_abstracts_and_forgets_the_old_text()
    {
        // The first import holds two records of W9100004: inserted, then replaced within the same batch before it was indexed.
        await _import.ImportAsync([_import.WriteFile("first.jsonl", SampleLines().Append(Retitled("W9100004", "Provisional heading", "interim words")))]);
        Assert.Equal(["W9100004"], await KeysAsync("provisional", SearchKind.Paper));
        Assert.Equal(["W9100004"], await KeysAsync("interim", SearchKind.Paper));
        Assert.Empty(await KeysAsync("transformers", SearchKind.Paper));
        Assert.Equal(["W9100003"], await KeysAsync("adversarial", SearchKind.Paper));

        // The rerun replaces W9100003's title and abstract, adds a work, and leaves the rest as they are.
        var second = SampleLines().Select(l => IsRecordOf(l, "W9100003") ? Retitled("W9100003", "Zymurgical overlays", "brewing yeasts") : l)
            .Append(Copied("W9100010", "W9100020", "Xylophone tuning by gradient descent"));
        await _import.ImportAsync([_import.WriteFile("second.jsonl", second)]);

        Assert.Empty(await KeysAsync("adversarial", SearchKind.Paper));
        Assert.Equal(["W9100003"], await KeysAsync("zymurgical", SearchKind.Paper));
        Assert.Equal(["W9100003"], await KeysAsync("yeasts", SearchKind.Paper));
        Assert.Equal(["W9100020"], await KeysAsync("xylophone", SearchKind.Paper));
        // W9100004 is the sample's record again.
        Assert.Empty(await KeysAsync("provisional", SearchKind.Paper));
        Assert.Equal(["W9100004"], await KeysAsync("transformers", SearchKind.Paper));
        await AssertIndexIntactAsync();
        await AssertTriggersIndexAsync();
    }

    [Fact]
    public async Task A_failed_import_leaves_the_rows_and_the_index_as_they_were()
    {
        await _import.ImportAsync([SamplePath]);
        var file = _import.WriteFile("failing.jsonl", [
            Retitled("W9100003", "Zymurgical overlays", "brewing yeasts"),
            Copied("W9100010", "W9100020", "Xylophone tuning by gradient descent"),
            Copied("W9100010", "W9100021", "Quokka census methods"),
        ]);
        await _import.Store.InjectFaultAsync("Papers", "NEW.\"Id\" = 'W9100021'", "injected fault");

        // One batch: the fault in its last work rolls back the first two as well.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => _import.ImportAsync([file], new ImportOptions { BatchSize = 100 }));
        Assert.True(TestStore.IsStoreError(failure, "injected fault"), $"Not the injected fault: {failure}");
        await _import.Store.RemoveFaultAsync("Papers");

        await using (var db = _import.Context())
        {
            Assert.Equal("Routing under adversarial load", await db.Papers.Where(p => p.Id == "W9100003").Select(p => p.Title).SingleAsync());
            Assert.Equal(12, await db.Papers.CountAsync());
        }
        Assert.Equal(["W9100003"], await KeysAsync("adversarial", SearchKind.Paper));
        Assert.Empty(await KeysAsync("zymurgical", SearchKind.Paper));
        Assert.Empty(await KeysAsync("xylophone", SearchKind.Paper));
        await AssertIndexIntactAsync();
        await AssertTriggersIndexAsync();
    }

    [Fact]
    public async Task Seed_files_loaded_again_with_changed_names_are_found_by_the_new_names_only()
    {
        using var changed = new TemporaryDirectory();
        Directory.CreateDirectory(changed.Path);
        foreach (var source in Directory.GetFiles(RepositoryPaths.SeedData, "*.json"))
        {
            var text = await File.ReadAllTextAsync(source);
            if (Path.GetFileName(source) != "seed.schema.json")
                text = text.Replace("Interleaved", "Zymurgical", StringComparison.Ordinal)
                    .Replace("\"Nilesh Gupta\"", "\"Nilesh Quokka\"", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(changed.Path, Path.GetFileName(source)), text);
        }
        CopyDirectory(Path.Combine(RepositoryPaths.SeedData, "sources"), Path.Combine(changed.Path, "sources"));
        await LoadSeedAsync(RepositoryPaths.SeedData);
        Assert.Equal(["nilesh-gupta"], await KeysAsync("gupta", SearchKind.Author));

        await LoadSeedAsync(changed.Path);

        Assert.Empty(await KeysAsync("interleaved", SearchKind.Paper));
        Assert.Equal(["interleaved-head-attention"], await KeysAsync("zymurgical", SearchKind.Paper));
        Assert.Empty(await KeysAsync("gupta", SearchKind.Author));
        Assert.Equal(["nilesh-gupta"], await KeysAsync("quokka", SearchKind.Author));
        await AssertIndexIntactAsync();
        await AssertTriggersIndexAsync();
    }

    private async Task LoadSeedAsync(string directory)
    {
        await using var db = _import.Context();
        if (db.Database.IsSqlite())
            await BulkSeedLoader.LoadDirectoryAsync(db, directory);
        else
            await SeedLoader.LoadDirectoryAsync(db, directory);
    }

    private static void CopyDirectory(string from, string to)
    {
        if (!Directory.Exists(from))
            return;
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
            CopyDirectory(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    /// <summary>After a bulk write, a single-row write is indexed again by the store's own triggers (SQLite) or columns (PostgreSQL).</summary>
    private protected async Task AssertTriggersIndexAsync()
    {
        await using (var db = _import.Context())
        {
            var key = await db.Papers.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            await db.Papers.Where(p => p.Id == key).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Wombat husbandry"));
            db.Authors.Add(new Domain.Author { Id = "added-after-bulk", Name = "Ottoline Platypus" });
            await db.SaveChangesAsync();
            Assert.Equal([key], await KeysAsync("wombat", SearchKind.Paper));
        }
        Assert.Equal(["added-after-bulk"], await KeysAsync("platypus", SearchKind.Author));
        await AssertIndexIntactAsync();
    }

    private protected static IEnumerable<string> SampleLines() => File.ReadLines(SamplePath).Where(l => l.Length > 0);

    private static JsonObject SampleWork(string id) =>
        JsonNode.Parse(SampleLines().Single(l => IsRecordOf(l, id)))!.AsObject();

    // Whether the sample's line is the record of the work (other records name it among their references).
    private static bool IsRecordOf(string line, string id) => line.StartsWith($"{{\"id\": \"https://openalex.org/{id}\"", StringComparison.Ordinal);

    // The sample's record of a work with another title and an abstract of the given words.
    private static string Retitled(string id, string title, string abstractWords)
    {
        var work = SampleWork(id);
        work["display_name"] = title;
        work["title"] = title;
        var index = new JsonObject();
        var words = abstractWords.Split(' ');
        for (var i = 0; i < words.Length; i++)
            index[words[i]] = new JsonArray(i);
        work["abstract_inverted_index"] = index;
        return work.ToJsonString();
    }

    // A new work: the sample's record of another under a new id (and no DOI), with a title of its own and no abstract.
    private protected static string Copied(string fromId, string id, string title)
    {
        var work = SampleWork(fromId);
        work["id"] = $"https://openalex.org/{id}";
        work["ids"] = new JsonObject { ["openalex"] = $"https://openalex.org/{id}" };
        work["doi"] = null;
        work["display_name"] = title;
        work["title"] = title;
        work["abstract_inverted_index"] = null;
        return work.ToJsonString();
    }

    private protected async Task<string> NameOfAsync(string authorKey)
    {
        await using var db = _import.Context();
        return await db.Authors.Where(a => a.Id == authorKey).Select(a => a.Name).SingleAsync();
    }

    /// <summary>On SQLite, FTS5's own check that each index holds exactly its table's rows (it fails with an error otherwise).</summary>
    private protected async Task AssertIndexIntactAsync()
    {
        await using var db = _import.Context();
        if (!db.Database.IsSqlite())
            return;
        foreach (var index in new[] { "PaperSearch", "AuthorSearch", "InstitutionSearch", "TopicSearch" })
        {
#pragma warning disable EF1002 // the table names come from the list above
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO \"{index}\"(\"{index}\", rank) VALUES ('integrity-check', 1)");
#pragma warning restore EF1002
        }
    }
}

public sealed class SqliteSearchIndexTests(SqliteTestStore store) : SearchIndexTests(store), IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task Rows_other_statements_rename_or_delete_inside_an_import_batch_leave_the_index_true()
    {
        await _import.ImportAsync([SamplePath]);
        await using (var db = _import.Context())
        {
            // The row of the largest rowid: deleted in the batch, its rowid goes to the batch's next new author.
            db.Authors.Add(new Domain.Author { Id = "solitary", Name = "Solitary Quokka" });
            await db.SaveChangesAsync();
        }
        // Statements of the batch's own transaction besides the importer's upserts: a row renamed twice and one deleted.
        await _import.Store.ExecuteAsync(
            "CREATE TRIGGER chaos AFTER INSERT ON \"Papers\" WHEN NEW.\"Id\" = 'W9100020' BEGIN "
            + "DELETE FROM \"Authors\" WHERE \"Id\" = 'solitary'; "
            + "UPDATE \"Authors\" SET \"Name\" = 'Hana Interim' WHERE \"Name\" = 'Hana Example'; "
            + "UPDATE \"Authors\" SET \"Name\" = 'Hana Zymurgist' WHERE \"Name\" = 'Hana Interim'; END");
        var work = JsonNode.Parse(Copied("W9100010", "W9100020", "Xylophone tuning by gradient descent"))!.AsObject();
        work["authorships"]![0]!["author"] = new JsonObject { ["id"] = "https://openalex.org/A9000099", ["display_name"] = "Ulrich Newcomer" };
        await _import.ImportAsync([_import.WriteFile("second.jsonl", [work.ToJsonString()])]);
        await _import.Store.ExecuteAsync("DROP TRIGGER chaos");

        Assert.Empty(await KeysAsync("quokka", SearchKind.Author));
        Assert.Empty(await KeysAsync("interim", SearchKind.Author));
        Assert.Empty(await KeysAsync("example", SearchKind.Author));
        Assert.Equal("Hana Zymurgist", await NameOfAsync(Assert.Single(await KeysAsync("zymurgist", SearchKind.Author))));
        Assert.Equal("Ulrich Newcomer", await NameOfAsync(Assert.Single(await KeysAsync("newcomer", SearchKind.Author))));
        await AssertIndexIntactAsync();
        await AssertTriggersIndexAsync();
    }

    [Fact]
    public async Task A_store_upgraded_from_the_initial_release_indexes_the_rows_it_already_held()
    {
        var file = Path.Combine(Path.GetTempPath(), $"scholargraph-search-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            await InitialStore.CreateAsync(file);
            var title = (await InitialStore.QueryAsync(file, "SELECT Title FROM Papers ORDER BY Id LIMIT 1")).Single();
            var key = (await InitialStore.QueryAsync(file, "SELECT Id FROM Papers ORDER BY Id LIMIT 1")).Single();
            await using var db = InitialStore.Context(file);
            await StoreSchema.EnsureAsync(db);

            var phrase = "\"" + string.Join(" ", SearchQuery.Words(title)) + "\"";
            var hits = await FullTextSearch.SearchAsync(db, new SearchRequest(SearchQuery.Parse(phrase), [SearchKind.Paper], 50, null));
            Assert.Contains(key, hits.Select(h => h.Key));
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"PaperSearch\"(\"PaperSearch\", rank) VALUES ('integrity-check', 1)");
        }
        finally
        {
            InitialStore.Delete(file);
        }
    }
}

[RequiresPostgres]
public sealed class PostgresSearchIndexTests(PostgresTestStore store) : SearchIndexTests(store), IClassFixture<PostgresTestStore>;
