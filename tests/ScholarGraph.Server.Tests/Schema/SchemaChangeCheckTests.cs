using System.Text.RegularExpressions;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>
/// The schema-change check (<c>tools/schema-check/check.mjs</c>, GraphQL Inspector) on the approved schema and changed copies
/// of it: it lists each change as breaking, dangerous or safe, and fails on a breaking change unless <c>schema/CHANGELOG.md</c>
/// records it as a <c>breaking:</c> item naming its path.
/// </summary>
[Collection(NodeToolsCollection.Name)]
public sealed class SchemaChangeCheckTests : IDisposable
{
    private const string RemovedField = @"  ""True when the source cut the author list short[^\n]*\n  authorListTruncated: Boolean!\n";

    private readonly TemporaryDirectory _folder = new();

    public SchemaChangeCheckTests() => Directory.CreateDirectory(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_breaking_change_without_a_changelog_entry_fails_naming_it()
    {
        var outcome = await CheckAsync(Changed(RemovedField, ""), Changelog("## Unreleased\n\nNothing yet.\n"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("breaking: `Paper.authorListTruncated`: Field 'authorListTruncated' was removed from object type 'Paper' (not in the changelog)", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("Schema check failed: 1 breaking change is not recorded", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_breaking_change_recorded_in_the_changelog_passes()
    {
        var changelog = Changelog("## Unreleased\n\n- breaking: `Paper.authorListTruncated` removed; a truncated list now ends with an author whose position is null.\n");

        var outcome = await CheckAsync(Changed(RemovedField, ""), changelog);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("breaking: `Paper.authorListTruncated`", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("(recorded in the changelog)", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("Schema check passed.", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_breaking_item_naming_the_path_records_it()
    {
        // The path named in a dangerous item, or in prose, or a breaking item naming another path: not recorded.
        var changelog = Changelog("- dangerous: `Paper.authorListTruncated` goes away.\n`Paper.authorListTruncated` is gone.\n- breaking: `Paper.authorList` removed.\n");

        var outcome = await CheckAsync(Changed(RemovedField, ""), changelog);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("(not in the changelog)", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Safe_and_dangerous_changes_pass_and_are_listed_as_such()
    {
        // A new field on Paper is safe; a new value of an enum a client may switch over is dangerous.
        var live = Changed(@"(\n  authorListTruncated: Boolean!\n)", "$1  \"A new field.\"\n  isPreprint: Boolean\n");
        live = Changed(@"(enum SortEnumType \{\n)", "$1  RANDOM\n", File.ReadAllText(live));

        var outcome = await CheckAsync(live, Changelog("## Unreleased\n"));

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("safe: `Paper.isPreprint`", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("dangerous: `SortEnumType.RANDOM`", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("3 changes", outcome.Output, StringComparison.Ordinal); // the field, its description, the enum value
    }

    [Fact]
    public async Task The_approved_schema_against_itself_has_no_change()
    {
        var outcome = await CheckAsync(RepositoryPaths.SchemaFile, Changelog(""));

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("0 changes", outcome.Output, StringComparison.Ordinal);
    }

    private Task<ToolProcess.Outcome> CheckAsync(string live, string changelog)
    {
        var tool = Path.Combine(RepositoryPaths.Root, "tools", "schema-check");
        Assert.True(Directory.Exists(Path.Combine(tool, "node_modules", "@graphql-inspector", "core")),
            $"@graphql-inspector/core is not installed in {tool}; building the server's test project runs 'npm ci' there.");
        return ToolProcess.RunAsync("node", ["check.mjs", "--base", RepositoryPaths.SchemaFile, "--live", live, "--changelog", changelog], tool);
    }

    /// <summary>The approved schema (or <paramref name="schema"/>) with <paramref name="pattern"/> replaced once, in a file of its own.</summary>
    private string Changed(string pattern, string replacement, string? schema = null)
    {
        var text = (schema ?? File.ReadAllText(RepositoryPaths.SchemaFile)).ReplaceLineEndings("\n");
        var regex = new Regex(pattern);
        Assert.True(regex.IsMatch(text), $"The approved schema no longer has what the test changes ({pattern}).");
        return Write("live.graphql", regex.Replace(text, replacement, 1));
    }

    private string Changelog(string entries) => Write("CHANGELOG.md", "# Schema changelog\n\n" + entries);

    private string Write(string name, string text)
    {
        var file = Path.Combine(_folder.Path, $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(file, text);
        return file;
    }
}
