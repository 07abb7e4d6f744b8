using Microsoft.Data.Sqlite;
using ScholarGraph.Server.Hosting.CommandLine;
using ScholarGraph.Tests.Shared;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Tests.Hosting.CommandLine;

/// <summary><c>scholargraph load DIR --database FILE</c> streams seed files into SQLite, reruns change nothing, a missing folder exits 2.</summary>
public sealed class LoadCommandTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"scholargraph-load-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in SqliteStoreFile.WithCompanions(_database))
            File.Delete(path);
    }

    private static Task<int?> Run(params string[] args) => ScholarGraphCommandLine.TryRunAsync(args, _ => Task.FromResult(0));

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Load_writes_the_seed_into_the_given_file_and_a_rerun_changes_nothing()
    {
        Assert.Equal(0, await Run("load", RepositoryPaths.SeedData, "--database", _database));
        Assert.Equal((6L, 12L), (Count("Papers"), Count("Authors")));
        Assert.Equal(0, await Run("load", RepositoryPaths.SeedData, "--database", _database));
        Assert.Equal((6L, 12L), (Count("Papers"), Count("Authors")));
    }

    [Fact]
    public async Task Load_of_a_missing_folder_exits_2_and_writes_nothing()
    {
        Assert.Equal(ScholarGraphCommandLine.UsageError, await Run("load", Path.Combine(Path.GetTempPath(), "no-such-seed-" + Guid.NewGuid().ToString("N")), "--database", _database));
        Assert.False(File.Exists(_database) && Count("Papers") > 0);
    }
}
