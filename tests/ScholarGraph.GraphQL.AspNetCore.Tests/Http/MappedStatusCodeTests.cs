using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Http;

/// <summary>A request refused before execution answers with the status its error code is mapped to (GraphQLHttp:StatusCodesByErrorCode).</summary>
public sealed class MappedStatusCodeTests : IAsyncLifetime
{
    private TransportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TransportTestHost.StartAsync(
        settings: new Dictionary<string, string?> { ["GraphQLHttp:StatusCodesByErrorCode:TEST_DENIED"] = "401" },
        configureServices: services => services.AddSingleton<IConfigureExecution, Refusal>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task A_refusal_whose_code_is_mapped_answers_with_the_mapped_status_and_the_error_body(string accept)
    {
        var (status, body) = await PostAsync("{ hello }", accept);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("TEST_DENIED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refusal_with_an_unmapped_code_keeps_the_media_type_s_status()
    {
        var (status, body) = await PostAsync("query Other { hello }", "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("TEST_OTHER", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query, string accept)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    // Refuses every request before parsing, as an authorization hook of the app would: TEST_OTHER for an operation named Other.
    private sealed class Refusal : IConfigureExecution
    {
        public float SortOrder => 100;

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next) =>
            Task.FromResult(new ExecutionResult(new ExecutionError("refused") { Code = options.Query!.Contains("Other") ? "TEST_OTHER" : "TEST_DENIED" })
            {
                Executed = false,
            });
    }
}
