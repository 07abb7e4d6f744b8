using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ScholarGraph.Bench.Graph;
using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Graph.Traversal;

// Usage: dotnet run -c Release --project bench/ScholarGraph.Bench.Graph -- [sizes, default 10000,100000] [data folder]
var sizes = (args.Length > 0 ? args[0] : "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var root = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "scholargraph-bench");
const int MaxNodes = 200; // the server's default for coauthorNetwork
const int Repeats = 200;

var table = new ResultTable();
void Record(string name, string unit, int size, double value) => table.Record(name, unit, size, value);

// The first pass over the smallest graph only warms up the JIT (tiered compilation), so that the first column is not its cost.
foreach (var size in sizes.Prepend(sizes[0]))
{
    await MeasureAsync(size);
    table.WarmingUp = false;
}

// A method of its own, so that the previous size's index is garbage before the next heap baseline (locals of a loop body in the
// top-level async method live on in its state machine).
async Task MeasureAsync(int size)
{
    var folder = await GeneratedGraphs.EnsureAsync(root, size);
    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

    var builder = new ScholarlyIndexBuilder();
    var clock = Stopwatch.StartNew();
    await GeneratedGraphs.FeedAsync(folder, builder);
    var readMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var index = builder.Build();
    var buildMs = clock.Elapsed.TotalMilliseconds;
    builder = null;
    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var heapDelta = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
    var papers = index.Papers.Count;
    Console.Error.WriteLine($"{size:N0}: {papers:N0} papers, {index.Authors.Count:N0} authors, {index.Topics.Count:N0} topics, "
        + $"{index.Authorship.AuthorshipCount:N0} authorships, {index.Citations.EdgeCount:N0} citations");

    Record("read files into builder", "ms", size, readMs);
    Record("index build (Build)", "ms", size, buildMs);
    Record("index arrays (MemoryBytes)", "MiB", size, index.MemoryBytes / 1048576.0);
    Record("  arrays per paper", "B", size, (double)index.MemoryBytes / papers);
    Record("  of which coauthor graph", "MiB", size, index.Coauthors.MemoryBytes / 1048576.0);
    Record("key maps (estimated)", "MiB", size, index.KeyMemoryBytes / 1048576.0);
    Record("GC heap delta (index + keys)", "MiB", size, heapDelta / 1048576.0);
    Record("  heap per paper", "B", size, (double)heapDelta / papers);

    // Coauthor degrees pick the authors: the most connected one, and typical ones (median degree among authors with coauthors).
    var view = index.Authorship.CreateCoauthorView();
    var degrees = Enumerable.Range(0, index.Authors.Count).Select(a => (Author: a, Degree: view.OutNeighbors(a).Count)).ToArray();
    var hub = degrees.MaxBy(d => d.Degree);
    var connected = degrees.Where(d => d.Degree > 0).OrderBy(d => d.Degree).ThenBy(d => d.Author).ToArray();
    var medianDegree = connected[connected.Length / 2].Degree;
    var typical = connected.Where(d => d.Degree == medianDegree).Select(d => d.Author)
        .OrderBy(a => (uint)(a * 2654435761u)).Take(Repeats).ToArray();
    Record("hub author coauthors", "n", size, hub.Degree);
    Record("typical author coauthors", "n", size, medianDegree);

    foreach (var depth in new[] { 1, 2 })
    {
        var hubLatency = new Latencies();
        var typicalLatency = new Latencies();
        var typicalNodes = 0L;
        for (var i = 0; i < 20; i++)
            CoauthorNetwork.Explore(index, typical[i % typical.Length], depth, 1, null, MaxNodes);
        for (var i = 0; i < Repeats; i++)
        {
            hubLatency.Measure(() => CoauthorNetwork.Explore(index, hub.Author, depth, 1, null, MaxNodes));
            typicalLatency.Measure(() => typicalNodes += CoauthorNetwork.Explore(index, typical[i % typical.Length], depth, 1, null, MaxNodes).Nodes.Count);
        }

        Record($"coauthorNetwork d{depth} hub median", "ms", size, hubLatency.Median);
        Record($"coauthorNetwork d{depth} hub p99", "ms", size, hubLatency.P99);
        Record($"coauthorNetwork d{depth} typical median", "ms", size, typicalLatency.Median);
        Record($"coauthorNetwork d{depth} typical p99", "ms", size, typicalLatency.P99);
        Record($"  d{depth} typical mean nodes", "n", size, (double)typicalNodes / Repeats);
    }

    // What dominates depth 2: the traversal alone (stored rows, ranking the candidates) against the whole call.
    var traversal = new Latencies();
    for (var i = 0; i < Repeats; i++)
        traversal.Measure(() => Neighborhood.Explore(index.Coauthors, typical[i % typical.Length], 2, 1, MaxNodes));
    Record("  of which traversal (d2 typical)", "ms", size, traversal.Median);
    var withPapersInside = new Latencies();
    for (var i = 0; i < Repeats; i++)
        withPapersInside.Measure(() => CoauthorNetwork.Explore(index, typical[i % typical.Length], 2, 1, null, MaxNodes).Nodes.Sum(n => n.PapersInNetwork));
    Record("  d2 typical, every papersInNetwork read", "ms", size, withPapersInside.Median);

    // A write: one new paper (a typical author, the hub and two new authors; 10 citations) applied to the built index, each time
    // to the same base, so the figure is one write's cost; then 1,000 such writes chained, and depth 2 read through that overlay.
    var addLatency = new Latencies();
    var hubAdded = new Latencies();
    PaperRows NewPaper(int i, bool withHub) => new($"bench-new-{i}", new DateOnly(2024, 1, 1),
        [index.Authors.KeyOf(typical[i % typical.Length]), .. withHub ? [index.Authors.KeyOf(hub.Author)] : Array.Empty<string>(), $"bench-author-{i}", $"bench-author-{i + 1}"],
        [], Enumerable.Range(0, 10).Select(k => index.Papers.KeyOf((i * 7919 + k * 104729) % papers)).ToArray());
    for (var i = 0; i < 50; i++)
    {
        addLatency.Measure(() => index.WithPapers([NewPaper(i, withHub: false)], []));
        hubAdded.Measure(() => index.WithPapers([NewPaper(i, withHub: true)], []));
    }

    Record("apply one PaperAdded (WithPapers)", "ms", size, addLatency.Median);
    Record("  with the hub as an author", "ms", size, hubAdded.Median);
    var overlaid = index;
    var chain = Stopwatch.StartNew();
    for (var i = 0; i < 1000; i++)
        overlaid = overlaid.WithPapers([NewPaper(i, withHub: i % 10 == 0)], []);
    Record("  1,000 writes chained, mean each", "ms", size, chain.Elapsed.TotalMilliseconds / 1000);
    var overlaidLatency = new Latencies();
    for (var i = 0; i < Repeats; i++)
        overlaidLatency.Measure(() => CoauthorNetwork.Explore(overlaid, typical[i % typical.Length], 2, 1, null, MaxNodes));
    Record("coauthorNetwork d2 typical, overlay of 1,000", "ms", size, overlaidLatency.Median);

    var random = new Random(1);
    var pathLatency = new Latencies();
    var found = 0;
    for (var i = 0; i < Repeats; i++)
    {
        var from = connected[random.Next(connected.Length)].Author;
        var to = connected[random.Next(connected.Length)].Author;
        pathLatency.Measure(() => found += CollaborationPaths.Find(index, from, to, 6, 1).Count);
    }

    Record("collaborationPath random median", "ms", size, pathLatency.Median);
    Record("collaborationPath random p99", "ms", size, pathLatency.P99);
    Record("  pairs joined within 6", "%", size, 100.0 * found / Repeats);

    var clusterLatency = new Latencies();
    var clusters = 0;
    for (var i = 0; i < 5; i++)
        clusterLatency.Measure(() => clusters = TopicClustering.Compute(index, 1.0).Clusters.Count);
    Record("topicClusters (resolution 1)", "ms", size, clusterLatency.Median);
    Record("  clusters", "n", size, clusters);
    GC.KeepAlive(index);
}

table.Print(sizes);
