using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Http;

/// <summary>
/// A client that goes away in the middle of its body (as load generators do when their run ends) is not a server failure: no
/// error is logged and the next request is answered.
/// </summary>
public sealed class TruncatedBodyTests
{
    [Fact]
    public async Task A_body_cut_short_by_a_closed_connection_logs_no_failure_and_the_server_answers_the_next_request()
    {
        await using var host = await TransportTestHost.StartAsync(onLoopbackPort: true);
        var url = new Uri(host.GraphQLUrl);

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(url.Host, url.Port);
            var stream = socket.GetStream();
            const string body = "{\"query\":\"{ hello }\"}";
            var head = $"POST /graphql HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length + 100}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + body));
            await stream.FlushAsync();
            await Task.Delay(200);
        }
        await Task.Delay(500);

        using var client = new HttpClient();
        using var response = await client.PostAsync(url, new StringContent("{\"query\":\"{ hello }\"}", Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
