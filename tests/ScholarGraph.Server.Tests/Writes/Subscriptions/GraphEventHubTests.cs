using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Writes.Subscriptions;

namespace ScholarGraph.Server.Tests.Writes.Subscriptions;

public sealed class GraphEventHubTests
{
    [Fact]
    public async Task A_write_returns_while_a_subscriber_is_still_busy_and_each_subscriber_gets_its_events_in_order()
    {
        var hub = new GraphEventHub();
        using var release = new ManualResetEventSlim();
        var slow = new RecordingObserver(release);
        var fast = new RecordingObserver(release: null);
        using var slowSubscription = hub.Observe<AuthorUpdated, AuthorUpdated>(c => c).Subscribe(slow);
        using var fastSubscription = hub.Observe<AuthorUpdated, AuthorUpdated>(c => c.AuthorId == "b" ? null : c).Subscribe(fast);

        var write = hub.OnCommittedAsync([new AuthorUpdated("a"), new AuthorUpdated("b"), new AuthorUpdated("c")], CancellationToken.None).AsTask();

        // The slow subscriber blocks in its first OnNext, yet the write returns (WaitAsync throws if it does not within 5 s).
        await write.WaitAsync(TimeSpan.FromSeconds(5));
        await fast.WaitForAsync(2);
        Assert.Equal(["a", "c"], fast.Received);
        release.Set();
        await slow.WaitForAsync(3);
        Assert.Equal(["a", "b", "c"], slow.Received);
        Assert.Equal(2, hub.SubscriberCount);
    }

    [Fact]
    public void A_disposed_subscription_leaves_the_hub()
    {
        var hub = new GraphEventHub();
        var subscription = hub.Observe<PaperAdded, PaperAdded>(c => c).Subscribe(new RecordingObserver(null));
        Assert.Equal(1, hub.SubscriberCount);

        subscription.Dispose();

        Assert.Equal(0, hub.SubscriberCount);
    }

    private sealed class RecordingObserver(ManualResetEventSlim? release) : IObserver<object>
    {
        private readonly List<string> _received = [];

        public IReadOnlyList<string> Received
        {
            get
            {
                lock (_received)
                    return [.. _received];
            }
        }

        public void OnNext(object value)
        {
            release?.Wait(TimeSpan.FromSeconds(10));
            lock (_received)
                _received.Add(((AuthorUpdated)value).AuthorId);
        }

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }

        public async Task WaitForAsync(int count)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (Received.Count < count)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Only {Received.Count} of {count} events arrived.");
                await Task.Delay(10);
            }
        }
    }
}
