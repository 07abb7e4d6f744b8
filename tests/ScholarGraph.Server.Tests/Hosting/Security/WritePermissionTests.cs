using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Server.Hosting.Security;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Hosting.Security;

/// <summary>Writes need a caller with the write scope, by API key or JWT; reads stay open; no secret reaches a log or an error.</summary>
public sealed class WritePermissionTests(WriteTestHost host) : IClassFixture<WriteTestHost>
{
    private const string CreateTopic = """
        mutation Create($input: CreateTopicInput!) { createTopic(input: $input) { topic { name } errors { ... on Error { message } } } }
        """;

    private static object TopicInput(string name) => new { input = new { name } };

    private async Task<int> TopicCountAsync() =>
        (await host.QueryAsync("{ topics { totalCount } }")).GetProperty("topics").GetProperty("totalCount").GetInt32();

    private async Task AssertRefusedAsync(string expectedCode, string? authorization, string? apiKey = null)
    {
        var before = await TopicCountAsync();
        var name = $"Refused {Guid.NewGuid():N}";
        var response = await host.PostAsync(CreateTopic, TopicInput(name), authorization, apiKey);

        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal(expectedCode, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("createTopic", error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").ValueKind);
        Assert.Equal(before, await TopicCountAsync());
    }

    [Fact]
    public Task Without_a_credential_a_write_is_refused_as_not_authenticated() =>
        AssertRefusedAsync(CallerPermissions.NotAuthenticatedCode, authorization: null);

    [Fact]
    public Task An_unknown_api_key_is_refused_as_not_authenticated() =>
        AssertRefusedAsync(CallerPermissions.NotAuthenticatedCode, "ApiKey not-a-configured-key");

    [Fact]
    public Task An_api_key_without_the_write_scope_is_refused_as_not_authorized() =>
        AssertRefusedAsync(CallerPermissions.NotAuthorizedCode, "ApiKey " + WriteTestHost.ReadKey);

    [Fact]
    public Task A_jwt_signed_with_another_key_is_refused_as_not_authenticated() =>
        AssertRefusedAsync(CallerPermissions.NotAuthenticatedCode, "Bearer " + WriteTestHost.Token(signingKey: "another-signing-key-of-at-least-32-bytes-0000"));

    [Fact]
    public Task An_expired_jwt_is_refused_as_not_authenticated() =>
        AssertRefusedAsync(CallerPermissions.NotAuthenticatedCode, "Bearer " + WriteTestHost.Token(expires: DateTime.UtcNow.AddMinutes(-10)));

    [Fact]
    public Task A_jwt_for_another_audience_is_refused_as_not_authenticated() =>
        AssertRefusedAsync(CallerPermissions.NotAuthenticatedCode, "Bearer " + WriteTestHost.Token(audience: "someone-else"));

    [Fact]
    public Task A_malformed_bearer_token_is_refused_as_not_authenticated() =>
        AssertRefusedAsync(CallerPermissions.NotAuthenticatedCode, "Bearer not.a.jwt");

    [Fact]
    public Task A_jwt_without_the_write_scope_is_refused_as_not_authorized() =>
        AssertRefusedAsync(CallerPermissions.NotAuthorizedCode, "Bearer " + WriteTestHost.Token(scope: "graph:read"));

    [Theory]
    [InlineData("authorization")]
    [InlineData("x-api-key")]
    [InlineData("jwt")]
    public async Task A_caller_with_the_write_scope_may_write_by_either_header_or_token(string how)
    {
        var name = $"Allowed {how} {Guid.NewGuid():N}";
        var response = how switch
        {
            "authorization" => await host.PostAsync(CreateTopic, TopicInput(name), "ApiKey " + WriteTestHost.WriteKey),
            "x-api-key" => await host.PostAsync(CreateTopic, TopicInput(name), authorization: null, apiKey: WriteTestHost.WriteKey),
            _ => await host.PostAsync(CreateTopic, TopicInput(name), "Bearer " + WriteTestHost.Token(scope: "graph:read graph:write")),
        };
        Assert.False(response.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        Assert.Equal(name, response.GetProperty("data").GetProperty("createTopic").GetProperty("topic").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Reads_stay_open_to_anonymous_callers_by_default()
    {
        var response = await host.PostAsync("{ authors(first: 1) { totalCount } }", authorization: null);
        Assert.False(response.TryGetProperty("errors", out _));
        Assert.True(response.GetProperty("data").GetProperty("authors").GetProperty("totalCount").GetInt32() > 0);
    }

    [Fact]
    public async Task Keys_tokens_and_the_signing_key_never_appear_in_logs_or_errors()
    {
        var badKey = "wrong-key-" + Guid.NewGuid().ToString("N");
        var expired = WriteTestHost.Token(expires: DateTime.UtcNow.AddMinutes(-10));
        var valid = WriteTestHost.Token();
        var bodies = new List<string>
        {
            (await host.PostAsync(CreateTopic, TopicInput($"Log {Guid.NewGuid():N}"), "ApiKey " + WriteTestHost.WriteKey)).ToString(),
            (await host.PostAsync(CreateTopic, TopicInput($"Log {Guid.NewGuid():N}"), "ApiKey " + WriteTestHost.ReadKey)).ToString(),
            (await host.PostAsync(CreateTopic, TopicInput($"Log {Guid.NewGuid():N}"), "ApiKey " + badKey)).ToString(),
            (await host.PostAsync(CreateTopic, TopicInput($"Log {Guid.NewGuid():N}"), authorization: null, apiKey: badKey)).ToString(),
            (await host.PostAsync(CreateTopic, TopicInput($"Log {Guid.NewGuid():N}"), "Bearer " + expired)).ToString(),
            (await host.PostAsync(CreateTopic, TopicInput($"Log {Guid.NewGuid():N}"), "Bearer " + valid)).ToString(),
        };
        var logs = string.Join('\n', host.Logs);

        // The captured logs are real: the refusal and the key's name are there.
        Assert.Contains("An unknown API key was refused", logs);
        Assert.Contains("API key 'curator' accepted", logs);
        Assert.Contains("SecurityTokenExpiredException", logs);
        foreach (var secret in new[] { WriteTestHost.WriteKey, WriteTestHost.ReadKey, badKey, WriteTestHost.SigningKey, expired, valid, expired.Split('.')[2], valid.Split('.')[2] })
        {
            Assert.DoesNotContain(secret, logs);
            Assert.All(bodies, body => Assert.DoesNotContain(secret, body));
        }
    }

    [Fact]
    public async Task The_authenticator_turns_a_credential_string_into_a_principal_for_other_transports()
    {
        var authenticator = host.Services.GetRequiredService<CallerAuthenticator>();

        var bearer = await authenticator.AuthenticateAsync("Bearer " + WriteTestHost.Token(scope: "graph:write"), null);
        Assert.True(bearer.Principal.IsAuthenticated());
        Assert.True(bearer.Principal.HasScope("graph:write"));
        Assert.Equal("jwt-user", bearer.Principal!.Identity!.Name);

        var key = await authenticator.AuthenticateAsync(null, WriteTestHost.ReadKey);
        Assert.Equal("reader", key.Principal!.Identity!.Name);
        Assert.False(key.Principal.HasScope("graph:write"));

        var none = await authenticator.AuthenticateAsync(null, null);
        Assert.Null(none.Principal);
        Assert.Null(none.Failure);

        var bad = await authenticator.AuthenticateAsync("Basic dXNlcjpwYXNz", null);
        Assert.Null(bad.Principal);
        Assert.NotNull(bad.Failure);
    }
}

/// <summary>With <c>Security:RequireAuthenticationForReads</c>, queries too need a caller.</summary>
public sealed class ReadPermissionTests(ReadPermissionTests.ClosedReadsHost host) : IClassFixture<ReadPermissionTests.ClosedReadsHost>
{
    public sealed class ClosedReadsHost() : WriteTestHostWith(new() { ["Security:RequireAuthenticationForReads"] = "true" });

    [Fact]
    public async Task An_anonymous_query_is_refused_and_a_caller_with_any_key_may_read()
    {
        using var client = host.CreateClient();
        using var refused = await client.PostAsync("/graphql",
            new StringContent("""{"query":"{ authors(first: 1) { totalCount } }"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

        var anonymous = await host.PostAsync("{ authors(first: 1) { totalCount } }", authorization: null);
        var error = Assert.Single(anonymous.GetProperty("errors").EnumerateArray());
        Assert.Equal(CallerPermissions.NotAuthenticatedCode, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(anonymous.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null, $"{anonymous}");

        var reader = await host.PostAsync("{ authors(first: 1) { totalCount } }", authorization: "ApiKey " + WriteTestHost.ReadKey);
        Assert.False(reader.TryGetProperty("errors", out _), $"{reader}");
        Assert.True(reader.GetProperty("data").GetProperty("authors").GetProperty("totalCount").GetInt32() > 0);
    }
}
