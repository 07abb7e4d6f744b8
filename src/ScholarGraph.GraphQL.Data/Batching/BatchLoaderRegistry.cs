using System.Collections.Concurrent;

namespace ScholarGraph.GraphQL.Data.Batching;

/// <summary>
/// The batch loaders of one request, by name. Register it as a scoped service so that each request batches and caches on its own.
/// </summary>
public sealed class BatchLoaderRegistry
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns the request's loader called <paramref name="name"/>, creating it with <paramref name="fetch"/> on first use. Loaders
    /// that fetch differently (other arguments, other filters) need different names.
    /// </summary>
    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(fetch));

    /// <summary>
    /// Returns the request's value called <paramref name="name"/>, creating it with <paramref name="create"/> on first use: for
    /// work that every parent of a level would otherwise repeat (building a field's filter predicate).
    /// </summary>
    public T Remember<T>(string name, Func<T> create)
        where T : notnull =>
        (T)_values.GetOrAdd(name, _ => create());

    private readonly ConcurrentDictionary<string, object> _values = new(StringComparer.Ordinal);
}
