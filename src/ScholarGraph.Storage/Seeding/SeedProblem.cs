namespace ScholarGraph.Storage.Seeding;

/// <summary>One thing wrong with the seed files: which file, where in it (a JSON path such as <c>$.papers[2].authors[0].author</c>), and why.</summary>
/// <param name="File">The file's name.</param>
/// <param name="JsonPath">Where in the file, as a JSON path.</param>
/// <param name="Reason">What is wrong, in plain words.</param>
public sealed record SeedProblem(string File, string JsonPath, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File} at {JsonPath}: {Reason}";
}

/// <summary>Thrown when seed files are invalid; nothing has been written when it is thrown.</summary>
public sealed class SeedValidationException(IReadOnlyList<SeedProblem> problems)
    : Exception(FormatMessage(problems))
{
    /// <summary>Everything found wrong, in file order.</summary>
    public IReadOnlyList<SeedProblem> Problems { get; } = problems;

    private static string FormatMessage(IReadOnlyList<SeedProblem> problems) =>
        $"The seed data is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}); nothing was written:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
}
