namespace ScholarGraph.Server.Writes.Changes;

/// <summary>Hands committed changes to every registered <see cref="IGraphChangeListener"/>, in their order.</summary>
public sealed class GraphChangePublisher(IEnumerable<IGraphChangeListener> listeners, ILogger<GraphChangePublisher> logger)
{
    private readonly IGraphChangeListener[] _listeners = listeners.OrderBy(l => l.Order).ToArray();

    /// <summary>
    /// Publishes the changes of one committed write. A failing listener is logged and does not stop the others: the write is
    /// already durable, and the caller must not report it as failed.
    /// </summary>
    public async ValueTask PublishAsync(IReadOnlyList<GraphChange> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0)
            return;
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnCommittedAsync(changes, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Graph change listener {Listener} failed on {Count} changes", listener.GetType().Name, changes.Count);
            }
        }
    }
}
