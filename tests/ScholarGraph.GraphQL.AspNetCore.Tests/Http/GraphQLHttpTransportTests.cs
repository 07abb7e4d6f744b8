using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Http;

public sealed class GraphQLHttpTransportTests : IAsyncLifetime
{
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private TransportTestHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await TransportTestHost.StartAsync();
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_query_answers_200_with_data_as_graphql_response_json_when_asked_for()
    {
        using var response = await PostAsync("""{"query":"{ hello }"}""", accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("world", (await JsonAsync(response)).GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("""{"query":"{ hello }"}""", HttpStatusCode.OK)]
    [InlineData("""{"query":"{ noSuchField }"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"query":"{ hello """, HttpStatusCode.BadRequest)]
    public async Task Responses_carry_their_length_instead_of_being_chunked(string body, HttpStatusCode status)
    {
        // Kestrel on a socket: the in-memory test server measures every body itself.
        await using var host = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, host.GraphQLUrl) { Content = content };
        request.Headers.Accept.ParseAdd(GraphQLResponseJson);
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/*")]
    [InlineData("text/html, application/json;q=0.9")]
    public async Task Post_answers_application_json_for_legacy_or_wildcard_accept(string? accept)
    {
        using var response = await PostAsync("""{"query":"{ hello }"}""", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("application/json, application/graphql-response+json")]
    [InlineData("application/graphql-response+json, */*;q=0.5")]
    [InlineData("application/json;q=0.5, application/graphql-response+json")]
    public async Task Post_prefers_graphql_response_json_when_the_client_names_it(string accept)
    {
        using var response = await PostAsync("""{"query":"{ hello }"}""", accept: accept);

        Assert.Equal(GraphQLResponseJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task Post_answers_406_when_neither_media_type_is_acceptable(string accept)
    {
        using var response = await PostAsync("""{"query":"{ hello }"}""", accept: accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("HTTP_NOT_ACCEPTABLE", await FirstErrorCodeAsync(response));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_answers_415_unless_the_body_is_json_in_utf8(string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ hello }"}""")),
        };
        if (contentType is not null)
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("HTTP_UNSUPPORTED_MEDIA_TYPE", await FirstErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("", "empty or not valid JSON")]
    [InlineData("{ \"not a JSON", "empty or not valid JSON")]
    [InlineData("""{"qeury":"{ hello }"}""", "'query' parameter is missing")]
    [InlineData("""{"query":42}""", "'query' parameter must be a string, not a number")]
    [InlineData("""{"query":"{ hello }","operationName":{"obj":"ect"}}""", "'operationName' parameter must be a string, not an object")]
    [InlineData("""{"query":"{ hello }","variables":"string"}""", "'variables' parameter must be a map (JSON object), not a string")]
    [InlineData("""{"query":"{ hello }","extensions":["array"]}""", "'extensions' parameter must be a map (JSON object), not an array")]
    [InlineData("""[{"query":"{ hello }"}]""", "Batched requests")]
    public async Task Malformed_requests_answer_400_with_a_clear_message_whatever_the_media_type(string body, string expectedMessagePart)
    {
        foreach (var accept in new[] { "application/json", GraphQLResponseJson })
        {
            using var response = await PostAsync(body, accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = (await JsonAsync(response)).GetProperty("errors")[0];
            Assert.Contains(expectedMessagePart, error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("HTTP_BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_document_nested_past_the_parsers_depth_answers_400_with_its_code()
    {
        var query = "{ echo(text: " + new string('[', 200) + new string(']', 200) + ") }";
        using var response = await PostAsync(System.Text.Json.JsonSerializer.Serialize(new { query }), GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("DOCUMENT_TOO_DEEP", await FirstErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("query", """{"query":"{ echo(text: \"#\") }"}""")]
    [InlineData("operationName", """{"query":"query Q { hello }","operationName":"Q#"}""")]
    [InlineData("variables", """{"query":"query Q($text: String!) { echo(text: $text) }","variables":{"text":"#"}}""")]
    public async Task Invalid_UTF8_inside_a_string_answers_400_naming_the_parameter(string parameter, string template)
    {
        // JsonDocument parses such a body and fails only when the string is read; '#' marks where the bad bytes go.
        var bytes = Encoding.UTF8.GetBytes(template).ToList();
        var at = bytes.IndexOf((byte)'#');
        bytes.RemoveAt(at);
        bytes.InsertRange(at, [0xFF, 0xC3, 0x28]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent([.. bytes]) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal($"The '{parameter}' parameter is not valid UTF-8.", error.GetProperty("message").GetString());
        Assert.Equal("HTTP_BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"query":"{"}""")]
    [InlineData("""{"query":"{ noSuchField }"}""")]
    [InlineData("""{"query":"query Q($text: String!) { echo(text: $text) }","variables":{"text":null}}""")]
    [InlineData("""{"query":"query A { hello } query B { hello }","operationName":"C"}""")]
    public async Task Request_errors_answer_400_without_data_under_graphql_response_json_and_200_under_application_json(string body)
    {
        using var strict = await PostAsync(body, GraphQLResponseJson);
        using var legacy = await PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        var strictBody = await JsonAsync(strict);
        Assert.False(strictBody.TryGetProperty("data", out _));
        Assert.True(strictBody.GetProperty("errors").GetArrayLength() > 0);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.True((await JsonAsync(legacy)).GetProperty("errors").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Validation_errors_keep_graphql_dotnet_codes()
    {
        using var response = await PostAsync("""{"query":"{ noSuchField }"}""", GraphQLResponseJson);

        Assert.Equal("FIELDS_ON_CORRECT_TYPE", await FirstErrorCodeAsync(response));
    }

    [Fact]
    public async Task Variables_operation_name_and_extensions_reach_the_executer()
    {
        const string body = """
            {"query":"query A { hello } query B($text: String!) { echo(text: $text) }",
             "operationName":"B","variables":{"text":"Run🏃Swim🏊"},"extensions":{"some":"value"}}
            """;
        using var response = await PostAsync(body, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.False(json.TryGetProperty("errors", out _));
        Assert.Equal("Run🏃Swim🏊", json.GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Get_runs_a_query_from_url_parameters()
    {
        var variables = Uri.EscapeDataString("""{"text":"hi"}""");
        var query = Uri.EscapeDataString("query Q($text: String!) { echo(text: $text) }");
        using var response = await _client.GetAsync($"/graphql?query={query}&variables={variables}&operationName=Q");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi", (await JsonAsync(response)).GetProperty("data").GetProperty("echo").GetString());
    }

    [Theory]
    [InlineData("query={ hello }&variables=not-json", "'variables' must be a JSON object; it is not valid JSON")]
    [InlineData("query={ hello }&extensions=[1]", "'extensions' must be a JSON object, not an array")]
    [InlineData("query={ hello }&query={ hello }", "'query' is given more than once")]
    [InlineData("operationName=Q", "'query' is missing")]
    public async Task Get_with_bad_parameters_answers_400(string parameters, string expectedMessagePart)
    {
        using var response = await _client.GetAsync("/graphql?" + parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains(expectedMessagePart, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(GraphQLResponseJson)]
    public async Task Get_mutation_answers_405_with_allow_post_and_does_not_execute(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { touch }"));
        request.Headers.Accept.ParseAdd(accept);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        var json = await JsonAsync(response);
        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal("HTTP_METHOD_NOT_ALLOWED", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Get_mutation_is_refused_even_when_the_document_is_cached_from_a_post()
    {
        using var post = await PostAsync("""{"query":"mutation { touch }"}""", GraphQLResponseJson);
        Assert.Equal("touched", (await JsonAsync(post)).GetProperty("data").GetProperty("touch").GetString());

        using var get = await _client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { touch }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task Cached_document_still_answers_with_fresh_variables()
    {
        const string query = "query Q($text: String!) { echo(text: $text) }";
        foreach (var text in new[] { "first", "second" })
        {
            var body = JsonSerializer.Serialize(new { query, variables = new { text } });
            using var response = await PostAsync(body, GraphQLResponseJson);
            Assert.Equal(text, (await JsonAsync(response)).GetProperty("data").GetProperty("echo").GetString());
        }
    }

    [Fact]
    public async Task Other_methods_answer_405_with_allow_get_and_post()
    {
        using var response = await _client.PutAsync("/graphql", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Resolver_exception_reaches_the_client_as_a_generic_error_and_the_log_gets_the_detail()
    {
        using var response = await PostAsync("""{"query":"{ hello fail }"}""", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(TransportTestSchema.SecretDetail, text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("INVALID_OPERATION", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal("world", json.GetProperty("data").GetProperty("hello").GetString());
        var error = json.GetProperty("errors")[0];
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("fail", error.GetProperty("path")[0].GetString());
        Assert.Contains(_host.Logs.Entries, entry => entry.Exception?.Message == TransportTestSchema.SecretDetail);
    }

    [Fact]
    public async Task Subscription_over_http_is_a_request_error()
    {
        using var response = await PostAsync("""{"query":"subscription { messages(channel: \"a\") }"}""", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal(GraphQLHttpErrorCodes.SubscriptionNotSupported, error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Sdl_parameter_returns_the_schema_as_text()
    {
        using var response = await _client.GetAsync("/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("type Query", sdl, StringComparison.Ordinal);
        Assert.Contains("echo(text: String!): String", sdl, StringComparison.Ordinal);
        Assert.Contains("type Mutation", sdl, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return await _client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string?> FirstErrorCodeAsync(HttpResponseMessage response) =>
        (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
