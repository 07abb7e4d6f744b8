using System.Collections.Concurrent;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

/// <summary>Records the work the test schema's resolvers start, so tests can show that a refused operation did none.</summary>
public sealed class TestWork
{
    private readonly ConcurrentQueue<string> _started = new();
    private int _cancelled;

    /// <summary>The fields whose resolvers ran, in the order they started.</summary>
    public IReadOnlyCollection<string> Started => _started;

    /// <summary>How many slow resolvers saw their cancellation token cancelled.</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    public void Start(string field) => _started.Enqueue(field);

    public void SawCancellation() => Interlocked.Increment(ref _cancelled);

    public void Reset() => _started.Clear();
}
