using System.Text.RegularExpressions;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Examples;

/// <summary>
/// The TypeScript clients in <c>examples/</c>: GraphQL Code Generator generates their types from the approved schema and
/// <c>tsc --noEmit</c> checks them, so a schema change that breaks a client breaks the build: a field they ask for taken away
/// fails the generation, a field they rely on turned nullable fails the type check. Compiled, they answer from the real server.
/// </summary>
[Collection(NodeToolsCollection.Name)]
public sealed class ClientExamplesTests : IDisposable
{
    private readonly ClientExamples _examples = new();
    private readonly TemporaryDirectory _schemas = new();

    public void Dispose()
    {
        _examples.Dispose();
        _schemas.Dispose();
    }

    [Fact]
    public async Task Both_examples_generate_their_types_from_the_approved_schema_and_type_check()
    {
        (await _examples.RunAsync("check")).AssertSucceeded("npm run check");

        Assert.True(File.Exists(Path.Combine(_examples.Folder, "fetch-client", "gql", "graphql.ts")));
        Assert.True(File.Exists(Path.Combine(_examples.Folder, "apollo-client", "gql", "graphql.ts")));
    }

    [Fact]
    public async Task Taking_away_a_field_the_client_asks_for_fails_the_check_naming_the_field()
    {
        // Paper.authorListTruncated, which the fetch client asks for and prints as "et al.".
        var schema = SchemaWith(@"  ""True when the source cut the author list short[^\n]*\n  authorListTruncated: Boolean!\n", "");

        var outcome = await _examples.RunAsync("check", schema);

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("Cannot query field \"authorListTruncated\" on type \"Paper\"", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_the_client_relies_on_turned_nullable_fails_the_type_check()
    {
        // Author.name may be null: the documents still validate, but the Apollo example returns the names as string[].
        var schema = SchemaWith(@"(type Author implements Node \{\n(?:  [^\n]*\n)*?  name: String)!", "$1");

        (await _examples.RunAsync("codegen", schema)).AssertSucceeded("npm run codegen");
        var outcome = await _examples.RunAsync("typecheck", schema);

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("apollo-client/client.ts", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("string | null", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compiled_the_examples_read_the_seed_from_the_real_server_the_apollo_one_page_by_page()
    {
        (await _examples.RunAsync("codegen")).AssertSucceeded("npm run codegen");
        (await ToolProcess.RunAsync("npx", ["tsc"], _examples.Folder)).AssertSucceeded("tsc");
        using var server = ServerProcess.Start(Path.Combine(_schemas.Path, "server"));
        await server.WaitUntilReadyAsync();

        var profile = (await _examples.RunCompiledAsync("fetch-client/main.js", server.Endpoint.ToString())).AssertSucceeded("fetch-client").Output;
        Assert.Contains("Devvrit Khatri (LG): h-index 43, 6 papers", profile, StringComparison.Ordinal);
        Assert.Contains("- Learning, Fast and Slow: Towards LLMs That Adapt Continually [2026-05-12 (year inferred)]: Rishabh Tiwari, Kusha Sareen, Lakshya A Agrawal, Devvrit Khatri et al.", profile, StringComparison.Ordinal);
        Assert.Contains("coauthor: Rishabh Tiwari, 3 shared papers", profile, StringComparison.Ordinal);

        var paged = (await _examples.RunCompiledAsync("apollo-client/main.js", server.Endpoint.ToString(), "5")).AssertSucceeded("apollo-client").Output;
        var lines = paged.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("12 authors in 3 pages of 5:", lines[0]);
        var names = lines.Skip(1).Select(line => line.TrimStart('-', ' ')).ToList();
        Assert.Equal(SeedAuthorNames(), names);
    }

    /// <summary>The approved schema with <paramref name="pattern"/> replaced once, written to a file of its own.</summary>
    private string SchemaWith(string pattern, string replacement)
    {
        var approved = File.ReadAllText(RepositoryPaths.SchemaFile).ReplaceLineEndings("\n");
        var regex = new Regex(pattern);
        Assert.True(regex.IsMatch(approved), $"The approved schema no longer has what the test changes ({pattern}).");
        var file = Path.Combine(_schemas.Path, $"schema-{Guid.NewGuid():N}.graphql");
        Directory.CreateDirectory(_schemas.Path);
        File.WriteAllText(file, regex.Replace(approved, replacement, 1));
        return file;
    }

    /// <summary>Every author name of the seed, in the order the server sorts them by name (ordinal, as SQLite compares text).</summary>
    private static List<string> SeedAuthorNames()
    {
        using var seed = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.SeedData, "devvrit-khatri.json")));
        return [.. seed.RootElement.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
    }
}
