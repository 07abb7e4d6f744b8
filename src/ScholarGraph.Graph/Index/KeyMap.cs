namespace ScholarGraph.Graph.Index;

/// <summary>
/// Maps the string keys of one kind of node (papers, authors, topics) to dense ids <c>0..Count-1</c> in the order they
/// were first added, and back.
/// </summary>
/// <remarks>Frozen once its index is built: readers on many threads may share it, but <see cref="GetOrAdd"/> is for the builder alone.</remarks>
public sealed class KeyMap
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    /// <summary>Number of keys.</summary>
    public int Count => _keys.Count;

    /// <summary>The key of <paramref name="id"/>.</summary>
    /// <param name="id">A dense id in <c>0..Count-1</c>.</param>
    public string KeyOf(int id) => _keys[id];

    /// <summary>Finds the dense id of <paramref name="key"/>.</summary>
    /// <param name="key">A key as the store spells it.</param>
    /// <param name="id">The id, or -1 when the key is unknown.</param>
    /// <returns><c>true</c> when the key is known.</returns>
    public bool TryGetId(string key, out int id)
    {
        if (_ids.TryGetValue(key, out id))
        {
            return true;
        }

        id = -1;
        return false;
    }

    /// <summary>
    /// Estimated bytes held by the map: each key string (<c>22 + 2·length</c>, rounded up to 8), a dictionary entry with its
    /// bucket (28) and a list slot (8).
    /// </summary>
    public long EstimatedMemoryBytes
    {
        get
        {
            long bytes = 0;
            foreach (var key in _keys)
            {
                bytes += ((22L + 2L * key.Length + 7) & ~7L) + 28 + 8;
            }

            return bytes;
        }
    }

    /// <summary>The id of <paramref name="key"/>, adding it with the next id when it is new.</summary>
    /// <param name="key">A key as the store spells it.</param>
    internal int GetOrAdd(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_ids.TryGetValue(key, out var id))
        {
            return id;
        }

        id = _keys.Count;
        _ids.Add(key, id);
        _keys.Add(key);
        return id;
    }
}
