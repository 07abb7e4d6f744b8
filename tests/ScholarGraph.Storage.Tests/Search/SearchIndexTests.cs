using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;
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
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Import", "openalex-sample.jsonl");
    private readonly ImportTestStore _import = new(store);

    public void Dispose() => _import.Dispose();

    private async Task<List<SearchHit>> SearchAsync(string query, params SearchKind[] kinds)
    {
        await using var db = _import.Context();
        return [.. await FullTextSearch.SearchAsync(db, new SearchRequest(SearchQuery.Parse(query), kinds, 50, null))];
    }

    private async Task<List<string>> KeysAsync(string query, params SearchKind[] kinds) => (await SearchAsync(query, kinds)).Select(h => h.Key).ToList();

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

    private async Task<string> NameOfAsync(string authorKey)
    {
        await using var db = _import.Context();
        return await db.Authors.Where(a => a.Id == authorKey).Select(a => a.Name).SingleAsync();
    }

    /// <summary>On SQLite, FTS5's own check that each index holds exactly its table's rows (it fails with an error otherwise).</summary>
    private async Task AssertIndexIntactAsync()
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
