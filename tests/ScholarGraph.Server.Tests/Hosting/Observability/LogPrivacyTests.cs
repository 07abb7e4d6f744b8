using System.Diagnostics;
using ScholarGraph.GraphQL.AspNetCore.Telemetry;
using ScholarGraph.GraphQL.AspNetCore.Tests.Telemetry;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Hosting.Observability;

/// <summary>
/// Log lines written during an operation carry its name and trace id; no line, at any level of any category, carries a variable's
/// value or a credential.
/// </summary>
[Collection(SequentialHostsCollection.Name)]
public sealed class LogPrivacyTests(LogPrivacyTests.EverythingLoggedHost host) : IClassFixture<LogPrivacyTests.EverythingLoggedHost>
{
    private const string Secret = "Zq7-private-value-0e9b41";

    /// <summary>Every category at Trace, ASP.NET Core's and EF Core's included (the shipped settings keep those at Warning).</summary>
    public sealed class EverythingLoggedHost() : TracedHost(new()
    {
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
    });

    [Fact]
    public async Task Lines_written_during_an_operation_carry_its_name_and_trace_id()
    {
        // orcid as well as the name: a page of authors' names alone is cut from the graph index, without a store read.
        var (_, traceId) = await host.PostTracedAsync("query Named { authors(first: 2) { nodes { name orcid } } }");

        var duringOperation = host.ScopedLogs.Lines.Where(l => Equals(l.Scope(GraphQLTelemetry.TraceIdScopeKey), traceId.ToHexString())).ToList();
        var command = Assert.Single(duringOperation, l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command" && l.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal));
        Assert.Equal("Named", command.Scope(GraphQLTelemetry.OperationNameScopeKey));
        Assert.Equal("query", command.Scope(GraphQLTelemetry.OperationTypeScopeKey));
        var finished = Assert.Single(duringOperation, l => l.Message.StartsWith("GraphQL query Named finished", StringComparison.Ordinal));
        Assert.Equal("Named", finished.Scope(GraphQLTelemetry.OperationNameScopeKey));
    }

    [Fact]
    public async Task No_line_carries_a_variable_value_or_an_api_key_through_reads_writes_and_failures()
    {
        var traces = new List<ActivityTraceId>();
        async Task SendAsync(string query, object variables, string? apiKey)
        {
            var (_, traceId) = await host.PostTracedAsync(query, variables, apiKey);
            traces.Add(traceId);
        }

        await SendAsync("query Filtered($name: String!) { authors(where: { name: { contains: $name } }) { totalCount } }", new { name = Secret }, WriteTestHost.ReadKey);
        await SendAsync("mutation Write($input: CreateTopicInput!) { createTopic(input: $input) { topic { name } } }",
            new { input = new { name = Secret } }, WriteTestHost.WriteKey);
        await SendAsync("mutation Refused($input: CreateTopicInput!) { createTopic(input: $input) { topic { name } } }",
            new { input = new { name = Secret + "-2" } }, WriteTestHost.ReadKey);
        await SendAsync("query Coerced($first: Int) { authors(first: $first) { totalCount } }", new { first = Secret }, "unknown-" + Secret);

        var lines = host.ScopedLogs.Lines;
        // The operations were logged (so the search below searched something), each under its trace.
        Assert.All(traces, traceId => Assert.Contains(lines, l => Equals(l.Scope(GraphQLTelemetry.TraceIdScopeKey), traceId.ToHexString())));
        Assert.Contains(lines, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && l.Message.Contains("INSERT", StringComparison.Ordinal));
        var leaks = lines.Where(l => l.AllText.Contains(Secret, StringComparison.Ordinal)
            || l.AllText.Contains(WriteTestHost.WriteKey, StringComparison.Ordinal)
            || l.AllText.Contains(WriteTestHost.ReadKey, StringComparison.Ordinal)).Select(l => $"{l.Category}: {l.Message}").ToList();
        Assert.Empty(leaks);
    }
}

/// <summary>With the shipped log levels, a GET's variables (which travel in its URL) reach no log line either.</summary>
[Collection(SequentialHostsCollection.Name)]
public sealed class ShippedLogLevelsPrivacyTests(TracedHost host) : IClassFixture<TracedHost>
{
    [Fact]
    public async Task A_get_with_variables_in_its_url_leaves_them_out_of_the_log()
    {
        const string secret = "Qm4-private-get-value-77ac";
        using var client = host.CreateClient();
        var url = "/graphql?query=" + Uri.EscapeDataString("query ByGet($name: String!) { authors(where: { name: { eq: $name } }) { totalCount } }")
            + "&variables=" + Uri.EscapeDataString($$"""{"name":"{{secret}}"}""");
        using var response = await client.GetAsync(url);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Contains(host.ScopedLogs.Lines, l => l.Message.StartsWith("GraphQL query ByGet finished", StringComparison.Ordinal));
        Assert.DoesNotContain(host.ScopedLogs.Lines, l => l.AllText.Contains(secret, StringComparison.Ordinal));
    }
}
