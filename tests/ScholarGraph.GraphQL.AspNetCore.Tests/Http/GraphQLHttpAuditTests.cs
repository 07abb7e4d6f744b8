using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Http;

/// <summary>Runs npm graphql-http's server audit (GraphQL over HTTP conformance) against the transport on a loopback port.</summary>
public sealed class GraphQLHttpAuditTests
{
    [Fact]
    public async Task Transport_on_the_test_schema_passes_every_graphql_http_audit()
    {
        await using var host = await TransportTestHost.StartAsync(onLoopbackPort: true);

        var results = await GraphQLHttpAudit.RunAsync(host.GraphQLUrl);

        GraphQLHttpAudit.AssertAllOk(results);
    }
}
