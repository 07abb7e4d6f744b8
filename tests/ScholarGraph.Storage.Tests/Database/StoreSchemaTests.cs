using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Seeding;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Storage.Tests.Database;

/// <summary>The store is migrated, and a store made by EnsureCreated before migrations is baselined or refused.</summary>
public sealed class StoreSchemaTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"scholargraph-schema-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in SqliteStoreFile.WithCompanions(_file))
            File.Delete(path);
    }

    private ScholarGraphDbContext NewContext() =>
        new(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite($"Data Source={_file}").Options);

    // A store as EnsureCreated made it before migrations existed: the initial migration's tables, without the history table.
    // (EnsureCreated today would create the current model, which later migrations have moved past.)
    private static async Task CreateLegacyStoreAsync(ScholarGraphDbContext db)
    {
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        await db.Database.ExecuteSqlRawAsync("DROP TABLE \"__EFMigrationsHistory\"");
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_last_migration()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the last migration: run 'dotnet ef migrations add <Name> --project src/ScholarGraph.Storage --output-dir Migrations'.");
    }

    [Fact]
    public async Task A_new_store_is_created_by_migrations_and_a_second_start_changes_nothing()
    {
        await using (var db = NewContext())
        {
            Assert.Equal(StoreSchemaOutcome.Migrated, await StoreSchema.EnsureAsync(db));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        await using (var db = NewContext())
        {
            Assert.Equal(StoreSchemaOutcome.Migrated, await StoreSchema.EnsureAsync(db));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }

    [Fact]
    public async Task A_store_made_by_EnsureCreated_is_baselined_and_keeps_its_rows()
    {
        await using (var db = NewContext())
        {
            await CreateLegacyStoreAsync(db);
            // Written in the legacy schema's own columns: the current model has columns that store lacks until it is migrated.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Authors (Id, Name) VALUES ('written-by-a-user', 'Written By A User')");
        }
        await using (var db = NewContext())
        {
            Assert.Equal(StoreSchemaOutcome.Baselined, await StoreSchema.EnsureAsync(db));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal("Written By A User", (await db.Authors.SingleAsync(a => a.Id == "written-by-a-user")).Name);
        }
        await using (var db = NewContext())
        {
            // Once baselined it is an ordinary migrated store, and the seed loads into it.
            Assert.Equal(StoreSchemaOutcome.Migrated, await StoreSchema.EnsureAsync(db));
            await SeedLoader.LoadAsync(db, SeedReader.ReadDirectory(RepositoryPaths.SeedData));
            Assert.Equal(13, await db.Authors.CountAsync());
        }
    }

    [Fact]
    public async Task A_store_made_before_migrations_with_other_tables_is_refused_with_how_to_rebuild_and_left_unchanged()
    {
        await using (var db = NewContext())
        {
            await CreateLegacyStoreAsync(db);
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE Authors ADD COLUMN Nickname TEXT");
        }
        await using (var db = NewContext())
        {
            var error = await Assert.ThrowsAsync<StoreSchemaException>(() => StoreSchema.EnsureAsync(db));
            Assert.Contains("Authors.Nickname", error.Message);
            Assert.Contains("Move the file", error.Message);
            Assert.Contains(_file, error.Message);
        }
        await using (var db = NewContext())
        {
            var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
            Assert.DoesNotContain("__EFMigrationsHistory", tables);
        }
    }
}
