using ScholarGraph.Tests.Shared.Postgres;
using System.Net;
using System.Text;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Hosting.Attacks;

/// <summary>
/// The attacks of the OWASP GraphQL Cheat Sheet and graphql-armor's test suite against the real server on SQLite and PostgreSQL (so filter
/// values reach real SQL): each is refused with a 4xx or a GraphQL error with a code, never a 500, and the next request is served.
/// </summary>
public abstract class AttackTests<TFactory>(TFactory server) : IClassFixture<TFactory> where TFactory : ScholarGraphFactory
{
    private AttackClient Client => new(server.CreateClient());

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "malformed JSON", "{\"query\": \"{ __typename }\"", "HTTP_BAD_REQUEST" },
        { "a JSON string instead of an object", "\"{ __typename }\"", "HTTP_BAD_REQUEST" },
        { "no query", "{\"variables\": {}}", "HTTP_BAD_REQUEST" },
        { "a query that is not a string", "{\"query\": 42}", "HTTP_BAD_REQUEST" },
        { "variables that are not an object", "{\"query\": \"{ __typename }\", \"variables\": [1, 2]}", "HTTP_BAD_REQUEST" },
        { "a batch of a thousand operations", "[" + string.Join(",", Enumerable.Repeat("{\"query\": \"{ authors(first: 50) { totalCount } }\"}", 1000)) + "]", "HTTP_BAD_REQUEST" },
        { "an empty body", "", "HTTP_BAD_REQUEST" },
        { "deeply nested JSON", new string('[', 5000) + new string(']', 5000), "HTTP_BAD_REQUEST" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_refused_with_400_and_a_code(string what, string body, string code)
    {
        var answer = await Client.PostJsonAsync(body);

        Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{what}: {(int)answer.Status} {answer.Body}");
        Assert.Equal([code], answer.Codes);
        AttackClient.AssertRefusedCleanly(answer, what);
        await Client.AssertStillServingAsync();
    }

    [Fact]
    public async Task Invalid_UTF8_in_the_body_is_refused_with_400()
    {
        var body = Encoding.UTF8.GetBytes("{\"query\": \"{ authors(where: { name: { eq: \\\"X\\\" } }) { totalCount } }\"}").ToList();
        body.InsertRange(body.IndexOf((byte)'X'), [0xFF, 0xFE, 0xC3]);
        var answer = await Client.PostBytesAsync([.. body]);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["HTTP_BAD_REQUEST"], answer.Codes);
        AttackClient.AssertRefusedCleanly(answer, "invalid UTF-8");
        await Client.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_wrong_content_type_is_refused_with_415(string contentType)
    {
        var answer = await Client.PostJsonAsync("{\"query\": \"{ __typename }\"}", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal(["HTTP_UNSUPPORTED_MEDIA_TYPE"], answer.Codes);
        await Client.AssertStillServingAsync();
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_before_it_is_read()
    {
        var filler = new string('a', 2 * 1024 * 1024);
        var answer = await Client.PostQueryAsync($"{{ authors(where: {{ name: {{ contains: \"{filler}\" }} }}) {{ totalCount }} }}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal(["HTTP_REQUEST_TOO_LARGE"], answer.Codes);
        await Client.AssertStillServingAsync();
    }

    public static TheoryData<string, string, string, object?> InvalidOperations => new()
    {
        { "circular fragments", "{ authors(first: 1) { nodes { ...A } } } fragment A on Author { name ...B } fragment B on Author { ...A }", "NO_FRAGMENT_CYCLES", null },
        { "a fragment spreading itself", "{ authors(first: 1) { nodes { ...A } } } fragment A on Author { ...A }", "NO_FRAGMENT_CYCLES", null },
        { "an object where an ID goes", "query($id: ID!) { node(id: $id) { id } }", "INVALID_VALUE", new { id = new { a = 1 } } },
        { "a word where an Int goes", "query($n: Int) { authors(first: $n) { totalCount } }", "INVALID_VALUE", new { n = "ten" } },
        { "a number too large for an Int", "query($n: Int) { authors(first: $n) { totalCount } }", "INVALID_VALUE", new { n = 1e100 } },
        { "a variable never declared", "{ authors(first: $n) { totalCount } }", "NO_UNDEFINED_VARIABLES", null },
        { "an unknown field", "{ authors { nodes { password } } }", "FIELDS_ON_CORRECT_TYPE", null },
        { "syntax error", "{ authors(first: ) { totalCount }", "SYNTAX_ERROR", null },
        { "a null byte in the document", "{ authors\u0000 { totalCount } }", "SYNTAX_ERROR", null },
        { "an unknown directive", "{ authors @exec(cmd: \"rm -rf /\") { totalCount } }", "KNOWN_DIRECTIVES", null },
        { "selections nested past the parser's depth", "{ " + string.Concat(Enumerable.Repeat("authors { nodes { ", 100)) + "name" + new string('}', 200) + " }", "DOCUMENT_TOO_DEEP", null },
        { "a list value nested past the parser's depth", "{ authors(where: { name: { in: " + new string('[', 300) + new string(']', 300) + " } }) { totalCount } }", "DOCUMENT_TOO_DEEP", null },
        { "a mutation without credentials", "mutation { deletePaper(input: { id: \"UGFwZXI6eA==\" }) { errors { message } } }", null!, null },
    };

    [Theory]
    [MemberData(nameof(InvalidOperations))]
    public async Task An_invalid_operation_gets_a_GraphQL_error_with_its_code(string what, string query, string? code, object? variables)
    {
        var answer = await Client.PostQueryAsync(query, variables);

        AttackClient.AssertRefusedCleanly(answer, what);
        Assert.NotEmpty(answer.Codes);
        if (code is not null)
            Assert.Contains(code, answer.Codes);
        await Client.AssertStillServingAsync();
    }

    public static TheoryData<string> InjectionShapedValues =>
    [
        "' OR '1'='1",
        "\" OR \"\"=\"",
        "'; DROP TABLE \"Authors\"; --",
        "%",
        "_",
        "\\",
        "%' OR 1=1 --",
        "*)(uid=*))(|(uid=*",
        "{\"$gt\": \"\"}",
        "<script>alert(1)</script>",
    ];

    [Theory]
    [MemberData(nameof(InjectionShapedValues))]
    public async Task An_injection_shaped_filter_value_matches_nothing_and_changes_nothing(string value)
    {
        var before = await server.QueryAsync("{ authors { totalCount } papers { totalCount } }");
        var data = await server.QueryAsync("""
            query($v: String!) {
              contains: authors(where: { name: { contains: $v } }) { totalCount }
              eq: authors(where: { name: { eq: $v } }) { totalCount }
              startsWith: papers(where: { title: { startsWith: $v } }) { totalCount }
              endsWith: papers(where: { title: { endsWith: $v } }) { totalCount }
              in: authors(where: { name: { in: [$v] } }) { totalCount }
            }
            """, new { v = value });

        foreach (var field in new[] { "contains", "eq", "startsWith", "endsWith", "in" })
            Assert.True(data.GetProperty(field).GetProperty("totalCount").GetInt32() == 0, $"{field} '{value}' matched: {data}");
        var after = await server.QueryAsync("{ authors { totalCount } papers { totalCount } }");
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task An_injection_shaped_value_inlined_as_a_literal_matches_nothing()
    {
        var answer = await Client.PostQueryAsync("{ authors(where: { name: { contains: \"' OR 1=1 --\" } }) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("\"totalCount\":0", answer.Body);
    }

    [Fact]
    public async Task A_GET_with_a_broken_query_string_is_refused_cleanly()
    {
        foreach (var queryString in new[] { "query=%7B", "query=%FF%FE", "variables=%7B&query=%7B__typename%7D", "query=" + new string('{', 3000) })
        {
            var answer = await Client.GetAsync(queryString);
            AttackClient.AssertRefusedCleanly(answer, queryString[..Math.Min(40, queryString.Length)]);
            Assert.NotEmpty(answer.Codes);
        }
        await Client.AssertStillServingAsync();
    }
}

public sealed class AttacksOnSqliteTests(SqliteScholarGraphFactory server) : AttackTests<SqliteScholarGraphFactory>(server);

[RequiresPostgres]
public sealed class AttacksOnPostgresTests(PostgresScholarGraphFactory server) : AttackTests<PostgresScholarGraphFactory>(server);
