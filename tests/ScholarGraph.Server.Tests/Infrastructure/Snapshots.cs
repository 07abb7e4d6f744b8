using Snapshooter;
using Snapshooter.Xunit;

namespace ScholarGraph.Server.Tests.Infrastructure;

/// <summary>
/// Snapshooter's match, made strict under CI: Snapshooter writes a missing snapshot and passes, which would let an unread
/// snapshot slip into main. With <c>CI=true</c> a missing snapshot fails instead.
/// </summary>
internal static class Snapshots
{
    public static void MatchSnapshot(string value)
    {
        var name = Snapshot.FullName();
        var path = Path.Combine(name.FolderPath, FileNames.SnapshotFolderName, name.Filename);
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && !File.Exists(path))
            Assert.Fail($"The snapshot {path} is missing. Run the tests locally, read the snapshot Snapshooter writes, and commit it.");
        Snapshot.Match(value, name);
    }
}
