using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Tests.Database;

/// <summary>
/// The test assembly's entry point, for <see cref="MigrationInterruptionTests"/>: <c>migrate FILE N</c> brings FILE up to date
/// as the server does (<see cref="StoreSchema.EnsureAsync"/>) and kills its own process with SIGKILL right after the Nth SQL
/// command has run, with no chance to clean up. The test runner never calls it.
/// </summary>
internal static class MigrationChildProcess
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["migrate", var file, var killAfter])
            return 2;
        var count = int.Parse(killAfter, System.Globalization.CultureInfo.InvariantCulture);
        var killer = new CommandObserver((index, _) =>
        {
            if (index == count)
                Process.GetCurrentProcess().Kill();
        });
        await using var db = InitialStore.Context(file, configure: builder => builder.AddInterceptors(killer));
        await StoreSchema.EnsureAsync(db);
        return 0;
    }

    /// <summary>Calls <c>executed</c> with the number (from 1) and the text of every SQL command once it has run.</summary>
    internal sealed class CommandObserver(Action<int, string> executed) : DbCommandInterceptor
    {
        private int _executed;

        private void Executed(DbCommand command) => executed(Interlocked.Increment(ref _executed), command.CommandText);

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Executed(command);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Executed(command);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Executed(command);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Executed(command);
            return ValueTask.FromResult(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            Executed(command);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Executed(command);
            return ValueTask.FromResult(result);
        }
    }
}
