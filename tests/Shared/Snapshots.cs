using Snapshooter;
using Snapshooter.Xunit;

namespace ScholarGraph.Tests.Shared;

/// <summary>
/// Snapshooter's match, made strict under CI: Snapshooter writes a missing snapshot and passes, which would let an unread
/// snapshot slip into main. With <c>CI=true</c> a missing snapshot fails instead. Call it from the test method itself (after
/// its awaits, not from an async helper): Snapshooter names the snapshot after the test method it finds on the stack.
/// </summary>
internal static class Snapshots
{
    /// <summary>
    /// Matches <paramref name="value"/> with the snapshot <c>Class.Method.snap</c>, or <c>Class.Method_case.snap</c> when
    /// <paramref name="caseName"/> tells a theory's cases apart.
    /// </summary>
    public static void MatchSnapshot(string value, string? caseName = null)
    {
        var name = caseName is null ? Snapshot.FullName() : Snapshot.FullName(SnapshotNameExtension.Create(caseName));
        var path = Path.Combine(name.FolderPath, FileNames.SnapshotFolderName, name.Filename);
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && !File.Exists(path))
            Assert.Fail($"The snapshot {path} is missing. Run the tests locally, read the snapshot Snapshooter writes, and commit it.");
        Snapshot.Match(value, name);
    }
}
