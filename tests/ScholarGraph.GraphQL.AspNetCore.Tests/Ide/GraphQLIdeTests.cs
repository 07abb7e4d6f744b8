using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Ide;

public sealed partial class GraphQLIdeTests : IAsyncLifetime
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private TransportTestHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await TransportTestHost.StartAsync(withIde: true);
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Browser_opening_the_endpoint_is_redirected_to_the_ide_keeping_the_query_string()
    {
        using var response = await GetAsync("/graphql?document=abc", BrowserAccept);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/graphql/?document=abc", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    public async Task Api_clients_reach_the_graphql_endpoint_untouched(string accept)
    {
        using var response = await GetAsync("/graphql?query=" + Uri.EscapeDataString("{ hello }"), accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("world", json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Browser_asking_for_sdl_gets_the_sdl_not_the_ide()
    {
        using var response = await GetAsync("/graphql?sdl", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("type Query", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_and_the_scripts_it_references_are_served()
    {
        using var index = await GetAsync("/graphql/", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        var html = await index.Content.ReadAsStringAsync();
        var mainScript = MainScript().Match(html);
        Assert.True(mainScript.Success, "index.html references no static/js/main.*.js");

        using var script = await GetAsync("/graphql/" + mainScript.Value, "*/*");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Fact]
    public async Task Service_worker_is_served_as_javascript()
    {
        using var response = await GetAsync("/graphql/service-worker.js", "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_points_the_ide_at_this_endpoint_with_telemetry_off()
    {
        using var response = await GetAsync("/graphql/bcp-config.json", "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var config = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(config.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(config.GetProperty("disableTelemetry").GetBoolean());
        Assert.Equal("GraphQL", config.GetProperty("title").GetString());
        Assert.Equal("/graphql", config.GetProperty("endpoint").GetString());
        Assert.Equal("/graphql?sdl", config.GetProperty("sdlEndpoint").GetString());
        Assert.Equal("graphql-transport-ws", config.GetProperty("subscriptionProtocol").GetString());
        // No example document unless the app sets one: the IDE then opens an empty tab.
        Assert.False(config.TryGetProperty("graphQLDocument", out _));
        Assert.False(config.TryGetProperty("variables", out _));
    }

    [Fact]
    public async Task Missing_ide_file_is_404()
    {
        using var response = await GetAsync("/graphql/no-such-file.js", "*/*");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Ide_licence_ships_beside_its_files()
    {
        var licence = Path.Combine(AppContext.BaseDirectory, "ide", "LICENSE");

        Assert.True(File.Exists(licence), $"{licence} is missing");
        Assert.Contains("ChilliCream", File.ReadAllText(licence), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_ide_leaves_browsers_to_the_endpoint()
    {
        await using var host = await TransportTestHost.StartAsync(withIde: true, settings: new Dictionary<string, string?> { ["GraphQLIde:Enabled"] = "false" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/");
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var redirect = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        redirect.Headers.Accept.ParseAdd(BrowserAccept);

        using var index = await host.CreateClient().SendAsync(request);
        using var endpoint = await host.CreateClient().SendAsync(redirect);

        Assert.NotEqual(HttpStatusCode.OK, index.StatusCode);
        Assert.NotEqual(HttpStatusCode.MovedPermanently, endpoint.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await _client.SendAsync(request);
    }

    [GeneratedRegex(@"static/js/main\.[0-9a-f]+\.js")]
    private static partial Regex MainScript();
}
