using System.Net;
using System.Text.Json;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Faults;

/// <summary>The write the load and crash tests stream: <c>createPaper</c> with new authors (and a seed author), over HTTP.</summary>
internal static class PaperWrites
{
    /// <summary>The seed's profile author (Author:devvrit-khatri), a coauthor on every streamed paper.</summary>
    public const string HubAuthorId = "QXV0aG9yOmRldnZyaXQta2hhdHJp";

    public const string HubAuthorKey = "devvrit-khatri";

    private const string CreatePaper =
        "mutation Write($input: CreatePaperInput!) { createPaper(input: $input) { paper { id title authors { author { id name } } } errors { __typename ... on Error { message } } } }";

    /// <summary>
    /// Creates a paper titled <paramref name="title"/> by <paramref name="newAuthors"/> (new names) and the hub author; returns
    /// <c>null</c> when the server acknowledged it with the paper and every author, or what went wrong.
    /// </summary>
    public static async Task<string?> CreateAsync(HttpClient client, string title, IReadOnlyList<string> newAuthors)
    {
        var authors = newAuthors.Select(name => (object)new { name }).Append(new { authorId = HubAuthorId }).ToArray();
        var (status, body) = await ServerProcess.PostAsync(client, CreatePaper, new { input = new { title, publicationDate = "2026-06-01", authors } });
        if (status != HttpStatusCode.OK || body.TryGetProperty("errors", out _))
            return $"{(int)status} {body}";
        var payload = body.GetProperty("data").GetProperty("createPaper");
        if (payload.GetProperty("errors").ValueKind != JsonValueKind.Null)
            return payload.GetProperty("errors").ToString();
        var paper = payload.GetProperty("paper");
        return paper.GetProperty("title").GetString() == title && paper.GetProperty("authors").GetArrayLength() == newAuthors.Count + 1
            ? null
            : $"acknowledged with another paper: {paper}";
    }
}
