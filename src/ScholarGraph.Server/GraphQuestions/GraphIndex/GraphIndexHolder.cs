using Microsoft.Extensions.Options;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// Holds the current <see cref="GraphSnapshot"/> and keeps it current: built from the store at start, updated after every committed
/// write (it listens first, <see cref="GraphChangeOrder.Index"/>), and swapped atomically, so readers never wait and never see
/// half a change.
/// </summary>
/// <remarks>
/// <para>
/// A write costs what it touches: the papers it names are reread from the store (a few keyed queries) and applied with
/// <see cref="ScholarlyIndex.WithPapers"/>, which replaces their rows and those of their authors and shares the rest of the arrays.
/// When the papers changed since the last full build reach <c>GraphIndex:MergeThreshold</c> (default 10,000), a full build starts in
/// the background; writes keep being applied meanwhile and are replayed onto the new build before it becomes current, so the merge
/// changes no answer. The listener returns once a snapshot holding its write is current, so a query sent after a mutation sees it.
/// </para>
/// <para>
/// Changes that are not about papers' rows (<see cref="BulkChange"/>, <see cref="TopicAdded"/>, <see cref="AuthorRemoved"/>,
/// <see cref="AuthorsMerged"/>, and any change type this class does not know) rebuild in full, serialised and coalesced: one rebuild serves every write committed
/// before it began. Until a full build, topic co-occurrence (clusters, related topics) stays as of the last one (see
/// <see cref="ScholarlyIndex.WithPapers"/>).
/// </para>
/// </remarks>
public sealed class GraphIndexHolder(IDbContextFactory<ScholarGraphDbContext> contexts, IOptions<GraphIndexOptions> options, ILogger<GraphIndexHolder> logger)
    : IGraphChangeListener
{
    // Serialises applying writes, full rebuilds and swaps; a background merge holds it only to replay and swap.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _mergeThreshold = options.Value.MergeThreshold;
    private GraphSnapshot? _current;
    private long _requested;
    private long _built;
    private long _fullBuilds;
    // Writes applied since the running merge began reading the store; null when no merge runs.
    private List<(IReadOnlyList<PaperRows> Papers, IReadOnlyList<string> Authors, IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<string, string> Titles)>? _sinceMergeBegan;
    private Task _merge = Task.CompletedTask;

    /// <summary>The current snapshot.</summary>
    /// <exception cref="InvalidOperationException">The index has not been built yet (the server builds it before taking requests).</exception>
    public GraphSnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The graph index has not been built yet.");

    /// <summary>Whether a first snapshot has been built, so graph questions can be answered (the readiness check asks).</summary>
    public bool IsBuilt => Volatile.Read(ref _current) is not null;

    /// <inheritdoc />
    public int Order => GraphChangeOrder.Index;

    /// <summary>The background merge started last (a completed task when none ran); tests wait on it.</summary>
    public Task Merge => Volatile.Read(ref _merge);

    /// <inheritdoc />
    public async ValueTask OnCommittedAsync(IReadOnlyList<GraphChange> changes, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is null || changes.Any(NeedsFullBuild))
        {
            await RebuildAsync(cancellationToken);
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        var rebuild = false;
        try
        {
            var current = Current;
            var index = current.Index;
            var (paperKeys, authorKeys, named) = Touched(changes);
            if (paperKeys.Count == 0 && authorKeys.Count == 0 && named.Count == 0)
                return;
            using var activity = GraphIndexTelemetry.Start("graph-index update");
            var clock = Stopwatch.StartNew();
            var (papers, titles) = paperKeys.Count == 0
                ? ([], new Dictionary<string, string>())
                : await GraphIndexLoader.LoadPapersAsync(contexts, paperKeys, cancellationToken);
            var names = await GraphIndexLoader.LoadNamesAsync(contexts, named, cancellationToken);
            activity?.SetTag(GraphIndexTelemetry.PapersTag, papers.Count);
            if (papers.Any(p => p.Topics.Any(t => !index.Topics.TryGetId(t.TopicKey, out _))))
            {
                rebuild = true;
                return;
            }

            var updated = papers.Count == 0 && authorKeys.Count == 0 ? index : index.WithPapers(papers, authorKeys);
            Volatile.Write(ref _current, current.With(updated, names, titles));
            _sinceMergeBegan?.Add((papers, authorKeys, names, titles));
            logger.LogDebug("Graph index updated in {Milliseconds} ms: {Papers} papers", clock.Elapsed.TotalMilliseconds, papers.Count);
            if (updated.ChangedPaperCount >= _mergeThreshold && _sinceMergeBegan is null)
            {
                _sinceMergeBegan = [];
                Volatile.Write(ref _merge, Task.Run(() => MergeAsync(Interlocked.Read(ref _fullBuilds))));
            }
        }
        finally
        {
            _gate.Release();
        }

        if (rebuild)
            await RebuildAsync(cancellationToken);
    }

    /// <summary>Builds a snapshot from the store and makes it current, unless a rebuild that began after this call already did.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var ticket = Interlocked.Increment(ref _requested);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _built) >= ticket)
                return;
            // Every write whose ticket is at most this one committed before we read the store.
            var covers = Volatile.Read(ref _requested);
            using var activity = GraphIndexTelemetry.Start("graph-index build");
            var clock = Stopwatch.StartNew();
            var snapshot = await GraphIndexLoader.LoadAsync(contexts, cancellationToken);
            activity?.SetTag(GraphIndexTelemetry.PapersTag, snapshot.Index.Papers.Count);
            Volatile.Write(ref _current, snapshot);
            Volatile.Write(ref _built, covers);
            Interlocked.Increment(ref _fullBuilds);
            logger.LogInformation("Graph index built in {Milliseconds} ms: {Papers} papers, {Authors} authors, {Topics} topics, {Bytes} bytes of arrays, {TextBytes} bytes of titles and names",
                clock.ElapsedMilliseconds, snapshot.Index.Papers.Count, snapshot.Index.Authors.Count, snapshot.Index.Topics.Count, snapshot.Index.MemoryBytes,
                snapshot.Titles.MemoryBytes + snapshot.Names.MemoryBytes);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Builds a new base from the store without holding the gate, then replays the writes applied meanwhile (rereading a paper
    /// gives the same rows, so a write the build already saw is harmless) and swaps. A full rebuild that ran meanwhile wins.
    /// </summary>
    private async Task MergeAsync(long fullBuildsAtStart)
    {
        using var activity = GraphIndexTelemetry.Start("graph-index merge");
        GraphSnapshot? built = null;
        try
        {
            built = await GraphIndexLoader.LoadAsync(contexts, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Background merge of the graph index failed; the overlay stays in use");
        }

        await _gate.WaitAsync();
        try
        {
            if (built is null || Interlocked.Read(ref _fullBuilds) != fullBuildsAtStart)
                return;
            var snapshot = built;
            // Names and titles read by the build may predate a write applied meanwhile, so they are replayed too.
            foreach (var (papers, authors, names, titles) in _sinceMergeBegan!)
                snapshot = snapshot.With(snapshot.Index.WithPapers(papers, authors), names, titles);
            Volatile.Write(ref _current, snapshot);
            logger.LogInformation("Graph index merged: {Papers} papers, {Replayed} writes replayed", snapshot.Index.Papers.Count, _sinceMergeBegan.Count);
        }
        finally
        {
            _sinceMergeBegan = null;
            _gate.Release();
        }
    }

    // AuthorsMerged rebuilds in full: the removed author leaves the store, and only a full build drops its key (the overlay keeps
    // every key, so coauthorNetwork would find an author it cannot load). ScholarlyIndex.WithPapers handles the moved bylines.
    private static bool NeedsFullBuild(GraphChange change) => change is not (PaperAdded or PaperUpdated or PaperRemoved or CoauthorshipAdded
        or CitationAdded or CitationRemoved or AuthorAdded or AuthorUpdated or InstitutionAdded);

    /// <summary>The papers whose rows the changes may have changed, the authors they created, and the authors whose names may have changed.</summary>
    private static (IReadOnlyCollection<string> Papers, IReadOnlyList<string> Authors, IReadOnlyCollection<string> Named) Touched(IReadOnlyList<GraphChange> changes)
    {
        var papers = new HashSet<string>(StringComparer.Ordinal);
        var authors = new List<string>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            switch (change)
            {
                case PaperAdded added: papers.Add(added.PaperId); break;
                case PaperUpdated updated: papers.Add(updated.PaperId); break;
                case PaperRemoved removed: papers.Add(removed.PaperId); break;
                case CoauthorshipAdded coauthorship: papers.Add(coauthorship.PaperId); break;
                case CitationAdded cited: papers.Add(cited.CitingPaperId); break;
                case CitationRemoved uncited: papers.Add(uncited.CitingPaperId); break;
                case AuthorAdded author: authors.Add(author.AuthorId); named.Add(author.AuthorId); break;
                case AuthorUpdated author: named.Add(author.AuthorId); break;
            }
        }

        return (papers, authors, named);
    }
}
