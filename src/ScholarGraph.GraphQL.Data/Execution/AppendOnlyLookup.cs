namespace ScholarGraph.GraphQL.Data.Execution;

/// <summary>
/// A handful of values kept with a parsed document (one per schema, object type or both), read without a lock on every
/// request and added under one the first time a key is met. Two requests meeting a key at once may both work its value out;
/// the lookup then holds both and answers the first.
/// </summary>
internal sealed class AppendOnlyLookup<TKey, TValue>
{
    private readonly Lock _gate = new();
    private (TKey Key, TValue Value)[] _entries = [];

    public bool TryGet(TKey key, out TValue value)
    {
        foreach (var entry in Volatile.Read(ref _entries))
        {
            if (EqualityComparer<TKey>.Default.Equals(entry.Key, key))
            {
                value = entry.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>Adds <paramref name="value"/> for <paramref name="key"/> and returns it.</summary>
    public TValue Add(TKey key, TValue value)
    {
        lock (_gate)
            _entries = [.. _entries, (key, value)];
        return value;
    }
}
