using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;
using ScholarGraph.GraphQL.AspNetCore.Tests.WebSockets;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Limits;

/// <summary>
/// The limits hold on every transport (they run in the execution every transport shares), and for documents served from the
/// cache; batches are not supported and are refused whole.
/// </summary>
public sealed class LimitsOnEveryTransportTests
{
    private const string TooDeep = "{ nested { child { child { child { child { child { level } } } } } } }";

    [Fact]
    public async Task Get_refuses_an_operation_over_a_limit()
    {
        await using var host = await TransportTestHost.StartAsync();
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(TooDeep));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(GraphQLHttpErrorCodes.MaxDepthExceeded, body.SingleRefusal().Code());
        Assert.Empty(host.Work.Started);
    }

    [Fact]
    public async Task A_websocket_operation_over_a_limit_gets_an_error_message_and_a_report_travels_with_next()
    {
        await using var host = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAndInitAsync(host.WebSocketUrl, headers: new Dictionary<string, string> { ["GraphQL-Cost"] = "report" });

        await client.SubscribeAsync("1", TooDeep);
        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "1"), (error.GetProperty("type").GetString(), error.GetProperty("id").GetString()));
        Assert.Equal(GraphQLHttpErrorCodes.MaxDepthExceeded, error.GetProperty("payload")[0].Code());
        Assert.Empty(host.Work.Started);

        await client.SubscribeAsync("2", "{ books(limit: 3) { title author { name } } }");
        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal((13, 7), next.GetProperty("payload").OperationCost());
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_websocket_validate_request_gets_the_measure_as_next_without_running()
    {
        await using var host = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var client = await TransportWsClient.ConnectAndInitAsync(host.WebSocketUrl, headers: new Dictionary<string, string> { ["GraphQL-Cost"] = "validate" });

        await client.SubscribeAsync("1", "{ books(limit: 3) { title author { name } } }");
        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.False(next.GetProperty("payload").TryGetProperty("data", out _), next.ToString());
        Assert.Equal((13, 7), next.GetProperty("payload").OperationCost());
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
        Assert.Empty(host.Work.Started);
    }

    [Fact]
    public async Task An_sse_operation_over_a_limit_gets_its_error_as_a_next_event()
    {
        await using var host = await TransportTestHost.StartAsync(onLoopbackPort: true);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.GraphQLUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = TooDeep }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request);

        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event: next\ndata: ", events[0], StringComparison.Ordinal);
        var result = JsonDocument.Parse(events[0]["event: next\ndata: ".Length..]).RootElement;
        Assert.Equal(GraphQLHttpErrorCodes.MaxDepthExceeded, result.SingleRefusal().Code());
        Assert.Equal("event: complete\ndata: ", events[1]);
        Assert.Empty(host.Work.Started);
    }

    [Fact]
    public async Task A_cached_document_cannot_carry_a_second_operation_past_the_limits()
    {
        await using var host = await TransportTestHost.StartAsync();
        var document = "query Shallow { books(limit: 1) { title } } query Deep " + TooDeep;
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(document, operationName: "Shallow")).Status);
        host.Work.Reset();

        var (status, body) = await host.PostAsync(document, operationName: "Deep");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(GraphQLHttpErrorCodes.MaxDepthExceeded, body.SingleRefusal().Code());
        Assert.Empty(host.Work.Started);
    }

    [Fact]
    public async Task A_batch_is_refused_whole_because_batching_is_not_supported()
    {
        await using var host = await TransportTestHost.StartAsync();
        using var client = host.CreateClient();
        var batch = JsonSerializer.Serialize(Enumerable.Range(0, 3).Select(_ => new { query = "{ books(limit: 1) { title } }" }));
        using var response = await client.PostAsync("/graphql", new StringContent(batch, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.SingleRefusal();
        Assert.Equal(GraphQLHttpErrorCodes.BadRequest, error.Code());
        Assert.StartsWith("Batched requests (a JSON array) are not supported", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Work.Started);
    }
}
