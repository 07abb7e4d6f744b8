using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Architecture.Tests.PublicApi;

/// <summary>How the approval check treats a match, a difference, a missing approved file, CI and the approve variable.</summary>
public sealed class ApprovedTextTests : IDisposable
{
    private static readonly Dictionary<string, string?> Developer = new() { ["CI"] = null };
    private static readonly Dictionary<string, string?> Ci = new() { ["CI"] = "true" };

    private readonly TemporaryDirectory _folder = new();

    public ApprovedTextTests() => Directory.CreateDirectory(_folder.Path);

    public void Dispose() => _folder.Dispose();

    private string Approved => Path.Combine(_folder.Path, "Lib.approved.txt");

    private string Received => Path.Combine(_folder.Path, "Lib.received.txt");

    [Fact]
    public void The_approved_text_passes_and_a_stale_received_file_goes()
    {
        File.WriteAllText(Approved, "a\r\nb\r\n");
        File.WriteAllText(Received, "old");

        Assert.Null(ApprovedText.Check(_folder.Path, "Lib", "a\nb", Developer));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void A_difference_fails_with_the_diff_and_leaves_the_received_text_beside_the_approved()
    {
        File.WriteAllText(Approved, "one\ntwo\nthree\n");

        var problem = ApprovedText.Check(_folder.Path, "Lib", "one\n2\nthree\n", Developer);

        Assert.NotNull(problem);
        Assert.Contains("- two\n+ 2", problem, StringComparison.Ordinal);
        Assert.Contains(ApprovedText.ApproveVariable + "=1", problem, StringComparison.Ordinal);
        Assert.Equal("one\n2\nthree\n", File.ReadAllText(Received));
        Assert.Equal("one\ntwo\nthree\n", File.ReadAllText(Approved));
    }

    [Fact]
    public void A_missing_approved_file_fails_under_CI_and_is_not_written()
    {
        var problem = ApprovedText.Check(_folder.Path, "Lib", "api", Ci);

        Assert.Contains("missing", problem, StringComparison.Ordinal);
        Assert.False(File.Exists(Approved));
        Assert.True(File.Exists(Received));
    }

    [Fact]
    public void A_missing_approved_file_is_written_for_the_developer_and_still_fails()
    {
        var problem = ApprovedText.Check(_folder.Path, "Lib", "api", Developer);

        Assert.Contains("read it, commit it", problem, StringComparison.Ordinal);
        Assert.Equal("api\n", File.ReadAllText(Approved));
    }

    [Fact]
    public void The_approve_variable_rewrites_the_approved_file_but_not_under_CI()
    {
        File.WriteAllText(Approved, "old\n");

        Assert.NotNull(ApprovedText.Check(_folder.Path, "Lib", "new", new Dictionary<string, string?> { ["CI"] = "true", [ApprovedText.ApproveVariable] = "1" }));
        Assert.Equal("old\n", File.ReadAllText(Approved));

        Assert.Null(ApprovedText.Check(_folder.Path, "Lib", "new", new Dictionary<string, string?> { [ApprovedText.ApproveVariable] = "1" }));
        Assert.Equal("new\n", File.ReadAllText(Approved));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void The_diff_keeps_three_lines_of_context_and_folds_the_rest()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var after = before.Replace("line 10", "line ten", StringComparison.Ordinal);

        var diff = LineDiff.Describe(before, after);

        Assert.Equal("""
            @@ approved line 7, received line 7 @@
              line 7
              line 8
              line 9
            - line 10
            + line ten
              line 11
              line 12
              line 13
            """.ReplaceLineEndings("\n"), diff);
    }
}
