using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Database.Postgres;
using ScholarGraph.Storage.Seeding;
using ScholarGraph.Tests.Shared;
using ScholarGraph.Tests.Shared.Postgres;

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
            "The model differs from the last SQLite migration: run 'dotnet ef migrations add <Name> --project src/ScholarGraph.Storage "
            + "--startup-project src/ScholarGraph.Storage --context ScholarGraphDbContext' (and the same with --context PostgresMigrationContext).");
    }

    [Fact]
    public void The_postgres_model_has_no_changes_missing_from_its_last_migration()
    {
        // Builds the PostgreSQL model only: no server is needed.
        using var db = new PostgresMigrationContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the last PostgreSQL migration: run 'dotnet ef migrations add <Name> --project src/ScholarGraph.Storage "
            + "--startup-project src/ScholarGraph.Storage --context PostgresMigrationContext' (and the same with --context ScholarGraphDbContext).");
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

/// <summary>A PostgreSQL store is created (the database too, when missing) and brought up to date by its own migrations.</summary>
[RequiresPostgres]
public sealed class PostgresStoreSchemaTests : IDisposable
{
    private readonly PostgresTestDatabase _database = PostgresTestServer.CreateDatabase("schema", create: false);

    public void Dispose() => _database.Dispose();

    private ScholarGraphDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<ScholarGraphDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = _database.ConnectionString });
        return new ScholarGraphDbContext(builder.Options);
    }

    [Fact]
    public async Task A_missing_database_is_created_and_migrated_and_a_second_start_changes_nothing()
    {
        await using (var db = NewContext())
        {
            Assert.Equal(StoreSchemaOutcome.Migrated, await StoreSchema.EnsureAsync(db));
            await SeedLoader.LoadAsync(db, SeedReader.ReadDirectory(RepositoryPaths.SeedData));
        }
        await using (var migrations = PostgresMigrationContext.Create(_database.ConnectionString))
        {
            var all = migrations.Database.GetMigrations().ToList();
            Assert.NotEmpty(all);
            Assert.Equal(all, await migrations.Database.GetAppliedMigrationsAsync());
            // The SQLite set is another one: none of its migrations is recorded here.
            await using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([]);
            Assert.Empty(sqlite.Database.GetMigrations().Intersect(all));
        }
        await using (var db = NewContext())
        {
            Assert.Equal(StoreSchemaOutcome.Migrated, await StoreSchema.EnsureAsync(db));
            Assert.Equal(12, await db.Authors.CountAsync());
            var columns = await db.Database.SqlQueryRaw<string>(
                "SELECT column_name || ' ' || data_type || ' ' || coalesce(collation_name, '-') AS \"Value\" FROM information_schema.columns "
                + "WHERE table_name = 'Papers' AND column_name IN ('Title', 'PublicationDate', 'ReportedUpdatedAt', 'Keywords') ORDER BY column_name").ToListAsync();
            // Dates as dates, the UTC time stamp with its zone, lists as arrays, strings by code point.
            Assert.Equal(["Keywords ARRAY -", "PublicationDate date -", "ReportedUpdatedAt timestamp with time zone -", "Title text C"], columns);
        }
    }
}
