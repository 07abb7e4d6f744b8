using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ScholarGraph.Server.Tests.Authors;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Hosting.Security;

/// <summary>
/// The real server with a folder of trusted documents holding README's profile query, as a front-end build would ship it: in
/// TrustedOnly it serves that document and nothing else; in AllowArbitraryForAuthorized query text is for writers only.
/// </summary>
public abstract class TrustedDocumentHost : WriteTestHost
{
    private readonly TemporaryDirectory _folder;

    protected TrustedDocumentHost(string mode) : this(new TemporaryDirectory(), mode) { }

    private TrustedDocumentHost(TemporaryDirectory folder, string mode)
        : base("InMemory", new() { ["TrustedDocuments:Directory"] = folder.Path, ["TrustedDocuments:Mode"] = mode })
    {
        _folder = folder;
        Directory.CreateDirectory(folder.Path);
        ProfileDocumentId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ReadmeProfileQuery)));
        File.WriteAllText(Path.Combine(folder.Path, ProfileDocumentId["sha256:".Length..] + ".graphql"), ReadmeProfileQuery);
    }

    /// <summary>The profile query exactly as README shows it (the first GraphQL block under "The seed author's profile").</summary>
    public static string ReadmeProfileQuery { get; } = ReadmeBlock("### The seed author's profile");

    public string ProfileDocumentId { get; }

    /// <summary>POSTs <paramref name="body"/> with an optional API key; returns the status and the response JSON.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(object body, string? apiKey = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (apiKey is not null)
            request.Headers.Add("X-Api-Key", apiKey);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _folder.Dispose();
    }

    private static string ReadmeBlock(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```graphql\n", readme.IndexOf(heading, StringComparison.Ordinal), StringComparison.Ordinal) + "```graphql\n".Length;
        return readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)];
    }
}

public sealed class TrustedOnlyHost() : TrustedDocumentHost("TrustedOnly");

public sealed class WritersMaySendTextHost() : TrustedDocumentHost("AllowArbitraryForAuthorized");

public sealed class TrustedOnlyTests(TrustedOnlyHost host) : IClassFixture<TrustedOnlyHost>
{
    [Fact]
    public async Task The_readme_profile_query_is_served_as_a_trusted_document()
    {
        Assert.StartsWith("query Profile($id: ID!) {", TrustedDocumentHost.ReadmeProfileQuery, StringComparison.Ordinal);

        var (status, body) = await host.SendAsync(new { documentId = host.ProfileDocumentId, variables = new { id = ProfileQueryTests<ScholarGraphFactory>.ProfileAuthorId } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        var author = body.GetProperty("data").GetProperty("author");
        Assert.Equal("Devvrit Khatri", author.GetProperty("name").GetString());
        Assert.Equal(6, author.GetProperty("papers").GetProperty("totalCount").GetInt32());
        Assert.Equal("Learning, Fast and Slow: Towards LLMs That Adapt Continually",
            author.GetProperty("papers").GetProperty("nodes")[0].GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(WriteTestHost.WriteKey)]
    public async Task Query_text_is_refused_even_for_a_writer(string? apiKey)
    {
        var (status, body) = await host.SendAsync(new { query = TrustedDocumentHost.ReadmeProfileQuery, variables = new { id = ProfileQueryTests<ScholarGraphFactory>.ProfileAuthorId } }, apiKey);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("HC0067", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task An_unknown_documentId_is_a_404_with_a_coded_error()
    {
        var (status, body) = await host.SendAsync(new { documentId = "sha256:" + new string('0', 64) });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("HC0020", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}

public sealed class WritersMaySendTextTests(WritersMaySendTextHost host) : IClassFixture<WritersMaySendTextHost>
{
    private const string Text = "{ authors(first: 1) { totalCount } }";

    [Theory]
    [InlineData(null)]
    [InlineData(WriteTestHost.ReadKey)]
    public async Task Query_text_is_refused_for_anonymous_callers_and_read_only_keys(string? apiKey)
    {
        var (status, body) = await host.SendAsync(new { query = Text }, apiKey);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("HC0067", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Query_text_runs_for_an_api_key_with_the_write_scope()
    {
        var (status, body) = await host.SendAsync(new { query = Text }, WriteTestHost.WriteKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("data").GetProperty("authors").GetProperty("totalCount").GetInt32() > 0);
    }

    [Fact]
    public async Task The_trusted_profile_document_runs_for_anonymous_callers()
    {
        var (status, body) = await host.SendAsync(new { documentId = host.ProfileDocumentId, variables = new { id = ProfileQueryTests<ScholarGraphFactory>.ProfileAuthorId } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Devvrit Khatri", body.GetProperty("data").GetProperty("author").GetProperty("name").GetString());
    }
}
