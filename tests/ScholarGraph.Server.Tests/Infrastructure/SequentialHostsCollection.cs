namespace ScholarGraph.Server.Tests.Infrastructure;

/// <summary>
/// The transport and IDE tests build web hosts of their own. WebApplicationFactory&lt;Program&gt; finds the host it
/// builds through process-wide hosting diagnostics, and a host built at the same moment by another test can catch its
/// configuration (seen as an InMemory test running on the default SQLite file), so these run alone, after the rest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SequentialHostsCollection
{
    public const string Name = "Web hosts built one at a time";
}
