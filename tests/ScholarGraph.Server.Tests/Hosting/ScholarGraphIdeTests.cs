using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ScholarGraph.Server.Tests.Infrastructure;


namespace ScholarGraph.Server.Tests.Hosting;

/// <summary>The real server composes the IDE in front of its GraphQL endpoint.</summary>
[Collection(SequentialHostsCollection.Name)]
public sealed class ScholarGraphIdeTests(ScholarGraphFactory server) : IClassFixture<ScholarGraphFactory>
{
    private readonly HttpClient _client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Browser_on_graphql_is_sent_to_the_ide_which_is_configured_for_this_server()
    {
        using var navigation = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        navigation.Headers.Accept.ParseAdd("text/html");
        using var redirect = await _client.SendAsync(navigation);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/graphql/", redirect.Headers.Location?.OriginalString);

        using var index = await _client.GetAsync("/graphql/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("<div id=\"root\">", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var config = JsonDocument.Parse(await _client.GetStringAsync("/graphql/bcp-config.json")).RootElement;
        Assert.Equal("ScholarGraph", config.GetProperty("title").GetString());
        Assert.Equal("/graphql", config.GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task Ide_opens_with_the_profile_query_and_variables_that_answer_the_seed_profile()
    {
        var config = JsonDocument.Parse(await _client.GetStringAsync("/graphql/bcp-config.json")).RootElement;
        var document = config.GetProperty("graphQLDocument").GetString()!;
        var variables = config.GetProperty("variables");
        Assert.StartsWith("query Profile($id: ID!)", document, StringComparison.Ordinal);

        // Run exactly what the IDE would send on its first click.
        using var response = await _client.PostAsync("/graphql", new StringContent(
            JsonSerializer.Serialize(new { query = document, variables }), System.Text.Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        using var seed = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScholarGraph.Tests.Shared.RepositoryPaths.SeedData, "devvrit-khatri.json")));
        var profiled = seed.RootElement.GetProperty("authors").EnumerateArray().Single(a => a.TryGetProperty("reportedMetrics", out _));
        var author = body.GetProperty("data").GetProperty("author");
        Assert.Equal(profiled.GetProperty("name").GetString(), author.GetProperty("name").GetString());
        Assert.Equal(seed.RootElement.GetProperty("papers").GetArrayLength(), author.GetProperty("papers").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Pages_are_served_as_html_and_their_assets_from_the_servers_origin()
    {
        foreach (var path in new[] { "/explore", "/authors/devvrit-khatri" })
        {
            using var page = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/pages/assets/[^\"]+\\.js)\"");
            Assert.True(script.Success, html);
            Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
            using var asset = await _client.GetAsync(script.Groups[1].Value);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Contains("immutable", asset.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sdl_of_the_real_schema_is_served()
    {
        using var response = await _client.GetAsync("/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("type Query", sdl, StringComparison.Ordinal);
        Assert.Contains("interface Node", sdl, StringComparison.Ordinal);
    }
}
