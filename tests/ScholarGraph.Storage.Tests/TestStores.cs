using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ScholarGraph.Storage.Database;
using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.Storage.Tests;

/// <summary>
/// The relational store a test class runs on, as a class fixture: SQLite (a database in memory) or PostgreSQL (a database of
/// its own on <see cref="PostgresTestServer"/>, dropped after the class). Each test starts it empty with <see cref="Reset"/>.
/// </summary>
public abstract class TestStore : IDisposable
{
    /// <summary>The provider's name, for messages.</summary>
    public abstract string Provider { get; }

    /// <summary>A new context on the store.</summary>
    public abstract ScholarGraphDbContext Context();

    /// <summary>Empties the store for the next test: no schema on SQLite (a new database), empty migrated tables on PostgreSQL.</summary>
    public abstract void Reset();

    /// <summary>Runs <paramref name="sql"/> on the store.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var db = Context();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Makes every insert into <paramref name="table"/> whose row matches <paramref name="condition"/> (over <c>NEW</c>) fail with
    /// <paramref name="message"/>, until <see cref="RemoveFaultAsync"/>: a fault in the middle of a write.
    /// </summary>
    public abstract Task InjectFaultAsync(string table, string condition, string message);

    /// <summary>Removes the fault of <see cref="InjectFaultAsync"/>.</summary>
    public abstract Task RemoveFaultAsync(string table);

    /// <summary>Whether <paramref name="exception"/> is the store's own error with <paramref name="message"/> in it.</summary>
    public static bool IsStoreError(Exception exception, string message) =>
        exception is DbException && exception.Message.Contains(message, StringComparison.Ordinal);

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

/// <summary>SQLite in memory: one connection held open, a new one (a new, empty database) per test.</summary>
public sealed class SqliteTestStore : TestStore
{
    private SqliteConnection _connection = Open();

    public override string Provider => "SQLite";

    public override ScholarGraphDbContext Context() =>
        new(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite(_connection).Options);

    public override void Reset()
    {
        _connection.Dispose();
        _connection = Open();
    }

    public override Task InjectFaultAsync(string table, string condition, string message) => ExecuteAsync(
        $"CREATE TRIGGER fault AFTER INSERT ON \"{table}\" WHEN {condition} BEGIN SELECT RAISE(ABORT, '{message}'); END");

    public override Task RemoveFaultAsync(string table) => ExecuteAsync("DROP TRIGGER fault");

    public override void Dispose()
    {
        _connection.Dispose();
        base.Dispose();
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }
}

/// <summary>
/// PostgreSQL: a database made for the test class (see <see cref="PostgresTestServer"/>), migrated once; each test empties its
/// tables. Test classes on it carry <see cref="RequiresPostgresAttribute"/>.
/// </summary>
public sealed class PostgresTestStore : TestStore
{
    private readonly PostgresTestDatabase _database = PostgresTestServer.CreateDatabase("storage");
    private bool _migrated;

    public override string Provider => "PostgreSQL";

    /// <summary>The connection string of the class's database.</summary>
    public string ConnectionString => _database.ConnectionString;

    public override ScholarGraphDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<ScholarGraphDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = _database.ConnectionString });
        return new ScholarGraphDbContext(builder.Options);
    }

    public override void Reset()
    {
        using var db = Context();
        if (!_migrated)
        {
            StoreSchema.EnsureAsync(db).GetAwaiter().GetResult();
            _migrated = true;
        }
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).Distinct().Select(t => $"\"{t}\"");
        using var connection = new NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        using var truncate = connection.CreateCommand();
        truncate.CommandText = $"TRUNCATE {string.Join(", ", tables)} CASCADE";
        truncate.ExecuteNonQuery();
    }

    public override async Task InjectFaultAsync(string table, string condition, string message)
    {
        await ExecuteAsync($"CREATE FUNCTION fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF {condition} THEN RAISE EXCEPTION '{message}'; END IF; RETURN NEW; END $$");
        await ExecuteAsync($"CREATE TRIGGER fault AFTER INSERT ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION fault()");
    }

    public override async Task RemoveFaultAsync(string table)
    {
        await ExecuteAsync($"DROP TRIGGER fault ON \"{table}\"");
        await ExecuteAsync("DROP FUNCTION fault()");
    }

    public override void Dispose()
    {
        _database.Dispose();
        base.Dispose();
    }
}
