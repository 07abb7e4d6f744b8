using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Documents;

/// <summary>A temporary folder of trusted documents, deleted when disposed.</summary>
public sealed class DocumentFolder : IDisposable
{
    public DocumentFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"trusted-documents-{Guid.NewGuid():N}");

    /// <summary>The lower-case hex SHA-256 of <paramref name="text"/> in UTF-8, computed here independently of the library.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Writes <paramref name="text"/> as <c>&lt;its hash&gt;.graphql</c> and returns the hash.</summary>
    public string Add(string text)
    {
        var hash = Hash(text);
        Write(hash + ".graphql", text);
        return hash;
    }

    /// <summary>Writes a file of <paramref name="name"/> with <paramref name="text"/> in UTF-8 (no byte order mark) and returns its path.</summary>
    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>The settings that point the server at this folder in <paramref name="mode"/>, plus <paramref name="more"/>.</summary>
    public Dictionary<string, string?> Settings(string mode = "Off", params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["TrustedDocuments:Directory"] = Path, ["TrustedDocuments:Mode"] = mode };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>A GraphQL response as the tests read it: status, media type, cache header and body.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, CacheControlHeaderValue? CacheControl, JsonElement Body)
{
    public string? FirstCode => Body.TryGetProperty("errors", out var errors)
        ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
        : null;

    public JsonElement FirstError => Body.GetProperty("errors")[0];

    public JsonElement Data => Body.GetProperty("data");

    /// <summary>Whether the response forbids shared caches to keep it (<c>private, no-cache, must-revalidate</c>).</summary>
    public bool IsUncached => CacheControl is { Private: true, NoCache: true, MustRevalidate: true };

    /// <summary>POSTs <paramref name="body"/> (serialized as JSON) and reads the answer.</summary>
    public static async Task<GraphQLResponse> PostAsync(HttpClient client, object body, string accept = "application/graphql-response+json",
        string? testUser = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(client, request, accept, testUser);
    }

    /// <summary>GETs <c>/graphql?<paramref name="query"/></c> (already URL-encoded) and reads the answer.</summary>
    public static Task<GraphQLResponse> GetAsync(HttpClient client, string query, string accept = "application/graphql-response+json") =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/graphql?" + query), accept, testUser: null);

    private static async Task<GraphQLResponse> SendAsync(HttpClient client, HttpRequestMessage request, string accept, string? testUser)
    {
        using (request)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            if (testUser is not null)
                request.Headers.Add(TestUsers.Header, testUser);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                response.Headers.CacheControl, JsonDocument.Parse(text).RootElement.Clone());
        }
    }
}
