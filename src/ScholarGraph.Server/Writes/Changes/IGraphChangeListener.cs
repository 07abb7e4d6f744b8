namespace ScholarGraph.Server.Writes.Changes;

/// <summary>Reacts to committed graph changes; register implementations with <c>AddGraphChangeListener</c>.</summary>
public interface IGraphChangeListener
{
    /// <summary>
    /// Called once per committed write with every change it made, in the order they were made. Listeners run in their
    /// <see cref="Order"/>; the mutation returns only after all of them have run, so a query sent after it sees the change.
    /// </summary>
    ValueTask OnCommittedAsync(IReadOnlyList<GraphChange> changes, CancellationToken cancellationToken);

    /// <summary>Lower runs first. The graph index uses <see cref="GraphChangeOrder.Index"/>, so subscribers notified later read an index that already holds the change.</summary>
    int Order { get; }
}

/// <summary>The <see cref="IGraphChangeListener.Order"/> values the server uses.</summary>
public static class GraphChangeOrder
{
    /// <summary>The in-memory graph index.</summary>
    public const int Index = 0;

    /// <summary>Subscriptions and other notifications.</summary>
    public const int Notifications = 100;
}
