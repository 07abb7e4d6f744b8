using System.Net;
using ScholarGraph.GraphQL.AspNetCore.Tests.Limits;

namespace ScholarGraph.Server.Tests.Hosting.QueryLimits;

/// <summary>The IDE reads the whole schema within the default limits: introspection depth is not counted and costs nothing.</summary>
public sealed class IdeIntrospectionTests(QueryLimitsServer server) : IClassFixture<QueryLimitsServer>
{
    [Fact]
    public async Task The_IDE_s_introspection_query_reads_the_schema_within_the_limits()
    {
        server.ResetWork();
        var (status, body) = await server.PostAsync(IntrospectionQueries.Full, cost: "report");

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var types = body.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("CoauthorNetwork", types);
        Assert.Equal(0, body.GetProperty("extensions").GetProperty("operationCost").GetProperty("fieldCost").GetDouble());
        // Introspection reads the schema in memory.
        Assert.Empty(server.Commands.Commands);
    }
}
