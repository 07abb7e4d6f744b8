using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Seeding;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Storage.Tests.Seeding;

/// <summary>Seed loading upserts by id, on every provider, and writes nothing when validation fails.</summary>
public sealed class SeedLoaderTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SeedLoaderTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    public static TheoryData<string> Providers => ["Sqlite", "InMemory"];

    private ScholarGraphDbContext NewContext(string provider)
    {
        var options = new DbContextOptionsBuilder<ScholarGraphDbContext>();
        if (provider == "Sqlite")
            options.UseSqlite(_connection);
        else
            options.UseInMemoryDatabase($"seed-loader-{GetHashCode()}");
        return new ScholarGraphDbContext(options.Options);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Loading_twice_inserts_once_and_then_changes_nothing(string provider)
    {
        var seed = SeedReader.ReadDirectory(RepositoryPaths.SeedData);
        await using (var db = NewContext(provider))
        {
            var first = await SeedLoader.LoadAsync(db, seed);
            Assert.True(first.Inserted > 0);
            Assert.Equal((0, 0), (first.Updated, first.Unchanged));
        }
        await using (var db = NewContext(provider))
        {
            var second = await SeedLoader.LoadAsync(db, SeedReader.ReadDirectory(RepositoryPaths.SeedData));
            Assert.Equal((0, 0), (second.Inserted, second.Updated));
        }
        await using (var db = NewContext(provider))
        {
            Assert.Equal(6, await db.Papers.CountAsync());
            Assert.Equal(12, await db.Authors.CountAsync());
            Assert.Equal(6, await db.Authorships.CountAsync(a => a.AuthorId == "devvrit-khatri"));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_changed_value_updates_only_that_row_and_keeps_rows_the_seed_does_not_mention(string provider)
    {
        await using (var db = NewContext(provider))
        {
            await SeedLoader.LoadAsync(db, SeedReader.ReadDirectory(RepositoryPaths.SeedData));
            db.Authors.Add(new Domain.Author { Id = "added-later", Name = "Added Later" });
            await db.SaveChangesAsync();
        }
        var seed = SeedReader.ReadDirectory(RepositoryPaths.SeedData);
        seed.Papers.Single(p => p.Id == "interleaved-head-attention").Title = "Changed";
        await using (var db = NewContext(provider))
        {
            var result = await SeedLoader.LoadAsync(db, seed);
            Assert.Equal((0, 1), (result.Inserted, result.Updated));
        }
        await using (var db = NewContext(provider))
        {
            Assert.Equal("Changed", (await db.Papers.SingleAsync(p => p.Id == "interleaved-head-attention")).Title);
            Assert.True(await db.Authors.AnyAsync(a => a.Id == "added-later"));
        }
    }

    [Fact]
    public async Task A_failing_write_leaves_the_sqlite_store_as_it_was()
    {
        var seed = SeedReader.ReadDirectory(RepositoryPaths.SeedData);
        // A row the validator would refuse, planted after validation, makes the database reject the save midway.
        seed.Authorships.Add(new Domain.Authorship { PaperId = "interleaved-head-attention", AuthorId = "no-such-author" });
        await using (var db = NewContext("Sqlite"))
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => SeedLoader.LoadAsync(db, seed));
        }
        await using (var db = NewContext("Sqlite"))
        {
            Assert.Equal(0, await db.Papers.CountAsync());
            Assert.Equal(0, await db.Authors.CountAsync());
        }
    }
}
