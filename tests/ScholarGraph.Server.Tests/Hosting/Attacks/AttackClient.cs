using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ScholarGraph.Server.Tests.Hosting.Attacks;

/// <summary>
/// Sends raw requests to <c>/graphql</c> as an attacker would, and checks what every answer must be: a 4xx, or a GraphQL
/// response whose every error carries an <c>extensions.code</c>; never a 500, never a stack trace or .NET type name.
/// </summary>
public sealed class AttackClient(HttpClient http)
{
    /// <summary>The answer to one request: its status and its body as text.</summary>
    public sealed record Answer(HttpStatusCode Status, string Body)
    {
        /// <summary>The <c>extensions.code</c> of each error, in order (empty when the body is not a GraphQL error response).</summary>
        public IReadOnlyList<string?> Codes => Errors().Select(e =>
            e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null).ToList();

        /// <summary>The body's <c>errors</c>, or none when it has no such array.</summary>
        public IEnumerable<JsonElement> Errors()
        {
            try
            {
                using var json = JsonDocument.Parse(Body);
                return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errors", out var errors)
                    ? errors.EnumerateArray().Select(e => e.Clone()).ToList()
                    : [];
            }
            catch (JsonException)
            {
                return [];
            }
        }
    }

    public Task<Answer> PostJsonAsync(string json, string contentType = "application/json") =>
        SendAsync(new ByteArrayContent(Encoding.UTF8.GetBytes(json)), contentType);

    public Task<Answer> PostQueryAsync(string query, object? variables = null) =>
        PostJsonAsync(JsonSerializer.Serialize(new { query, variables }));

    public Task<Answer> PostBytesAsync(byte[] body, string contentType = "application/json") =>
        SendAsync(new ByteArrayContent(body), contentType);

    public async Task<Answer> GetAsync(string queryString)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<Answer> SendAsync(HttpContent content, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Fails unless <paramref name="answer"/> is a refusal a client can act on: a 4xx, or a 200 whose errors all carry codes;
    /// in both cases nothing in the body looks like an exception escaping.
    /// </summary>
    public static void AssertRefusedCleanly(Answer answer, string what)
    {
        Assert.True((int)answer.Status < 500, $"{what}: {(int)answer.Status} {answer.Body}");
        Assert.All(answer.Codes, code => Assert.False(string.IsNullOrEmpty(code), $"{what}: an error without a code: {answer.Body}"));
        foreach (var leak in new[] { "   at ", "Exception", "System.", "Microsoft." })
            Assert.False(answer.Body.Contains(leak, StringComparison.Ordinal), $"{what}: the body leaks '{leak}': {answer.Body}");
    }

    /// <summary>Fails unless the server still answers an ordinary query correctly.</summary>
    public async Task AssertStillServingAsync()
    {
        var answer = await PostQueryAsync("{ authors(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("\"totalCount\":12", answer.Body);
    }
}
