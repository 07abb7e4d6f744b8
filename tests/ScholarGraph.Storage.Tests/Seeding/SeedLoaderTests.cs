using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Seeding;
using ScholarGraph.Tests.Shared;
using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.Storage.Tests.Seeding;

/// <summary>Seed loading upserts by id, on every provider, and writes nothing when validation fails.</summary>
public abstract class SeedLoaderTests
{
    protected abstract ScholarGraphDbContext NewContext();

    [Fact]
    public async Task Loading_twice_inserts_once_and_then_changes_nothing()
    {
        var seed = SeedReader.ReadDirectory(RepositoryPaths.SeedData);
        await using (var db = NewContext())
        {
            var first = await SeedLoader.LoadAsync(db, seed);
            Assert.True(first.Inserted > 0);
            Assert.Equal((0, 0), (first.Updated, first.Unchanged));
        }
        await using (var db = NewContext())
        {
            var second = await SeedLoader.LoadAsync(db, SeedReader.ReadDirectory(RepositoryPaths.SeedData));
            Assert.Equal((0, 0), (second.Inserted, second.Updated));
        }
        await using (var db = NewContext())
        {
            Assert.Equal(6, await db.Papers.CountAsync());
            Assert.Equal(12, await db.Authors.CountAsync());
            Assert.Equal(6, await db.Authorships.CountAsync(a => a.AuthorId == "devvrit-khatri"));
        }
    }

    [Fact]
    public async Task A_changed_value_updates_only_that_row_and_keeps_rows_the_seed_does_not_mention()
    {
        await using (var db = NewContext())
        {
            await SeedLoader.LoadAsync(db, SeedReader.ReadDirectory(RepositoryPaths.SeedData));
            db.Authors.Add(new Domain.Author { Id = "added-later", Name = "Added Later" });
            await db.SaveChangesAsync();
        }
        var seed = SeedReader.ReadDirectory(RepositoryPaths.SeedData);
        seed.Papers.Single(p => p.Id == "interleaved-head-attention").Title = "Changed";
        await using (var db = NewContext())
        {
            var result = await SeedLoader.LoadAsync(db, seed);
            Assert.Equal((0, 1), (result.Inserted, result.Updated));
        }
        await using (var db = NewContext())
        {
            Assert.Equal("Changed", (await db.Papers.SingleAsync(p => p.Id == "interleaved-head-attention")).Title);
            Assert.True(await db.Authors.AnyAsync(a => a.Id == "added-later"));
        }
    }
}

/// <summary>On the relational stores a failing save is rolled back whole (InMemory has no transactions).</summary>
public abstract class RelationalSeedLoaderTests : SeedLoaderTests
{
    private readonly TestStore _store;

    protected RelationalSeedLoaderTests(TestStore store)
    {
        _store = store;
        store.Reset();
    }

    protected override ScholarGraphDbContext NewContext() => _store.Context();

    [Fact]
    public async Task A_failing_write_leaves_the_store_as_it_was()
    {
        var seed = SeedReader.ReadDirectory(RepositoryPaths.SeedData);
        // A row the validator would refuse, planted after validation, makes the database reject the save midway.
        seed.Authorships.Add(new Domain.Authorship { PaperId = "interleaved-head-attention", AuthorId = "no-such-author" });
        await using (var db = NewContext())
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => SeedLoader.LoadAsync(db, seed));
        }
        await using (var db = NewContext())
        {
            Assert.Equal(0, await db.Papers.CountAsync());
            Assert.Equal(0, await db.Authors.CountAsync());
        }
    }
}

public sealed class SqliteSeedLoaderTests(SqliteTestStore store) : RelationalSeedLoaderTests(store), IClassFixture<SqliteTestStore>;

[RequiresPostgres]
public sealed class PostgresSeedLoaderTests(PostgresTestStore store) : RelationalSeedLoaderTests(store), IClassFixture<PostgresTestStore>;

public sealed class InMemorySeedLoaderTests : SeedLoaderTests
{
    private readonly string _name = $"seed-loader-{Guid.NewGuid():N}";

    protected override ScholarGraphDbContext NewContext() =>
        new(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseInMemoryDatabase(_name).Options);
}
