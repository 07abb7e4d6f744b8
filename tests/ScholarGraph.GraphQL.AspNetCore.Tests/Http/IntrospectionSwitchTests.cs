using System.Net;
using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Tests.Documents;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Http;

/// <summary>With GraphQLHttp:EnableIntrospection off, the schema cannot be read by introspection or at ?sdl; ordinary queries run.</summary>
public sealed class IntrospectionSwitchTests : IAsyncLifetime
{
    private TransportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportTestHost.StartAsync(
        settings: new Dictionary<string, string?> { ["GraphQLHttp:EnableIntrospection"] = "false" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_introspection_query_is_refused_every_time_and_an_ordinary_one_answers()
    {
        for (var attempt = 0; attempt < 2; attempt++) // the second time from the document cache
        {
            var refused = await PostAsync("{ __schema { types { name } } }");
            Assert.False(refused.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null, $"{refused}");
            Assert.NotEmpty(refused.GetProperty("errors").EnumerateArray());
        }
        var answered = await PostAsync("{ __typename hello }");
        Assert.Equal("world", answered.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task A_trusted_document_asking_for_the_schema_is_refused_every_time_and_an_ordinary_one_answers_every_time()
    {
        // A trusted document, once validated, runs without the full validation: the refusal must hold from its first use on.
        using var folder = new DocumentFolder();
        var introspection = folder.Add("{ __type(name: \"Query\") { name } }");
        var ordinary = folder.Add("{ hello }");
        await using var host = await TransportTestHost.StartAsync(
            settings: folder.Settings("Off", ("GraphQLHttp:EnableIntrospection", "false")));
        using var client = host.CreateClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var refused = await GraphQLResponse.PostAsync(client, new { documentId = "sha256:" + introspection });
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.NotEmpty(refused.Body.GetProperty("errors").EnumerateArray());
            var answered = await GraphQLResponse.PostAsync(client, new { documentId = "sha256:" + ordinary });
            Assert.Equal("world", answered.Data.GetProperty("hello").GetString());
        }
    }

    [Fact]
    public async Task The_sdl_is_not_served()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync("/graphql?sdl");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonElement> PostAsync(string query)
    {
        using var client = _host.CreateClient();
        using var response = await client.PostAsync("/graphql",
            new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
