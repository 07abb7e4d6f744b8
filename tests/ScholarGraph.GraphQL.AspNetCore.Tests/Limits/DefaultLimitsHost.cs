using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Limits;

/// <summary>The test schema served with the limits' defaults, shared by the tests of a class (each resets the recorded work).</summary>
public sealed class DefaultLimitsHost : IAsyncLifetime
{
    public TransportTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TransportTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
