using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace ScholarGraph.Server.Hosting.ReadReplicas;

/// <summary>
/// The callers (by <see cref="Security.CallerKeys.FingerprintOf"/>, here or, through the change log, on another instance) that wrote within <see cref="ReadReplicaOptions.ReadYourWritesWindow"/>, whose
/// queries therefore read the primary. Entries older than the window are dropped as new writes arrive, so it holds at most the
/// callers of one window.
/// </summary>
public sealed class RecentWriters(IOptions<ReadReplicaOptions> options)
{
    private readonly ConcurrentDictionary<string, long> _lastWrite = new(StringComparer.Ordinal);
    private readonly long _window = (long)(options.Value.ReadYourWritesWindow.TotalSeconds * Stopwatch.Frequency);
    private long _nextSweep;

    /// <summary>Notes that <paramref name="caller"/> wrote just now.</summary>
    public void Wrote(string caller)
    {
        var now = Stopwatch.GetTimestamp();
        _lastWrite[caller] = now;
        if (now < Interlocked.Read(ref _nextSweep))
            return;
        Interlocked.Exchange(ref _nextSweep, now + _window);
        foreach (var (key, at) in _lastWrite)
        {
            if (now - at > _window)
                _lastWrite.TryRemove(new KeyValuePair<string, long>(key, at));
        }
    }

    /// <summary>Whether <paramref name="caller"/> wrote within the window.</summary>
    public bool WroteRecently(string caller) =>
        _lastWrite.TryGetValue(caller, out var at) && Stopwatch.GetTimestamp() - at <= _window;
}
