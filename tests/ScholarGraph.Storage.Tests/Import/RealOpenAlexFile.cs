using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Storage.Tests.Import;

/// <summary>
/// The 1,703 real OpenAlex work records of <c>shared/openalex-real/openalex-real.jsonl</c>: beside the repository on the team's
/// machines (<c>../shared</c> from its root, or further up for a worktree), or where <c>SCHOLARGRAPH_OPENALEX_REAL</c> points.
/// It is never copied into the project.
/// </summary>
internal static class RealOpenAlexFile
{
    /// <summary>The variable that names the file where it lies elsewhere.</summary>
    public const string Variable = "SCHOLARGRAPH_OPENALEX_REAL";

    private static readonly Lazy<string?> LazyPath = new(() =>
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
            return File.Exists(named) ? Path.GetFullPath(named) : null;
        for (var dir = new DirectoryInfo(RepositoryPaths.Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "openalex-real", "openalex-real.jsonl");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    });

    /// <summary>The file's full path, or null where it is not at hand.</summary>
    public static string? FullPath => LazyPath.Value;

    /// <summary>Why tests on the file are skipped where it is not at hand.</summary>
    public static string MissingReason =>
        $"The real OpenAlex file is not at hand: no shared/openalex-real/openalex-real.jsonl beside or above {RepositoryPaths.Root}, and {Variable} is not set.";
}

/// <summary>A fact on the real OpenAlex file, skipped with the reason (shown by the test runner) where the file is not at hand.</summary>
public sealed class RealOpenAlexFactAttribute : FactAttribute
{
    /// <summary>Skips the fact when <see cref="RealOpenAlexFile"/> finds no file.</summary>
    public RealOpenAlexFactAttribute()
    {
        if (RealOpenAlexFile.FullPath is null)
            Skip = RealOpenAlexFile.MissingReason;
    }
}
