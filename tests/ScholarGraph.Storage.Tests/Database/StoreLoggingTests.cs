using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Tests.Database;

/// <summary>The store's SQL is logged at Debug, so that a log at Information (the default) is for operators.</summary>
public sealed class StoreLoggingTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"scholargraph-logging-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        InitialStore.Delete(_file);
    }

    [Fact]
    public async Task Every_SQL_command_is_logged_at_Debug_and_a_failed_connection_is_left_to_its_caller()
    {
        var levels = new List<(EventId Id, LogLevel Level)>();
        await using (var db = InitialStore.Context(_file, configure: builder => builder.LogTo((_, _) => true, data => levels.Add((data.EventId, data.LogLevel)))))
        {
            await StoreSchema.EnsureAsync(db);
            Assert.Equal(0, await db.Authors.CountAsync());
        }
        var directory = Directory.CreateTempSubdirectory("scholargraph-not-a-file-").FullName;
        try
        {
            await using var db = InitialStore.Context(directory, configure: builder => builder.LogTo((_, _) => true, data => levels.Add((data.EventId, data.LogLevel))));
            await Assert.ThrowsAsync<StoreUnavailableException>(() => StoreSchema.EnsureAsync(db));
        }
        finally
        {
            Directory.Delete(directory);
        }

        var commands = levels.Where(l => l.Id == RelationalEventId.CommandExecuted).ToList();
        Assert.NotEmpty(commands);
        Assert.All(commands, command => Assert.Equal(LogLevel.Debug, command.Level));
        Assert.All(levels.Where(l => l.Id == RelationalEventId.ConnectionError), error => Assert.Equal(LogLevel.Debug, error.Level));
        Assert.Contains(levels, l => l.Id == RelationalEventId.ConnectionError);
    }
}
