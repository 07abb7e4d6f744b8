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
    private readonly Dictionary<TKey, (Batch Batch, Task<TValue?> Value)> _results = [];
    private readonly Lock _lock = new();
    private Batch? _pending;

    /// <summary>Creates a loader that fetches a batch of keys through <paramref name="fetch"/>.</summary>
    public BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) => _fetch = fetch;

    /// <summary>Asks for <paramref name="key"/>; the value arrives with the batch it joins.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_lock)
        {
            if (_results.TryGetValue(key, out var known))
                return new Result(this, known.Batch, known.Value);
            _pending ??= new Batch();
            _pending.Keys.Add(key);
            var batch = _pending;
            var task = ValueOfAsync(batch, key);
            _results[key] = (batch, task);
            return new Result(this, batch, task);
        }
    }

    // Awaiting (rather than ContinueWith and .Result) lets a failed fetch surface as its own exception, not an AggregateException.
    private static async Task<TValue?> ValueOfAsync(Batch batch, TKey key) =>
        (await batch.Completion.Task.ConfigureAwait(false)).TryGetValue(key, out var value) ? value : default;

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
        public TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, Batch batch, Task<TValue?> value) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            loader.Dispatch(batch, cancellationToken);
            return value;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
