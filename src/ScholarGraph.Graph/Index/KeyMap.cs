namespace ScholarGraph.Graph.Index;

/// <summary>
/// Maps the string keys of one kind of node (papers, authors, topics) to dense ids <c>0..Count-1</c> in the order they
/// were first added (a built index's maps in the keys' ordinal order, see <see cref="SortedByKey"/>), and back.
/// </summary>
/// <remarks>
/// Frozen once its index is built: readers on many threads may share it, but <see cref="GetOrAdd"/> is for the builder alone.
/// <see cref="Extend"/> gives a new map that shares this one and holds only the keys added since, so that a write adding a paper
/// costs its own key, not a copy of every key.
/// </remarks>
public sealed class KeyMap
{
    // The frozen map this one extends (never itself an extension), or null; _ids and _keys hold only the keys added beyond it.
    private readonly KeyMap? _base;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    /// <summary>An empty map.</summary>
    public KeyMap()
    {
    }

    private KeyMap(KeyMap frozen) => _base = frozen;

    private int BaseCount => _base?.Count ?? 0;

    /// <summary>Number of keys.</summary>
    public int Count => BaseCount + _keys.Count;

    /// <summary>The key of <paramref name="id"/>.</summary>
    /// <param name="id">A dense id in <c>0..Count-1</c>.</param>
    public string KeyOf(int id) => id < BaseCount ? _base!.KeyOf(id) : _keys[id - BaseCount];

    /// <summary>Finds the dense id of <paramref name="key"/>.</summary>
    /// <param name="key">A key as the store spells it.</param>
    /// <param name="id">The id, or -1 when the key is unknown.</param>
    /// <returns><c>true</c> when the key is known.</returns>
    public bool TryGetId(string key, out int id)
    {
        if ((_base is not null && _base.TryGetId(key, out id)) || _ids.TryGetValue(key, out id))
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
            var bytes = _base?.EstimatedMemoryBytes ?? 0;
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
        if (TryGetId(key, out var id))
        {
            return id;
        }

        id = Count;
        _ids.Add(key, id);
        _keys.Add(key);
        return id;
    }

    /// <summary>
    /// A map of the same keys numbered in their ordinal order, and for each id of this map its id in the new one. A builder
    /// renumbers its keys this way, so that the ids, and with them every tie an algorithm breaks by id, do not depend on the order
    /// a store returned its rows in: two stores or two instances holding the same rows number them alike.
    /// </summary>
    internal (KeyMap Sorted, int[] NewIdOf) SortedByKey()
    {
        var keys = new string[Count];
        for (var id = 0; id < keys.Length; id++)
        {
            keys[id] = KeyOf(id);
        }

        var order = new int[keys.Length];
        for (var id = 0; id < order.Length; id++)
        {
            order[id] = id;
        }

        Array.Sort(keys, order, StringComparer.Ordinal);
        var sorted = new KeyMap();
        var newIdOf = new int[order.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            newIdOf[order[rank]] = sorted.GetOrAdd(keys[rank]);
        }

        return (sorted, newIdOf);
    }

    /// <summary>A new map with this one's keys and <paramref name="keys"/> (those not yet known get the next ids); this map is unchanged.</summary>
    /// <param name="keys">Keys to add.</param>
    /// <remarks>Costs the keys added since the last full build, never the frozen keys, which are shared.</remarks>
    internal KeyMap Extend(IEnumerable<string> keys)
    {
        var extended = new KeyMap(_base ?? this);
        if (_base is not null)
        {
            foreach (var key in _keys)
            {
                extended.GetOrAdd(key);
            }
        }

        foreach (var key in keys)
        {
            extended.GetOrAdd(key);
        }

        return extended;
    }
}
