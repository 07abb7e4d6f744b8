namespace ScholarGraph.Storage.Seeding;

/// <summary>
/// Checks parsed seed documents together (ids unique across files, every reference resolvable, values in range) and turns them
/// into a <see cref="SeedGraph"/>. Every problem is collected, so one run reports them all. The rules themselves live in
/// <see cref="SeedChecker"/>, which the streaming bulk loader drives item by item.
/// </summary>
internal static class SeedValidator
{
    /// <summary>Validates whole documents in memory: every id is declared first, then every row is checked and built.</summary>
    public static SeedGraph Validate(IReadOnlyList<(string Name, SeedDocument Document)> documents, List<SeedProblem> problems)
    {
        var graph = new SeedGraph();
        var checker = new SeedChecker(problems);
        // Pass 1: declare every id, so that references may point into other files and forward within a file.
        foreach (var (file, doc) in documents)
        {
            ForEach(doc.Institutions, SeedSection.Institutions, (item, at) => checker.Declare(file, at, item));
            ForEach(doc.Topics, SeedSection.Topics, (item, at) => checker.Declare(file, at, item));
            ForEach(doc.Authors, SeedSection.Authors, (item, at) => checker.Declare(file, at, item));
            ForEach(doc.Papers, SeedSection.Papers, (item, at) => checker.Declare(file, at, item));
        }
        // Pass 2: check every row and reference, and build the rows.
        foreach (var (file, doc) in documents)
        {
            checker.Check(file, doc.Source);
            ForEach(doc.Institutions, SeedSection.Institutions, (item, at) => checker.Check(file, at, item, graph));
            ForEach(doc.Topics, SeedSection.Topics, (item, at) => checker.Check(file, at, item, graph));
            ForEach(doc.Authors, SeedSection.Authors, (item, at) => checker.Check(file, doc.Source, at, item, graph));
            ForEach(doc.Papers, SeedSection.Papers, (item, at) => checker.Check(file, doc.Source, at, item, graph));
        }
        return graph;
    }

    private static void ForEach<T>(List<T> items, SeedSection section, Action<T, SeedItemPath> action)
    {
        for (var i = 0; i < items.Count; i++)
            action(items[i], new SeedItemPath(section, i));
    }
}
