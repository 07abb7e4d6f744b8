namespace ScholarGraph.Server.Tests.Infrastructure;

/// <summary>
/// The tests that run node tools (GraphQL Code Generator, tsc, GraphQL Inspector) keep both cores busy for seconds at a time;
/// run beside the timed fault tests (a crash after a few seconds of writes) they starve them, so they run alone, after the rest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeToolsCollection
{
    public const string Name = "Node tools run one at a time";
}
