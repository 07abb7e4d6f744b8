using System.Text.Json;
using ScholarGraph.Server.Hosting.Security;
using ScholarGraph.Server.Tests.Infrastructure;
using static ScholarGraph.Server.Tests.Infrastructure.WriteTestHost;

namespace ScholarGraph.Server.Tests.Writes;

/// <summary>Every mutation refuses callers without the write scope, before anything is written or published.</summary>
public sealed class MutationPermissionTests(WriteTestHost host) : IClassFixture<WriteTestHost>
{
    private static readonly string Devvrit = Id("Author", "devvrit-khatri");
    private static readonly string Rishabh = Id("Author", "rishabh-tiwari");
    private static readonly string Paper = Id("Paper", "interleaved-head-attention");
    private static readonly string OtherPaper = Id("Paper", "compressing-many-shots-in-in-context-learning");

    public static TheoryData<string, string> Mutations => new()
    {
        { "createAuthor", """{"name":"Refused Author"}""" },
        { "updateAuthor", $$"""{"id":"{{Devvrit}}","name":"Renamed"}""" },
        { "mergeAuthors", $$"""{"keepId":"{{Devvrit}}","removeId":"{{Rishabh}}"}""" },
        { "deleteAuthor", $$"""{"id":"{{Rishabh}}"}""" },
        { "createPaper", $$"""{"title":"Refused Paper","authors":[{"authorId":"{{Devvrit}}"}]}""" },
        { "updatePaper", $$"""{"id":"{{Paper}}","title":"Renamed"}""" },
        { "deletePaper", $$"""{"id":"{{Paper}}"}""" },
        { "addCitation", $$"""{"citingPaperId":"{{Paper}}","citedPaperId":"{{OtherPaper}}"}""" },
        { "removeCitation", $$"""{"citingPaperId":"{{Paper}}","citedPaperId":"{{OtherPaper}}"}""" },
        { "createInstitution", """{"name":"Refused Institution"}""" },
        { "createTopic", """{"name":"Refused Topic"}""" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task A_mutation_without_a_credential_or_with_a_read_only_key_is_refused_and_changes_nothing(string mutation, string input)
    {
        var type = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var document = $"mutation M($input: {type}Input!) {{ {mutation}(input: $input) {{ __typename }} }}";
        var variables = new { input = JsonDocument.Parse(input).RootElement };
        var before = await SnapshotAsync();
        var published = host.Changes.Count;

        foreach (var (authorization, code) in new[] { ((string?)null, CallerPermissions.NotAuthenticatedCode), ("ApiKey " + ReadKey, CallerPermissions.NotAuthorizedCode) })
        {
            var response = await host.PostAsync(document, variables, authorization);
            var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
            Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(mutation, error.GetProperty("path")[0].GetString());
        }

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(published, host.Changes.Count);
    }

    /// <summary>Everything the refused mutations could touch, as one comparable string.</summary>
    private async Task<string> SnapshotAsync() =>
        (await host.QueryAsync($$"""
            {
              authors(first: 50) { totalCount nodes { id name } }
              papers(first: 50) { totalCount nodes { id title cites(first: 50) { nodes { id } } } }
              institutions(first: 50) { totalCount }
              topics(first: 50) { totalCount }
            }
            """)).ToString();
}
