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
    public async Task Sdl_of_the_real_schema_is_served()
    {
        using var response = await _client.GetAsync("/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("type Query", sdl, StringComparison.Ordinal);
        Assert.Contains("interface Node", sdl, StringComparison.Ordinal);
    }
}
