using System.Net;
using System.Text;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Hosting.Cors;

/// <summary>Front-end origins from <c>Cors:AllowedOrigins</c> may call the GraphQL endpoint from a browser; others get no CORS headers.</summary>
public sealed class CorsTests(CorsTests.FrontEndsHost host) : IClassFixture<CorsTests.FrontEndsHost>
{
    private const string Allowed = "https://app.example.org";
    private const string AlsoAllowed = "http://localhost:3000";
    private const string Other = "https://elsewhere.example";

    public sealed class FrontEndsHost() : WriteTestHostWith(new()
    {
        ["Cors:AllowedOrigins:0"] = Allowed,
        ["Cors:AllowedOrigins:1"] = AlsoAllowed,
    });

    private static HttpRequestMessage Post(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ authors(first: 1) { totalCount } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static HttpRequestMessage Preflight(string origin, string path = "/graphql")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type, x-api-key");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Theory]
    [InlineData(Allowed)]
    [InlineData(AlsoAllowed)]
    public async Task An_allowed_origin_gets_its_origin_back_and_may_read_Retry_After(string origin)
    {
        using var client = host.CreateClient();
        using var response = await client.SendAsync(Post(origin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("Retry-After", Header(response, "Access-Control-Expose-Headers"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Another_origin_gets_no_CORS_headers_so_a_browser_keeps_the_answer_from_its_page()
    {
        using var client = host.CreateClient();
        using var response = await client.SendAsync(Post(Other));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_allows_the_GraphQL_methods_and_headers()
    {
        using var client = host.CreateClient();
        using var response = await client.SendAsync(Preflight(Allowed));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal(["GET", "POST"], Header(response, "Access-Control-Allow-Methods")!.Split(',').Order());
        var headers = Header(response, "Access-Control-Allow-Headers")!.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        Assert.Superset(new HashSet<string> { "content-type", "accept", "authorization", "x-api-key" }, headers);
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
    }

    [Fact]
    public async Task A_preflight_from_another_origin_is_not_allowed()
    {
        using var client = host.CreateClient();
        using var response = await client.SendAsync(Preflight(Other));

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Health_endpoints_are_not_open_to_other_origins()
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Add("Origin", Allowed);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }
}

/// <summary>Without <c>Cors:AllowedOrigins</c> (the default) the endpoint behaves as if CORS did not exist.</summary>
public sealed class NoCorsTests(ScholarGraphFactory host) : IClassFixture<ScholarGraphFactory>
{
    [Fact]
    public async Task No_origin_gets_CORS_headers_and_a_preflight_is_the_endpoints_own_405()
    {
        using var client = host.CreateClient();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ authors(first: 1) { totalCount } }"}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("Origin", "https://app.example.org");
        using var answered = await client.SendAsync(post);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://app.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.DoesNotContain(answered.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.DoesNotContain(refused.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }
}
