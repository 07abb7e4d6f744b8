using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Search;

namespace ScholarGraph.Storage.Tests.Search;

/// <summary>
/// The InMemory store folds words as SQLite's <c>remove_diacritics 2</c> does, although the server runs with invariant
/// globalization (where <see cref="string.Normalize()"/> leaves letters outside ASCII as they are).
/// </summary>
public sealed class DiacriticFoldingTests
{
    [Theory]
    [InlineData("Sélection", "selection")]
    [InlineData("NAÏVE", "naive")]
    [InlineData("Ångström", "angstrom")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Dvořák", "DVORAK")]
    [InlineData("Møller", "møller")]
    [InlineData("Łukasz", "łukasz")]
    public async Task An_author_is_found_by_the_name_with_or_without_its_diacritics(string written, string searched)
    {
        await using var db = new ScholarGraphDbContext(
            new DbContextOptionsBuilder<ScholarGraphDbContext>().UseInMemoryDatabase(Guid.NewGuid().ToString("N")).Options);
        db.Authors.Add(new Author { Id = "a1", Name = $"{written} Example" });
        db.Authors.Add(new Author { Id = "a2", Name = "Other Example" });
        await db.SaveChangesAsync();

        var hit = Assert.Single(await FullTextSearch.SearchAsync(db, new SearchRequest(SearchQuery.Parse(searched), [SearchKind.Author], 10, null)));
        Assert.Equal("a1", hit.Key);
        Assert.Equal($"<mark>{written}</mark> Example", hit.Snippet);
    }

    [Fact]
    public async Task A_letter_without_a_decomposition_is_its_own_letter()
    {
        await using var db = new ScholarGraphDbContext(
            new DbContextOptionsBuilder<ScholarGraphDbContext>().UseInMemoryDatabase(Guid.NewGuid().ToString("N")).Options);
        db.Authors.Add(new Author { Id = "a1", Name = "Møller" });
        await db.SaveChangesAsync();

        // ø does not decompose into o and a mark, so SQLite's tokenizer keeps it, and so does this store.
        Assert.Empty(await FullTextSearch.SearchAsync(db, new SearchRequest(SearchQuery.Parse("moller"), [SearchKind.Author], 10, null)));
    }
}
