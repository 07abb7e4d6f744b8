using System.Net;
using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Http;

/// <summary>Requests over GraphQLHttp:MaxRequestSize are refused before anything is parsed: 413 for a body, 414 for a URL.</summary>
public sealed class RequestSizeLimitTests : IAsyncLifetime
{
    private const int Limit = 200;
    private TransportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportTestHost.StartAsync(
        settings: new Dictionary<string, string?> { ["GraphQLHttp:MaxRequestSize"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Body(int size)
    {
        const string prefix = "{\"query\":\"{ hello }\",\"extensions\":{\"pad\":\"";
        return prefix + new string('x', size - prefix.Length - 3) + "\"}}";
    }

    [Fact]
    public async Task A_body_at_the_limit_is_answered()
    {
        using var client = _host.CreateClient();
        using var response = await client.PostAsync("/graphql", new StringContent(Body(Limit), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_by_its_length()
    {
        using var client = _host.CreateClient();
        using var response = await client.PostAsync("/graphql", new StringContent(Body(Limit + 1), Encoding.UTF8, "application/json"));
        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_length_is_refused_with_413_as_it_is_read()
    {
        using var client = _host.CreateClient();
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(Body(Limit * 5))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync("/graphql", content);
        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_get_over_the_limit_is_refused_with_414()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ hello " + new string(' ', Limit) + "}"));
        await AssertRefusedAsync(response, HttpStatusCode.RequestUriTooLong);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal(GraphQLHttpErrorCodes.RequestTooLarge, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("200", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // A body whose length the client cannot know in advance, so it is sent without Content-Length.
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
