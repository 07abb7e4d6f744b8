using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using ScholarGraph.Server.Hosting.ReadReplicas;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Database.ChangeLog;

namespace ScholarGraph.Server.Writes.Changes.Instances;

/// <summary>
/// Brings the writes of the server's other instances on the same PostgreSQL database to this one: it listens on
/// <see cref="StoredGraphChange.Channel"/> over a connection of its own and, at each notification, reads the change log past the last
/// row it has seen and hands each other instance's changes to <see cref="GraphChangePublisher"/>, the path this instance's own
/// writes take (the graph index first, then the subscriptions). A lost connection is retried with a doubling delay
/// (<see cref="ChangeFeedOptions"/>); once back, the rows logged meanwhile are read the same way, so no write is missed. Each
/// loss and return is logged once. Writers seen in the log are noted for the read routing (<see cref="RecentWriters"/>), so a
/// caller whose next request reaches this instance still reads its own write.
/// </summary>
public sealed partial class ChangeFeed(
    IOptions<DatabaseOptions> database, IOptions<ChangeFeedOptions> options, ChangeLog log, GraphChangePublisher publisher,
    IServiceProvider services, TimeProvider time, ILogger<ChangeFeed> logger) : BackgroundService
{
    // Rows read per query while catching up.
    private const int BatchSize = 500;
    // How long the connection may stay silent before the feed reads the log anyway, which also finds a connection that died quietly.
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    // The last row applied or skipped; -1 until the start is marked.
    private long _seen = -1;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;
    private volatile bool _connected;

    /// <summary>Whether the feed is listening now.</summary>
    public bool IsConnected => _connected;

    /// <summary>The id of the last log row this instance has applied or skipped; -1 before its start was marked.</summary>
    public long LastSeen => Interlocked.Read(ref _seen);

    /// <summary>
    /// Notes the log's last row before the graph index is first built from the store, so writes committed while it builds are
    /// replayed (rereading a paper the build already saw changes nothing). Does nothing when the store is not shared.
    /// </summary>
    public async Task MarkStartAsync(CancellationToken cancellationToken)
    {
        if (!log.IsShared || LastSeen >= 0)
            return;
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT coalesce(max(\"Id\"), 0) FROM \"GraphChanges\"", connection);
        Interlocked.Exchange(ref _seen, (long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!log.IsShared)
            return;
        var settings = options.Value;
        var delay = settings.ReconnectDelay;
        long? lostAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await MarkStartAsync(stoppingToken);
                await using var connection = new NpgsqlConnection(ListenerConnectionString());
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {StoredGraphChange.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _connected = true;
                delay = settings.ReconnectDelay;
                if (lostAt is { } since)
                {
                    var missed = await CatchUpAsync(connection, time.GetElapsedTime(since) > settings.Retention, stoppingToken);
                    LogReconnected(logger, time.GetElapsedTime(since).TotalSeconds, missed);
                    lostAt = null;
                }
                else
                {
                    LogListening(logger, StoreDescription.PostgresDatabase(database.Value.ConnectionString));
                    await CatchUpAsync(connection, beyondRetention: false, stoppingToken);
                }

                while (true)
                {
                    await connection.WaitAsync(IdleCheck, stoppingToken);
                    await CatchUpAsync(connection, beyondRetention: false, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                _connected = false;
                if (lostAt is null)
                {
                    lostAt = time.GetTimestamp();
                    LogLost(logger, e.GetBaseException().Message.TrimEnd('.'));
                }
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxReconnectDelay.Ticks));
            }
        }
        _connected = false;
    }

    /// <summary>
    /// Applies every log row past the last one seen, in id order, and returns how many came from other instances. After a gap
    /// longer than the retention the rows it needs may be gone, so the graph index is rebuilt from the store instead.
    /// </summary>
    private async Task<int> CatchUpAsync(NpgsqlConnection connection, bool beyondRetention, CancellationToken cancellationToken)
    {
        var applied = 0;
        if (beyondRetention)
        {
            await publisher.PublishAsync([new BulkChange("this instance was disconnected from the change log for longer than ChangeFeed:Retention")], cancellationToken);
            applied++;
        }
        var writers = services.GetService<RecentWriters>();
        while (true)
        {
            var rows = new List<(long Id, string Instance, string? Writer, string Changes)>();
            await using (var read = new NpgsqlCommand(
                "SELECT \"Id\", \"Instance\", \"Writer\", \"Changes\" FROM \"GraphChanges\" WHERE \"Id\" > $1 ORDER BY \"Id\" LIMIT $2", connection))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = LastSeen });
                read.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
            }
            foreach (var (id, instance, writer, changes) in rows)
            {
                if (instance != log.Instance && !beyondRetention)
                {
                    if (writer is not null)
                        writers?.Wrote(writer);
                    await publisher.PublishAsync(GraphChangeJson.Deserialize(changes), cancellationToken);
                    applied++;
                }
                Interlocked.Exchange(ref _seen, id);
            }
            if (rows.Count < BatchSize)
                break;
        }
        await PruneAsync(connection, cancellationToken);
        return applied;
    }

    // Deletes rows older than the retention, at most once an hour per instance; any instance may do it.
    private async Task PruneAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastPrune < PruneEvery)
            return;
        _lastPrune = now;
        await using var prune = new NpgsqlCommand("DELETE FROM \"GraphChanges\" WHERE \"CommittedAt\" < now() - $1", connection);
        prune.Parameters.Add(new NpgsqlParameter { Value = options.Value.Retention });
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }

    // The primary, on a connection of the feed's own: outside the pool (it stays open and listening), named so an operator can
    // find it in pg_stat_activity, and with TCP keepalives so a silently dropped connection is noticed.
    private string ListenerConnectionString() => new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
    {
        Pooling = false,
        ApplicationName = ListenerApplicationName,
        KeepAlive = 15,
    }.ConnectionString;

    /// <summary>The <c>application_name</c> of the feed's connection in <c>pg_stat_activity</c>.</summary>
    public const string ListenerApplicationName = "scholargraph change feed";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Following the writes of other instances through the change log of {Store}.")]
    private static partial void LogListening(ILogger logger, string store);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The change feed lost its connection ({Reason}); reconnecting with backoff. Writes through other instances reach this one once it is back.")]
    private static partial void LogLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The change feed is back after {Seconds:0.0} s and applied {Missed} writes of other instances made meanwhile.")]
    private static partial void LogReconnected(ILogger logger, double seconds, int missed);
}
