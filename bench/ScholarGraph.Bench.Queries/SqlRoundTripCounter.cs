using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ScholarGraph.Bench.Queries;

/// <summary>Counts the SQL commands EF Core sends (every kind, sync and async) and keeps the last ones' text for query plans.</summary>
internal sealed class SqlRoundTripCounter : DbCommandInterceptor
{
    private int _count;
    private readonly List<string> _recent = [];

    public int Count => Volatile.Read(ref _count);

    /// <summary>The SQL sent since the last <see cref="Reset"/>, when recording.</summary>
    public IReadOnlyList<string> Recent
    {
        get
        {
            lock (_recent)
                return [.. _recent];
        }
    }

    public bool Recording { get; set; }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (_recent)
            _recent.Clear();
    }

    private void Seen(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        if (Recording)
            lock (_recent)
                _recent.Add(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }
}
