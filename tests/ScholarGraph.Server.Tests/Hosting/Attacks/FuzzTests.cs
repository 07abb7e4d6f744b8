using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScholarGraph.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.Hosting.Attacks;

/// <summary>
/// Feeds the real server a few thousand mutated operations, variables and bodies (seeded, so a failure can be replayed, and
/// bounded in count and time) and finds no 500, no error without a code, no leaked exception text, and no crash: the server
/// answers an ordinary query after every hundred.
/// </summary>
public sealed class FuzzTests(ScholarGraphFactory server, ITestOutputHelper output) : IClassFixture<ScholarGraphFactory>
{
    private const int Seed = 20261202;
    private const int Requests = 3000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    private const string Author = "QXV0aG9yOmRldnZyaXQta2hhdHJp";

    // Valid operations covering the schema's kinds of field: connections with filters and order, nodes, graph questions,
    // aggregates, fragments, directives, introspection.
    private static readonly (string Query, string? Variables)[] Corpus =
    [
        ("query Profile($id: ID!) { author(id: $id) { name reportedMetrics { source hIndex noveltyPercent } papers(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { title publishedOn authors { position author { name } } institutions { name } } } } }", $"{{\"id\":\"{Author}\"}}"),
        ("query($n: Int, $after: String) { authors(first: $n, after: $after, order: [{ name: ASC }]) { edges { cursor node { id name } } pageInfo { endCursor } } }", "{\"n\":3,\"after\":null}"),
        ("query($t: String) { papers(where: { or: [{ title: { contains: $t } }, { abstract: { startsWith: $t } }] }, order: [{ publishedOn: DESC }]) { totalCount nodes { title } } }", "{\"t\":\"Scaling\"}"),
        ("query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 50) { truncated nodes { distance author { name } } edges { sharedPaperCount } } }", $"{{\"id\":\"{Author}\"}}"),
        ("query($a: ID!, $b: ID!) { collaborationPath(fromAuthorId: $a, toAuthorId: $b, maxLength: 4) { reason path { hops { author { name } } } } }", $"{{\"a\":\"{Author}\",\"b\":\"{Author}\"}}"),
        ("{ topicClusters(resolution: 1.5, minSize: 1) { clusters { topics { name } } } }", null),
        ("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Author { name } ... on Paper { title } } }", $"{{\"ids\":[\"{Author}\"]}}"),
        ("query($skip: Boolean!) { papers(first: 5) { nodes { ...P @skip(if: $skip) title @include(if: true) } } } fragment P on Paper { id publishedOn }", "{\"skip\":false}"),
        ("{ institutions(first: 5, where: { name: { in: [\"berkeley\", \"ut austin\"] } }) { nodes { name } } topics { nodes { name } } }", null),
        ("{ __schema { queryType { name } types { name kind } } __type(name: \"Author\") { fields { name } } }", null),
        ("query { papers(first: 1) { nodes { title } } } query Other { __typename }", null),
        ("mutation($input: CreateAuthorInput!) { createAuthor(input: $input) { author { id } errors { message } } }", "{\"input\":{\"name\":\"X\"}}"),
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", ":", "$", "!", "=", "[", "]", ",", "...", "... on Author", "... on Query", "@include(if: true)", "@skip(if: $x)",
        "\"", "\\", "\\u0000", "\u0000", "\uFFFD", "#", "\n", "__typename", "__schema { types { name } }", "query", "mutation",
        "subscription", "fragment F on Query { __typename }", "...F", "1e999", "-0", "null", "true", "9223372036854775808", "0.5",
        "\"\"\"block\"\"\"", new string('a', 1000), "first: 50", "first: -1", "last: 3", "after: \"bad cursor\"", "where: {}", "order: [{}]",
    ];

    private static readonly JsonNode?[] OddValues =
    [
        null, 0, -1, 2147483648L, 1e308, "", new string('x', 1000), true, new JsonArray(), new JsonObject(),
        JsonNode.Parse("{\"a\":{\"b\":[1,{\"c\":null}]}}"), "UGFwZXI6eA==", "' OR 1=1 --", "2026-13-45", "\u0000", "QXV0aG9yOg==",
    ];

    [Fact]
    public async Task Thousands_of_mutated_requests_find_no_server_error_and_no_crash()
    {
        var random = new Random(Seed);
        var client = new AttackClient(server.CreateClient());
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (; sent < Requests && clock.Elapsed < Budget; sent++)
        {
            var (query, variables) = Corpus[random.Next(Corpus.Length)];
            var kind = random.Next(10);
            AttackClient.Answer answer;
            string what;
            if (kind < 6)
            {
                var mutated = MutateText(query, random);
                what = $"request {sent} (query): {mutated[..Math.Min(200, mutated.Length)]}";
                answer = await client.PostJsonAsync(Body(mutated, variables is null ? null : JsonNode.Parse(variables)));
            }
            else if (kind < 9)
            {
                var mutatedVariables = MutateVariables(variables, random);
                what = $"request {sent} (variables): {query[..Math.Min(80, query.Length)]} with {mutatedVariables?.ToJsonString()}";
                answer = await client.PostJsonAsync(Body(query, mutatedVariables));
            }
            else
            {
                var bytes = MutateBytes(Encoding.UTF8.GetBytes(Body(query, variables is null ? null : JsonNode.Parse(variables))), random);
                what = $"request {sent} (bytes): {Encoding.UTF8.GetString(bytes)[..Math.Min(200, bytes.Length)]}";
                answer = await client.PostBytesAsync(bytes);
            }

            statuses[(int)answer.Status] = statuses.GetValueOrDefault((int)answer.Status) + 1;
            AttackClient.AssertRefusedCleanly(answer, what);
            if (sent % 100 == 99)
                await client.AssertStillServingAsync();
        }
        await client.AssertStillServingAsync();

        output.WriteLine($"fuzz (seed {Seed}): {sent} requests in {clock.Elapsed.TotalSeconds:F1} s; by status: "
            + string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")) + "; server errors: 0");
        Assert.True(sent >= 500, $"only {sent} requests fitted in {Budget.TotalSeconds} s");
        Assert.Contains(200, statuses.Keys);
        Assert.Contains(400, statuses.Keys);
    }

    private static string Body(string query, JsonNode? variables) =>
        new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() }.ToJsonString();

    private static string MutateText(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var edits = random.Next(1, 4); edits > 0 && builder.Length > 0; edits--)
        {
            var at = random.Next(builder.Length);
            var length = Math.Min(builder.Length - at, random.Next(1, 12));
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, length);
                    break;
                case 1:
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                case 2:
                    builder.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3:
                    builder.Insert(at, string.Concat(Enumerable.Repeat(builder.ToString(at, length), random.Next(2, 50))));
                    break;
                default:
                    var other = random.Next(builder.Length);
                    (builder[at], builder[other]) = (builder[other], builder[at]);
                    break;
            }
        }
        return builder.ToString();
    }

    private static JsonNode? MutateVariables(string? variables, Random random)
    {
        var node = variables is null ? new JsonObject() : JsonNode.Parse(variables)!.AsObject();
        var names = node.Select(p => p.Key).Append("unexpected").ToList();
        foreach (var name in names.Where(_ => random.Next(2) == 0).DefaultIfEmpty(names[random.Next(names.Count)]))
            node[name] = OddValues[random.Next(OddValues.Length)]?.DeepClone();
        return random.Next(20) == 0 ? new JsonArray(1, 2) : node;
    }

    private static byte[] MutateBytes(byte[] body, Random random)
    {
        var bytes = body.ToList();
        for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            if (random.Next(2) == 0)
                bytes.RemoveAt(at);
            else
                bytes.Insert(at, (byte)random.Next(256));
        }
        return [.. bytes];
    }
}
