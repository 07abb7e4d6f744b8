using System.Net;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.AspNetCore.Documents;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Documents;

/// <summary>
/// Requests that name a trusted document by <c>documentId</c> (GraphQL over HTTP's persisted documents) over POST and GET, and
/// what each mode does with query text.
/// </summary>
public sealed class TrustedDocumentRequestTests : IDisposable
{
    private const string Echo = "query Echo($text: String!) { echo(text: $text) }";
    private const string Touch = "mutation Touch { touch }";
    private readonly DocumentFolder _folder = new();
    private readonly string _echo;
    private readonly string _touch;

    public TrustedDocumentRequestTests()
    {
        _echo = _folder.Add(Echo);
        _touch = _folder.Add(Touch);
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("sha256:")]
    [InlineData("")]
    public async Task A_post_with_a_documentId_in_either_form_runs_the_trusted_document(string prefix)
    {
        await using var host = await StartAsync("Off");
        using var client = host.CreateClient();

        var response = await GraphQLResponse.PostAsync(client, new { documentId = prefix + _echo, variables = new { text = "trusted" }, operationName = "Echo" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("trusted", response.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task A_get_with_a_documentId_runs_a_trusted_query_and_a_trusted_mutation_answers_405_every_time()
    {
        await using var host = await StartAsync("TrustedOnly");
        using var client = host.CreateClient();

        var query = await GraphQLResponse.GetAsync(client, $"documentId=sha256%3A{_echo}&variables=%7B%22text%22%3A%22by%20get%22%7D");
        Assert.Equal(HttpStatusCode.OK, query.Status);
        Assert.Equal("by get", query.Data.GetProperty("echo").GetString());

        // The second time the document is known to be valid, and the method's rule still runs.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var mutation = await GraphQLResponse.GetAsync(client, $"documentId={_touch}");
            Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.Status);
            Assert.Equal(GraphQLHttpErrorCodes.MethodNotAllowed, mutation.FirstCode);
        }
        Assert.Equal("touched", (await GraphQLResponse.PostAsync(client, new { documentId = _touch })).Data.GetProperty("touch").GetString());
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task An_unknown_documentId_answers_404_with_hot_chocolate_s_code_naming_the_id(string accept)
    {
        await using var host = await StartAsync("TrustedOnly");
        using var client = host.CreateClient();
        var unknown = "sha256:" + DocumentFolder.Hash("{ hello }");

        foreach (var response in new[]
        {
            await GraphQLResponse.PostAsync(client, new { documentId = unknown }, accept),
            await GraphQLResponse.GetAsync(client, "documentId=" + Uri.EscapeDataString(unknown), accept),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("HC0020", response.FirstCode);
            Assert.Equal($"The documentId '{unknown}' names no trusted document of this server.", response.FirstError.GetProperty("message").GetString());
            Assert.Equal(unknown, response.FirstError.GetProperty("extensions").GetProperty("requestedKey").GetString());
        }
        // The server is unharmed.
        Assert.Equal("ok", (await GraphQLResponse.PostAsync(client, new { documentId = _echo, variables = new { text = "ok" } })).Data.GetProperty("echo").GetString());
    }

    [Theory]
    [InlineData("md5:3be4abb81fa595e25eb725b2c6a87508")]
    [InlineData("3be4abb81fa595e25eb725b2c6a87508")]
    [InlineData("sha256:not-hexadecimal-at-all")]
    [InlineData("sha256:")]
    public async Task A_documentId_that_is_not_a_sha256_id_answers_400(string documentId)
    {
        await using var host = await StartAsync("Off");
        using var client = host.CreateClient();

        var response = await GraphQLResponse.PostAsync(client, new { documentId });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedDocumentInvalidId, response.FirstCode);
        Assert.Contains($"'{documentId}' is not a SHA-256 document id", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_both_documentId_and_query_is_refused_as_bad_request()
    {
        await using var host = await StartAsync("Off");
        using var client = host.CreateClient();

        foreach (var response in new[]
        {
            await GraphQLResponse.PostAsync(client, new { documentId = _echo, query = Echo }),
            await GraphQLResponse.GetAsync(client, $"documentId={_echo}&query={Uri.EscapeDataString(Echo)}"),
        })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(GraphQLHttpErrorCodes.BadRequest, response.FirstCode);
            Assert.Contains("both 'query' and 'documentId'", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Off_runs_query_text_as_before()
    {
        await using var host = await StartAsync("Off");
        using var client = host.CreateClient();

        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, new { query = "{ hello }" })).Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Trusted_only_refuses_query_text_over_post_and_get_with_403_and_still_runs_trusted_documents()
    {
        await using var host = await StartAsync("TrustedOnly");
        using var client = host.CreateClient();

        foreach (var response in new[]
        {
            await GraphQLResponse.PostAsync(client, new { query = Echo, variables = new { text = "x" } }, testUser: "writer"),
            await GraphQLResponse.GetAsync(client, "query=%7B%20hello%20%7D", "application/json"),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal("HC0067", response.FirstCode);
            Assert.Equal("This server runs only trusted documents: send 'documentId' naming one instead of query text.", response.FirstError.GetProperty("message").GetString());
            Assert.False(response.Body.TryGetProperty("data", out _));
        }
        Assert.Equal("x", (await GraphQLResponse.PostAsync(client, new { documentId = _echo, variables = new { text = "x" } })).Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Allow_arbitrary_for_authorized_lets_authenticated_callers_send_text_by_default_and_refuses_anonymous_ones()
    {
        await using var host = await StartAsync("AllowArbitraryForAuthorized");
        using var client = host.CreateClient();

        var anonymous = await GraphQLResponse.PostAsync(client, new { query = "{ hello }" });
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);
        Assert.Equal("HC0067", anonymous.FirstCode);
        Assert.StartsWith("Query text that is not a trusted document needs a caller the server authorizes for it", anonymous.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);

        var authenticated = await GraphQLResponse.PostAsync(client, new { query = "{ hello }" }, testUser: "someone");
        Assert.Equal("world", authenticated.Data.GetProperty("hello").GetString());

        var trusted = await GraphQLResponse.PostAsync(client, new { documentId = _echo, variables = new { text = "anyone" } });
        Assert.Equal("anyone", trusted.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task An_app_s_policy_decides_who_may_send_text()
    {
        await using var host = await StartAsync("AllowArbitraryForAuthorized",
            services => services.AddSingleton<IArbitraryDocumentPolicy, WritersOnly>());
        using var client = host.CreateClient();

        Assert.Equal("HC0067", (await GraphQLResponse.PostAsync(client, new { query = "{ hello }" }, testUser: "reader")).FirstCode);
        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, new { query = "{ hello }" }, testUser: "editor:writer")).Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task A_status_setting_replaces_its_default_and_keeps_the_others()
    {
        await using var host = await TransportTestHost.StartAsync(settings: _folder.Settings("TrustedOnly", ("GraphQLHttp:StatusCodesByErrorCode:HC0020", "400")));
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await GraphQLResponse.PostAsync(client, new { documentId = DocumentFolder.Hash("{ hello }") })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GraphQLResponse.PostAsync(client, new { query = "{ hello }" })).Status);
    }

    private Task<TransportTestHost> StartAsync(string mode, Action<IServiceCollection>? configureServices = null) =>
        TransportTestHost.StartAsync(settings: _folder.Settings(mode), configureServices: configureServices, configureApp: TestUsers.Authenticate);

    private sealed class WritersOnly : IArbitraryDocumentPolicy
    {
        public bool AllowsArbitraryDocuments(ExecutionOptions options) => options.User?.IsInRole("writer") == true;
    }
}
