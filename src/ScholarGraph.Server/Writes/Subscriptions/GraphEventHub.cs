using System.Collections.Immutable;
using ScholarGraph.Server.Writes.Changes;

namespace ScholarGraph.Server.Writes.Subscriptions;

/// <summary>
/// Turns committed graph changes into events for the subscriptions of this process. It listens after the graph index
/// (<see cref="GraphChangeOrder.Notifications"/>), so a subscriber reading the graph sees the change. Delivery only queues
/// each change for the matching observers on the thread pool (GraphQL.NET then executes the event, and the transport holds
/// at most its bounded buffer of results per subscriber), so neither many subscribers nor a slow client slow the writer.
/// </summary>
public sealed class GraphEventHub : IGraphChangeListener
{
    private ImmutableArray<Subscriber> _subscribers = [];

    /// <inheritdoc />
    public int Order => GraphChangeOrder.Notifications;

    /// <summary>How many observers are subscribed now; a finished subscription no longer counts.</summary>
    public int SubscriberCount => _subscribers.Length;

    /// <inheritdoc />
    public ValueTask OnCommittedAsync(IReadOnlyList<GraphChange> changes, CancellationToken cancellationToken)
    {
        var subscribers = _subscribers;
        foreach (var change in changes)
        {
            foreach (var subscriber in subscribers)
                subscriber.Offer(change);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The changes of type <typeparamref name="TChange"/> for which <paramref name="select"/> returns an event, as those
    /// events; each subscription to the result is one subscriber, removed when its subscription is disposed.
    /// </summary>
    /// <param name="select">Maps a change to the event a subscriber wants, or <see langword="null"/> to skip it.</param>
    public IObservable<TEvent> Observe<TChange, TEvent>(Func<TChange, TEvent?> select)
        where TChange : GraphChange
        where TEvent : class =>
        new Events<TChange, TEvent>(this, select);

    private void Add(Subscriber subscriber) => ImmutableInterlocked.Update(ref _subscribers, (list, s) => list.Add(s), subscriber);

    private void Remove(Subscriber subscriber) => ImmutableInterlocked.Update(ref _subscribers, (list, s) => list.Remove(s), subscriber);

    private abstract class Subscriber
    {
        public abstract void Offer(GraphChange change);
    }

    private sealed class Events<TChange, TEvent>(GraphEventHub hub, Func<TChange, TEvent?> select) : IObservable<TEvent>
        where TChange : GraphChange
        where TEvent : class
    {
        public IDisposable Subscribe(IObserver<TEvent> observer)
        {
            var subscriber = new Subscription<TChange, TEvent>(hub, select, observer);
            hub.Add(subscriber);
            return subscriber;
        }
    }

    private sealed class Subscription<TChange, TEvent>(GraphEventHub hub, Func<TChange, TEvent?> select, IObserver<TEvent> observer)
        : Subscriber, IDisposable
        where TChange : GraphChange
        where TEvent : class
    {
        private readonly Lock _order = new();
        private Task _delivered = Task.CompletedTask;
        private volatile bool _disposed;

        /// <summary>
        /// Delivers on the thread pool, chained so this subscriber sees events in publishing order: the observer starts
        /// executing the event right away, and with a synchronous store (SQLite, InMemory) that would otherwise run every
        /// subscriber's resolvers on the writer's thread before the write returns.
        /// </summary>
        public override void Offer(GraphChange change)
        {
            if (_disposed || change is not TChange typed || select(typed) is not { } selected)
                return;
            lock (_order)
            {
                _delivered = _delivered.ContinueWith(
                    _ => { if (!_disposed) observer.OnNext(selected); },
                    CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            hub.Remove(this);
        }
    }
}
