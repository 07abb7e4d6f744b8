namespace ScholarGraph.Storage.Seeding;

/// <summary>A seed file to read: its name, as problems name it, and a way to read it from the start (once per pass).</summary>
/// <param name="Name">The file's name.</param>
/// <param name="Open">Opens the file's content at its start; the caller disposes the stream.</param>
internal sealed record SeedInput(string Name, Func<Stream> Open);

/// <summary>
/// The two passes every reader of seed files makes, in memory (<see cref="SeedReader"/>) and into SQLite
/// (<see cref="Bulk.BulkSeedLoader"/>) alike, so both report the same problems. Each pass streams a file item by item
/// (<see cref="SeedFileStreamer"/>). The first declares every id, because a reference may point into another file or forward
/// within one; a malformed item is reported there, and its id is still declared when it can be read, so that the references to it
/// do not add problems of their own. The second checks every item with <see cref="SeedChecker"/> and hands the rows it builds to a
/// sink.
/// </summary>
internal static class SeedPasses
{
    /// <summary>Declares the ids of every file; the sources of the files that could be read, by their index in <paramref name="files"/>.</summary>
    public static Dictionary<int, SeedSource> DeclareAll(
        IReadOnlyList<SeedInput> files, SeedChecker checker, List<SeedProblem> problems, CancellationToken cancellationToken)
    {
        var sources = new Dictionary<int, SeedSource>();
        for (var i = 0; i < files.Count; i++)
        {
            var declarer = new Declarer(checker, files[i].Name);
            using var stream = files[i].Open();
            if (SeedFileStreamer.Read(files[i].Name, stream, declarer, problems, cancellationToken) && declarer.Source is { } source)
                sources[i] = source;
        }
        return sources;
    }

    /// <summary>Checks every item of the files <see cref="DeclareAll"/> could read and hands their rows to <paramref name="rows"/>.</summary>
    public static void CheckAll(
        IReadOnlyList<SeedInput> files, IReadOnlyDictionary<int, SeedSource> sources, SeedChecker checker, ISeedRowSink rows,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < files.Count; i++)
        {
            // A file that could not be read was reported by the first pass; its items are unknown, so it is passed over.
            if (!sources.TryGetValue(i, out var source))
                continue;
            checker.Check(files[i].Name, source);
            using var stream = files[i].Open();
            // The first pass has reported every malformed item already.
            SeedFileStreamer.Read(files[i].Name, stream, new Checker(checker, files[i].Name, source, rows), [], cancellationToken);
        }
    }

    private sealed class Declarer(SeedChecker checker, string file) : ISeedItemVisitor
    {
        public SeedSource? Source { get; private set; }

        public void Visit(SeedSource source) => Source = source;

        public void Visit(SeedItemPath at, SeedInstitution item) => checker.Declare(file, at, item);

        public void Visit(SeedItemPath at, SeedTopic item) => checker.Declare(file, at, item);

        public void Visit(SeedItemPath at, SeedVenue item) => checker.Declare(file, at, item);

        public void Visit(SeedItemPath at, SeedAuthor item) => checker.Declare(file, at, item);

        public void Visit(SeedItemPath at, SeedPaper item) => checker.Declare(file, at, item);

        public void VisitMalformed(SeedItemPath at, string? id) => checker.DeclareMalformed(at, id);
    }

    private sealed class Checker(SeedChecker checker, string file, SeedSource source, ISeedRowSink rows) : ISeedItemVisitor
    {
        // Read in the first pass, where it may have come after the items.
        public void Visit(SeedSource source)
        {
        }

        public void Visit(SeedItemPath at, SeedInstitution item) => checker.Check(file, at, item, rows);

        public void Visit(SeedItemPath at, SeedTopic item) => checker.Check(file, at, item, rows);

        public void Visit(SeedItemPath at, SeedVenue item) => checker.Check(file, at, item, rows);

        public void Visit(SeedItemPath at, SeedAuthor item) => checker.Check(file, source, at, item, rows);

        public void Visit(SeedItemPath at, SeedPaper item) => checker.Check(file, source, at, item, rows);

        public void VisitMalformed(SeedItemPath at, string? id)
        {
        }
    }
}
