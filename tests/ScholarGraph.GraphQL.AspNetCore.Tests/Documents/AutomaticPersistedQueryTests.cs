using System.Net;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Documents;

/// <summary>
/// Apollo's automatic persisted queries: a hash the server does not know answers <c>PersistedQueryNotFound</c>, the client sends
/// it again with the text, which is checked and registered, and the hash alone then runs it; over POST and over GET as Apollo
/// clients send it. Where query text is refused, so is registering it.
/// </summary>
public sealed class AutomaticPersistedQueryTests : IDisposable
{
    private const string Echo = "query Echo($text: String!) { echo(text: $text) }";
    private static readonly string EchoHash = DocumentFolder.Hash(Echo);
    private readonly DocumentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Not_found_then_registered_then_served_by_hash_over_post_and_get()
    {
        await using var host = await StartAsync("Off");
        using var client = host.CreateClient();

        var notFound = await GraphQLResponse.PostAsync(client, HashOnly(EchoHash, "first"));
        Assert.Equal(HttpStatusCode.OK, notFound.Status);
        Assert.Equal("application/graphql-response+json", notFound.MediaType);
        Assert.True(notFound.IsUncached, $"Cache-Control: {notFound.CacheControl}");
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, notFound.FirstCode);
        Assert.Equal("PersistedQueryNotFound", notFound.FirstError.GetProperty("message").GetString());
        Assert.Contains(EchoHash, notFound.FirstError.GetProperty("extensions").GetProperty("reason").GetString(), StringComparison.Ordinal);

        var registered = await GraphQLResponse.PostAsync(client, WithText(Echo, EchoHash, "second"));
        Assert.Equal("second", registered.Data.GetProperty("echo").GetString());
        Assert.False(registered.IsUncached);

        var byHash = await GraphQLResponse.PostAsync(client, HashOnly(EchoHash, "third"));
        Assert.Equal("third", byHash.Data.GetProperty("echo").GetString());

        // As Apollo Client sends a hashed query with useGETForHashedQueries.
        var byGet = await GraphQLResponse.GetAsync(client,
            "operationName=Echo&variables=" + Uri.EscapeDataString("""{"text":"fourth"}""")
            + "&" + ExtensionsParameter(EchoHash));
        Assert.Equal(HttpStatusCode.OK, byGet.Status);
        Assert.Equal("fourth", byGet.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task A_get_for_an_unknown_hash_answers_not_found_uncached_with_either_media_type()
    {
        await using var host = await StartAsync("Off");
        using var client = host.CreateClient();
        var url = ExtensionsParameter(EchoHash);

        foreach (var accept in new[] { "application/json", "application/graphql-response+json" })
        {
            var response = await GraphQLResponse.GetAsync(client, url, accept);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, response.FirstCode);
            Assert.True(response.IsUncached, $"Cache-Control: {response.CacheControl}");
        }
    }

    [Fact]
    public async Task A_hash_that_does_not_match_the_text_is_refused_and_nothing_is_registered()
    {
        await using var host = await StartAsync("Off");
        using var client = host.CreateClient();
        var otherHash = DocumentFolder.Hash("{ hello }");

        var mismatch = await GraphQLResponse.PostAsync(client, WithText(Echo, otherHash, "x"));

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryHashMismatch, mismatch.FirstCode);
        Assert.Equal($"extensions.persistedQuery.sha256Hash is '{otherHash}', but the SHA-256 of the query text sent is '{EchoHash}'; hash the exact UTF-8 text of the query.",
            mismatch.FirstError.GetProperty("message").GetString());
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, (await GraphQLResponse.PostAsync(client, HashOnly(otherHash, "x"))).FirstCode);
    }

    [Fact]
    public async Task Text_that_fails_validation_is_not_registered()
    {
        await using var host = await StartAsync("Off");
        using var client = host.CreateClient();
        const string invalid = "{ noSuchField }";

        Assert.Equal("FIELDS_ON_CORRECT_TYPE", (await GraphQLResponse.PostAsync(client, WithText(invalid, DocumentFolder.Hash(invalid), null))).FirstCode);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, (await GraphQLResponse.PostAsync(client, HashOnly(DocumentFolder.Hash(invalid), null))).FirstCode);
    }

    [Theory]
    [InlineData(2, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", GraphQLHttpErrorCodes.PersistedQueryNotSupported, HttpStatusCode.OK)]
    [InlineData(1, "abc", GraphQLHttpErrorCodes.PersistedDocumentInvalidId, HttpStatusCode.BadRequest)]
    [InlineData(1, null, GraphQLHttpErrorCodes.PersistedDocumentInvalidId, HttpStatusCode.BadRequest)]
    public async Task A_malformed_extension_gets_a_coded_error(int version, string? sha256Hash, string code, HttpStatusCode status)
    {
        await using var host = await StartAsync("Off");
        using var client = host.CreateClient();

        var response = await GraphQLResponse.PostAsync(client, new { extensions = new { persistedQuery = new { version, sha256Hash } } });

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.FirstCode);
    }

    [Fact]
    public async Task Turned_off_it_answers_not_supported_but_still_serves_trusted_documents_by_hash()
    {
        var trusted = _folder.Add("query Hello { hello }");
        await using var host = await StartAsync("Off", ("TrustedDocuments:EnableAutomaticPersistedQueries", "false"));
        using var client = host.CreateClient();

        var refused = await GraphQLResponse.PostAsync(client, WithText(Echo, EchoHash, "x"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotSupported, refused.FirstCode);
        Assert.Equal("PersistedQueryNotSupported", refused.FirstError.GetProperty("message").GetString());

        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, HashOnly(trusted, null))).Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Trusted_only_refuses_to_register_and_serves_only_trusted_hashes()
    {
        var trusted = _folder.Add("query Hello { hello }");
        await using var host = await StartAsync("TrustedOnly");
        using var client = host.CreateClient();

        var registration = await GraphQLResponse.PostAsync(client, WithText(Echo, EchoHash, "x"), testUser: "writer");
        Assert.Equal(HttpStatusCode.Forbidden, registration.Status);
        Assert.Equal(GraphQLHttpErrorCodes.TrustedDocumentRequired, registration.FirstCode);
        Assert.EndsWith("automatic persisted queries cannot register new documents here.", registration.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(registration.Body.TryGetProperty("data", out _));

        // Not "PersistedQueryNotFound", which would only invite a registration that is refused.
        var unknown = await GraphQLResponse.PostAsync(client, HashOnly(EchoHash, "x"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedDocumentNotFound, unknown.FirstCode);

        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, HashOnly(trusted, null))).Data.GetProperty("hello").GetString());
        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, WithText("query Hello { hello }", trusted, null))).Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Where_text_needs_an_authorized_caller_only_such_callers_register_or_run_registered_text()
    {
        await using var host = await StartAsync("AllowArbitraryForAuthorized");
        using var client = host.CreateClient();

        Assert.Equal(GraphQLHttpErrorCodes.TrustedDocumentRequired, (await GraphQLResponse.PostAsync(client, WithText(Echo, EchoHash, "x"))).FirstCode);
        Assert.Equal("by writer", (await GraphQLResponse.PostAsync(client, WithText(Echo, EchoHash, "by writer"), testUser: "writer")).Data.GetProperty("echo").GetString());

        // The writer's text is not trusted for others: the store is not consulted for them.
        Assert.Equal(GraphQLHttpErrorCodes.PersistedDocumentNotFound, (await GraphQLResponse.PostAsync(client, HashOnly(EchoHash, "x"))).FirstCode);
        Assert.Equal("again", (await GraphQLResponse.PostAsync(client, HashOnly(EchoHash, "again"), testUser: "writer")).Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task The_store_holds_no_more_text_than_its_limit()
    {
        const string shortQuery = "{ hello }";
        const string longQuery = "query Longer { hello echo(text: \"beyond twenty characters\") }";
        await using var host = await StartAsync("Off", ("TrustedDocuments:AutomaticPersistedQueryCacheSizeLimit", "20"));
        using var client = host.CreateClient();

        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, WithText(longQuery, DocumentFolder.Hash(longQuery), null))).Data.GetProperty("hello").GetString());
        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, WithText(shortQuery, DocumentFolder.Hash(shortQuery), null))).Data.GetProperty("hello").GetString());

        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, (await GraphQLResponse.PostAsync(client, HashOnly(DocumentFolder.Hash(longQuery), null))).FirstCode);
        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, HashOnly(DocumentFolder.Hash(shortQuery), null))).Data.GetProperty("hello").GetString());
    }

    // The GET parameter as Apollo Client writes it: the extensions as compact JSON, URL-encoded.
    private static string ExtensionsParameter(string hash) =>
        "extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } }));

    private static object HashOnly(string hash, string? text) =>
        new { variables = text is null ? null : new { text }, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } };

    private static object WithText(string query, string hash, string? text) =>
        new { query, variables = text is null ? null : new { text }, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } };

    private Task<TransportTestHost> StartAsync(string mode, params (string Key, string Value)[] more) =>
        TransportTestHost.StartAsync(settings: _folder.Settings(mode, more), configureApp: TestUsers.Authenticate);
}
