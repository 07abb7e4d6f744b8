using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Server.Writes;
using ScholarGraph.Server.Writes.Changes;

namespace ScholarGraph.Server.Tests.Writes;

/// <summary>
/// A mutation that SQLite reports busy or locked is run again from its start, in a new transaction, so it is written once; one
/// that stays busy through every attempt writes nothing and says so with <c>STORE_BUSY</c> (SQLite).
/// </summary>
public sealed class BusyStoreRetryTests : IDisposable
{
    private const string CreatePaper = "mutation M($input: CreatePaperInput!) { createPaper(input: $input) { paper { id title authors { author { name } } } errors { __typename } } }";

    private readonly BusyStoreHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<int> PapersTitledAsync(string title) =>
        (await _host.QueryAsync("query($t: String!) { papers(where: { title: { eq: $t } }) { totalCount } }", new { t = title }))
            .GetProperty("papers").GetProperty("totalCount").GetInt32();

    [Theory]
    [InlineData(SqliteErrorCodes.Busy)]
    [InlineData(SqliteErrorCodes.Locked)]
    public async Task A_write_SQLite_reports_busy_twice_is_retried_and_written_once_with_its_authors(int errorCode)
    {
        var title = $"Retried After Busy {errorCode}";
        _host.Trap.FailNext(2, errorCode);

        var payload = await _host.MutateAsync("createPaper", CreatePaper, new { title, authors = new object[] { new { name = $"Retry Author {errorCode}" } } });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        Assert.Equal(0, _host.Trap.Remaining);
        Assert.Equal(3, _host.Trap.Attempts);
        Assert.Equal(1, await PapersTitledAsync(title));
        Assert.Single(payload.GetProperty("paper").GetProperty("authors").EnumerateArray());
        Assert.Single(_host.Changes, change => change is PaperAdded added && added.PaperId == $"retried-after-busy-{errorCode}");
    }

    [Fact]
    public async Task A_write_that_stays_busy_writes_nothing_publishes_nothing_and_answers_STORE_BUSY()
    {
        var published = _host.Changes.Count;
        _host.Trap.FailNext(int.MaxValue, SqliteErrorCodes.Busy);

        var response = await _host.PostAsync(CreatePaper, new { input = new { title = "Never Written", authors = new object[] { new { name = "Nobody Written" } } } });
        var attempts = _host.Trap.Attempts;
        _host.Trap.FailNext(0, SqliteErrorCodes.Busy);

        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal(WriteMutationExtensions.StoreBusyCode, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("nothing was written", error.GetProperty("message").GetString());
        Assert.Equal(4, attempts);
        Assert.Equal(0, await PapersTitledAsync("Never Written"));
        Assert.Equal(published, _host.Changes.Count);
    }

    private static class SqliteErrorCodes
    {
        public const int Busy = 5;
        public const int Locked = 6;
    }

    /// <summary>Fails the next inserts of a paper as SQLite does when another connection holds the write lock.</summary>
    private sealed class BusyTrap : DbCommandInterceptor
    {
        private int _remaining;
        private int _errorCode;
        private int _attempts;

        public int Remaining => Volatile.Read(ref _remaining);

        public int Attempts => Volatile.Read(ref _attempts);

        public void FailNext(int count, int errorCode)
        {
            _errorCode = errorCode;
            Volatile.Write(ref _attempts, 0);
            Volatile.Write(ref _remaining, count);
        }

        private void Intercept(DbCommand command)
        {
            if (!command.CommandText.Contains("INSERT INTO \"Papers\"", StringComparison.Ordinal))
                return;
            Interlocked.Increment(ref _attempts);
            if (Interlocked.Decrement(ref _remaining) >= 0)
                throw new SqliteException(_errorCode == SqliteErrorCodes.Busy ? "SQLite Error 5: 'database is locked'." : "SQLite Error 6: 'database table is locked'.", _errorCode);
            Interlocked.Increment(ref _remaining);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Intercept(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Intercept(command);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class BusyStoreHost() : WriteTestHost("Sqlite")
    {
        public BusyTrap Trap { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Trap));
        }
    }
}
