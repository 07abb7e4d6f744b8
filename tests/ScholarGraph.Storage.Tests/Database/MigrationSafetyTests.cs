using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Tests.Database;

/// <summary>
/// Migrations on SQLite: one transaction each, no EF Core warning about a partially applied state, every row kept across the
/// table rebuilds, nothing changed when a rebuild cannot be done safely, and neither a lock left by a killed migration nor one
/// held by another process in the way of the next start for longer than it must be.
/// </summary>
public sealed class MigrationSafetyTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"scholargraph-migrations-{Guid.NewGuid():N}.db");
    private readonly string _fresh = Path.Combine(Path.GetTempPath(), $"scholargraph-migrations-fresh-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        InitialStore.Delete(_file);
        InitialStore.Delete(_fresh);
    }

    private async Task<IReadOnlyList<string>> AllMigrationsAsync()
    {
        await using var db = InitialStore.Context(_file);
        return [.. db.Database.GetMigrations()];
    }

    [Fact]
    public async Task Each_migration_commits_once_and_EF_Core_warns_of_no_partially_applied_state()
    {
        var events = new List<EventId>();
        await using (var db = InitialStore.Context(_fresh, configure: builder => builder.LogTo(
            (eventId, _) => eventId == RelationalEventId.NonTransactionalMigrationOperationWarning
                || eventId == RelationalEventId.MigrationApplying || eventId == RelationalEventId.TransactionCommitted,
            data => events.Add(data.EventId))))
        {
            Assert.Equal(StoreSchemaOutcome.Migrated, await StoreSchema.EnsureAsync(db));
        }

        Assert.DoesNotContain(RelationalEventId.NonTransactionalMigrationOperationWarning, events);
        var applying = events.Select((e, i) => (e, i)).Where(x => x.e == RelationalEventId.MigrationApplying).Select(x => x.i).ToList();
        Assert.Equal((await AllMigrationsAsync()).Count, applying.Count);
        for (var m = 0; m < applying.Count; m++)
        {
            var end = m + 1 < applying.Count ? applying[m + 1] : events.Count;
            Assert.Equal(1, events.Skip(applying[m] + 1).Take(end - applying[m] - 1).Count(e => e == RelationalEventId.TransactionCommitted));
        }
    }

    [Fact]
    public async Task An_upgrade_keeps_every_row_through_the_table_rebuilds_and_ends_at_the_schema_of_a_new_store()
    {
        await InitialStore.CreateAsync(_file);
        var before = await InitialStore.ReadRowsAsync(_file);
        await using (var db = InitialStore.Context(_file))
            Assert.Equal(StoreSchemaOutcome.Migrated, await StoreSchema.EnsureAsync(db));
        await using (var db = InitialStore.Context(_fresh))
            await StoreSchema.EnsureAsync(db);

        var after = await InitialStore.ReadRowsAsync(_file);
        foreach (var (table, rows) in before)
        {
            Assert.NotEmpty(rows);
            Assert.Equal(rows, after[table]);
        }
        Assert.Equal(await AllMigrationsAsync(), await InitialStore.AppliedMigrationsAsync(_file));
        Assert.Equal(await InitialStore.ReadSchemaAsync(_fresh), await InitialStore.ReadSchemaAsync(_file));
        Assert.Empty(await InitialStore.QueryAsync(_file, "SELECT \"table\" FROM pragma_foreign_key_check"));
        // The connection that migrated went back to the pool with foreign keys on again.
        await using (var db = InitialStore.Context(_file))
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(1L, await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync());
        }
    }

    [Fact]
    public async Task A_table_rebuild_with_foreign_keys_on_is_refused_before_it_changes_anything()
    {
        await InitialStore.CreateAsync(_file);
        var before = await InitialStore.ReadRowsAsync(_file);
        var initial = await InitialStore.AppliedMigrationsAsync(_file);

        // Bypassing StoreSchema, foreign keys stay on: dropping the old Topics table would cascade to every PaperTopics row.
        await using (var db = InitialStore.Context(_file))
        {
            var error = await Assert.ThrowsAsync<StoreSchemaException>(() => db.GetService<IMigrator>().MigrateAsync());
            Assert.Contains("foreign keys off", error.Message);
        }

        Assert.Equal(before, await InitialStore.ReadRowsAsync(_file));
        Assert.Equal(initial, await InitialStore.AppliedMigrationsAsync(_file));
        Assert.DoesNotContain("Level", await InitialStore.QueryAsync(_file, "SELECT name FROM pragma_table_info('Topics')"));
    }

    [Fact]
    public async Task A_migration_that_would_leave_a_row_pointing_nowhere_is_rolled_back_and_says_which()
    {
        await InitialStore.CreateAsync(_file);
        await using (var connection = new SqliteConnection(InitialStore.ConnectionString(_file) + ";Foreign Keys=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO Authorships (PaperId, AuthorId, Position) VALUES ('no-such-paper', 'author-1', 1)";
            await command.ExecuteNonQueryAsync();
        }
        var before = await InitialStore.ReadRowsAsync(_file);

        await using (var db = InitialStore.Context(_file))
        {
            var error = await Assert.ThrowsAsync<StoreSchemaException>(() => StoreSchema.EnsureAsync(db));
            Assert.Contains("Authorships row", error.Message);
            Assert.Contains("nothing was changed", error.Message);
        }

        Assert.Equal(before, await InitialStore.ReadRowsAsync(_file));
        Assert.Equal([(await AllMigrationsAsync())[0]], await InitialStore.AppliedMigrationsAsync(_file));
        Assert.DoesNotContain("Level", await InitialStore.QueryAsync(_file, "SELECT name FROM pragma_table_info('Topics')"));
    }

    [Fact]
    public async Task The_lock_row_a_killed_migration_leaves_behind_is_cleared_instead_of_waited_for()
    {
        await InitialStore.CreateAsync(_file, papers: 10);
        // What EF Core's SQLite lock leaves when its process dies mid-migration: its row (the first migration made the table).
        await using (var connection = new SqliteConnection(InitialStore.ConnectionString(_file)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-01-01 00:00:00+00:00');";
            await command.ExecuteNonQueryAsync();
        }

        await using (var db = InitialStore.Context(_file))
            await StoreSchema.EnsureAsync(db).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(await AllMigrationsAsync(), await InitialStore.AppliedMigrationsAsync(_file));
        Assert.Equal(["0"], await InitialStore.QueryAsync(_file, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
    }

    [Fact]
    public async Task A_migration_waits_while_another_process_holds_the_migration_lock()
    {
        await InitialStore.CreateAsync(_file, papers: 10);
        Task migration;
        await using (new FileStream(_file + "-migrations.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var db = InitialStore.Context(_file);
            migration = Task.Run(async () =>
            {
                await using (db)
                    await StoreSchema.EnsureAsync(db);
            });
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(migration.IsCompleted, "The migration ran while another process held the lock.");
            Assert.Single(await InitialStore.AppliedMigrationsAsync(_file));
        }
        await migration.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(await AllMigrationsAsync(), await InitialStore.AppliedMigrationsAsync(_file));
    }

    [Fact]
    public async Task A_store_is_in_WAL_and_its_connections_wait_out_a_busy_database_for_the_configured_time()
    {
        await using (var db = InitialStore.Context(_file, busyTimeout: TimeSpan.FromMilliseconds(1234)))
        {
            await StoreSchema.EnsureAsync(db);
            await db.Database.OpenConnectionAsync();
            Assert.Equal(1234L, await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());
            Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
        }

        // A write that finds another writer's transaction open waits for its commit instead of failing.
        await using var other = new SqliteConnection(InitialStore.ConnectionString(_file));
        await other.OpenAsync();
        var holding = (SqliteTransaction)await other.BeginTransactionAsync();
        var release = Task.Delay(300).ContinueWith(_ => holding.Commit(), TaskScheduler.Default);
        await using (var db = InitialStore.Context(_file))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("INSERT INTO Authors (Id, Name) VALUES ('waited', 'Waited')"));
            Assert.True(started.ElapsedMilliseconds >= 200, $"The write did not wait for the other transaction ({started.ElapsedMilliseconds} ms).");
        }
        await release;
    }
}
