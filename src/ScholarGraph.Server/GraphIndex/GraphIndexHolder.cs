using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Server.Changes;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.GraphIndex;

/// <summary>
/// Holds the current <see cref="GraphSnapshot"/> and keeps it current: built from the store at start, rebuilt after every committed
/// write (it listens first, <see cref="GraphChangeOrder.Index"/>), and swapped atomically, so readers never wait and never see
/// half a change.
/// </summary>
/// <remarks>
/// <para>
/// A write is applied by rebuilding the snapshot from the store's key columns. Rebuilds are serialised and coalesced: a write that
/// arrives while a rebuild runs waits for the next one, and one rebuild serves every write committed before it began. The listener
/// returns only once a snapshot holding its write is current, so a query sent after a mutation sees the change.
/// </para>
/// <para>
/// Cost, and the seam for large graphs: a rebuild costs a full read of the key columns plus the index build, milliseconds at seed
/// size; the benchmark (bench/ScholarGraph.Bench.Graph) measures <c>Build()</c> alone at 4-6 s for a million papers, plus reading the rows,
/// which is far too much per write at that size. Writes arrive as <see cref="GraphChange"/>s naming what they touched, so the step that replaces
/// <see cref="RebuildAsync"/> for big graphs is an overlay: a small index of the papers added or changed since the last full build,
/// read beside the snapshot by the traversals, and merged into a new snapshot in the background. Only this class decides how a
/// change is applied; the resolvers read <see cref="Current"/> and are unaffected.
/// </para>
/// </remarks>
public sealed class GraphIndexHolder(IDbContextFactory<ScholarGraphDbContext> contexts, ILogger<GraphIndexHolder> logger) : IGraphChangeListener
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private GraphSnapshot? _current;
    private long _requested;
    private long _built;

    /// <summary>The current snapshot.</summary>
    /// <exception cref="InvalidOperationException">The index has not been built yet (the server builds it before taking requests).</exception>
    public GraphSnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The graph index has not been built yet.");

    /// <inheritdoc />
    public int Order => GraphChangeOrder.Index;

    /// <inheritdoc />
    public async ValueTask OnCommittedAsync(IReadOnlyList<GraphChange> changes, CancellationToken cancellationToken) =>
        await RebuildAsync(cancellationToken);

    /// <summary>Builds a snapshot from the store and makes it current, unless a rebuild that began after this call already did.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var ticket = Interlocked.Increment(ref _requested);
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _built) >= ticket)
                return;
            // Every write whose ticket is at most this one committed before we read the store.
            var covers = Volatile.Read(ref _requested);
            var clock = Stopwatch.StartNew();
            var snapshot = await GraphIndexLoader.LoadAsync(contexts, cancellationToken);
            Volatile.Write(ref _current, snapshot);
            Volatile.Write(ref _built, covers);
            logger.LogInformation("Graph index built in {Milliseconds} ms: {Papers} papers, {Authors} authors, {Topics} topics, {Bytes} bytes of arrays",
                clock.ElapsedMilliseconds, snapshot.Index.Papers.Count, snapshot.Index.Authors.Count, snapshot.Index.Topics.Count, snapshot.Index.MemoryBytes);
        }
        finally
        {
            _rebuild.Release();
        }
    }
}
