using System.Collections.Concurrent;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

/// <summary>
/// The event source of <see cref="TransportTestSchema"/>'s <c>messages(channel:)</c> subscription: tests publish text to a
/// channel and watch how many subscribers listen, to know when a published message will reach them and when a closed
/// connection let go of its subscriptions.
/// </summary>
public sealed class TestMessages
{
    private readonly ConcurrentDictionary<Subscriber, byte> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public IObservable<string> Observe(string channel) => new Channel(this, channel);

    public void Publish(string channel, string message)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            if (subscriber.Channel == channel)
                subscriber.Observer.OnNext(message);
        }
    }

    /// <summary>Waits until <paramref name="count"/> subscribers listen, so a message published next reaches them.</summary>
    public Task WaitForSubscribersAsync(int count) => WaitUntilAsync(() => SubscriberCount >= count, $"{count} subscribers");

    /// <summary>Waits until no more than <paramref name="count"/> subscribers listen.</summary>
    public Task WaitForAtMostAsync(int count) => WaitUntilAsync(() => SubscriberCount <= count, $"at most {count} subscribers");

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Waited 10 s for {what}; {SubscriberCount} listen.");
            await Task.Delay(20);
        }
    }

    private sealed record Subscriber(string Channel, IObserver<string> Observer);

    private sealed class Channel(TestMessages messages, string channel) : IObservable<string>
    {
        public IDisposable Subscribe(IObserver<string> observer)
        {
            var subscriber = new Subscriber(channel, observer);
            messages._subscribers.TryAdd(subscriber, 0);
            return new Unsubscriber(() => messages._subscribers.TryRemove(subscriber, out _));
        }
    }

    private sealed class Unsubscriber(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }
}
