using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.AspNetCore.Tests.Http;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Hosting;

/// <summary>The graphql-http audit against the real server (Program, ScholarGraphSchema, InMemory store) on a loopback port.</summary>
[Collection(SequentialHostsCollection.Name)]
public sealed class ScholarGraphHttpAuditTests
{
    [Fact]
    public async Task Real_server_passes_every_graphql_http_audit()
    {
        await using var server = new ScholarGraphFactory();
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var results = await GraphQLHttpAudit.RunAsync(address.TrimEnd('/') + "/graphql");

        GraphQLHttpAudit.AssertAllOk(results);
    }
}
