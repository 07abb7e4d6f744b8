using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ScholarGraph.GraphQL.AspNetCore.Errors;
using ScholarGraph.GraphQL.AspNetCore.Execution;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Execution;

/// <summary>A subscriber that stops reading holds at most the buffer's worth of results, then its subscription ends with an error.</summary>
public sealed class SubscriptionBufferTests
{
    [Fact]
    public async Task A_reader_that_falls_behind_gets_what_the_buffer_held_then_the_overflow_error_and_the_subscription_ends()
    {
        await using var server = await TransportTestHost.StartAsync();
        var executor = new GraphQLRequestExecutor<TransportTestSchema>(NullLogger.Instance);
        var context = new DefaultHttpContext { RequestServices = server.Services };
        var request = new GraphQLRequest { Query = """subscription { messages(channel: "a") }""" };
        var serializer = server.Services.GetRequiredService<IGraphQLTextSerializer>();

        await using var results = executor.StreamAsync(context, request, bufferSize: 2, CancellationToken.None).GetAsyncEnumerator();
        var first = results.MoveNextAsync().AsTask();
        await server.Messages.WaitForSubscribersAsync(1);
        server.Messages.Publish("a", "0");
        Assert.True(await first);

        // The reader stops here while five more events are executed and buffered (or refused).
        for (var i = 1; i <= 5; i++)
            server.Messages.Publish("a", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Task.Delay(TimeSpan.FromSeconds(2));

        var received = new List<JsonElement> { Serialize(results.Current) };
        while (await results.MoveNextAsync())
            received.Add(Serialize(results.Current));

        // One read before the reader stopped, two buffered, then the overflow; the other three events were dropped.
        Assert.Equal(4, received.Count);
        Assert.Equal(["0", "1", "2"], received[..3].Select(r => r.GetProperty("data").GetProperty("messages").GetString()));
        var overflow = received[3].GetProperty("errors")[0];
        Assert.Equal(GraphQLHttpErrorCodes.SubscriptionBufferOverflow, overflow.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("more than 2 events behind", overflow.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, server.Messages.SubscriberCount);

        JsonElement Serialize(ExecutionResult result) => JsonDocument.Parse(serializer.Serialize(result)).RootElement.Clone();
    }
}
