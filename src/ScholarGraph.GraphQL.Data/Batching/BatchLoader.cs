using GraphQL.DataLoader;

namespace ScholarGraph.GraphQL.Data.Batching;

/// <summary>
/// Collects the keys that resolvers ask for while GraphQL.NET walks one level of the selection, then fetches them all with one
/// call when the first result is awaited (GraphQL.NET awaits <see cref="IDataLoaderResult"/> values only after every other
/// field of the level has run). Results are cached for the rest of the request, so a key is fetched at most once.
/// Instances live for one request; get them from <see cref="BatchLoaderRegistry"/>.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type; keys the fetch does not return resolve to <c>default</c>.</typeparam>
public sealed class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private readonly Lock _lock = new();
    private Batch? _pending;

    /// <summary>Creates a loader that fetches a batch of keys through <paramref name="fetch"/>.</summary>
    public BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) => _fetch = fetch;

    /// <summary>Asks for <paramref name="key"/>; the value arrives with the batch it joins.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_lock)
        {
            if (_batchOf.TryGetValue(key, out var known))
                return new Result(this, known, key);
            _pending ??= new Batch();
            _pending.Keys.Add(key);
            _batchOf[key] = _pending;
            return new Result(this, _pending, key);
        }
    }

    private void Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (batch.Dispatched)
                return;
            batch.Dispatched = true;
            if (ReferenceEquals(_pending, batch))
                _pending = null;
        }
        _ = RunAsync(batch, cancellationToken);
    }

    private async Task RunAsync(Batch batch, CancellationToken cancellationToken)
    {
        try
        {
            batch.Completion.TrySetResult(await _fetch(batch.Keys, cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            batch.Completion.TrySetCanceled(cancellationToken);
        }
        catch (Exception e)
        {
            batch.Completion.TrySetException(e);
        }
    }

    private sealed class Batch
    {
        public List<TKey> Keys { get; } = [];
        public bool Dispatched { get; set; }

        // Continuations run where the fetch completes, not queued to the thread pool: a page of 100 keys had each of its 100
        // values, and each field waiting for one, hop to a pool thread (a list request in process 1,567 us before).
        public TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>> Completion { get; } = new();

        public Task<TValue?> ValueOfAsync(TKey key)
        {
            var fetched = Completion.Task;
            // SQLite completes the fetch before the first value is asked for: no state machine per key then.
            return fetched.IsCompletedSuccessfully ? Task.FromResult(ValueIn(fetched.Result, key)) : AwaitAsync(fetched, key);
        }

        // Awaiting (rather than ContinueWith and .Result) lets a failed fetch surface as its own exception, not an AggregateException.
        private static async Task<TValue?> AwaitAsync(Task<IReadOnlyDictionary<TKey, TValue>> fetched, TKey key) =>
            ValueIn(await fetched.ConfigureAwait(false), key);

        private static TValue? ValueIn(IReadOnlyDictionary<TKey, TValue> values, TKey key) =>
            values.TryGetValue(key, out var value) ? value : default;
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            loader.Dispatch(batch, cancellationToken);
            return batch.ValueOfAsync(key);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
