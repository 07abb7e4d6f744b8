using System.Net.Http.Json;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Hosting;

/// <summary>Responses are UTF-8 as written: letters beyond ASCII and apostrophes are not escaped as <c>\uXXXX</c>.</summary>
public sealed class ResponseEncodingTests(ScholarGraphFactory server) : IClassFixture<ScholarGraphFactory>
{
    [Fact]
    public async Task Accents_and_apostrophes_go_out_as_themselves()
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ author(id: \"Tomás\") { name } }" });
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var body = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Contains("argument 'id': 'Tomás' is not a valid id.", body);
        Assert.DoesNotContain("\\u", body);
        // "á" is the two bytes C3 A1 of UTF-8 in the body itself.
        Assert.True(bytes.AsSpan().IndexOf("Tom\u00E1s"u8) >= 0, body);
    }
}
