using System.Text;
using ScholarGraph.Graph.Index;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// One text per node beside the graph index, by the index's dense id (the authors' names, the papers' titles), so that a selection
/// asking a node only for it (a network's 2,000 names, an author's newest titles) is answered without the store. The texts are
/// held as UTF-8 in one array with an offset and a length each (a title about 85 bytes, a name about 20, plus 8), and compare as
/// UTF-8, which orders by code point as SQLite and PostgreSQL's <c>C</c> collation order the column. Immutable: a write that adds
/// or changes texts makes a new table sharing the loaded arrays, with the changed texts in a small overlay, until the next full
/// build loads them all again.
/// </summary>
public sealed class IndexedTexts
{
    private const int Unknown = -1;

    private readonly byte[] _utf8;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly Dictionary<string, byte[]> _changed;

    private IndexedTexts(byte[] utf8, int[] starts, int[] lengths, Dictionary<string, byte[]> changed)
    {
        _utf8 = utf8;
        _starts = starts;
        _lengths = lengths;
        _changed = changed;
    }

    /// <summary>No texts: every lookup falls back to the store.</summary>
    public static IndexedTexts Empty { get; } = new([], [], [], new(StringComparer.Ordinal));

    /// <summary>Bytes held by the loaded texts: their UTF-8 and 8 bytes of offset and length each (the overlay not counted).</summary>
    public long MemoryBytes => _utf8.LongLength + 4L * (_starts.Length + _lengths.Length);

    /// <summary>Whether writes since the texts were loaded changed or added any (they are then read from the overlay).</summary>
    public bool HasChanges => _changed.Count != 0;

    /// <summary>A table with <paramref name="texts"/> (key to its text now) replacing or adding to these.</summary>
    public IndexedTexts With(IReadOnlyDictionary<string, string> texts)
    {
        if (texts.Count == 0)
            return this;
        var changed = new Dictionary<string, byte[]>(_changed, StringComparer.Ordinal);
        foreach (var (key, text) in texts)
            changed[key] = Encoding.UTF8.GetBytes(text);
        return new IndexedTexts(_utf8, _starts, _lengths, changed);
    }

    /// <summary>
    /// The text of the node with key <paramref name="key"/> (dense id <paramref name="id"/> in the index these texts were loaded
    /// with, or in one built on it), or false when this table does not know it (then ask the store).
    /// </summary>
    public bool TryGet(string key, int id, out string text)
    {
        if (TryGetUtf8(key, id, out var utf8))
        {
            text = Encoding.UTF8.GetString(utf8);
            return true;
        }
        text = null!;
        return false;
    }

    /// <summary>The UTF-8 bytes of the text of <paramref name="key"/> (dense id <paramref name="id"/>); false when unknown.</summary>
    public bool TryGetUtf8(string key, int id, out ReadOnlySpan<byte> utf8)
    {
        if (_changed.Count != 0 && _changed.TryGetValue(key, out var changed))
        {
            utf8 = changed;
            return true;
        }
        if ((uint)id < (uint)_starts.Length && _lengths[id] != Unknown)
        {
            utf8 = _utf8.AsSpan(_starts[id], _lengths[id]);
            return true;
        }
        utf8 = default;
        return false;
    }

    /// <summary>Collects texts in any order while the store is read; <see cref="Build"/> places them by the built index's ids.</summary>
    public sealed class Builder
    {
        private readonly List<(string Key, int Start, int Length)> _entries = [];
        private byte[] _utf8 = new byte[1 << 16];
        private int _used;

        /// <summary>Adds the text of the node with key <paramref name="key"/>; a later text of the same key replaces it.</summary>
        /// <exception cref="InvalidOperationException">The texts together pass 2 GiB of UTF-8.</exception>
        public void Add(string key, string text)
        {
            var length = Encoding.UTF8.GetByteCount(text);
            if (_used + (long)length > Array.MaxLength)
                throw new InvalidOperationException("The texts beside the graph index passed 2 GiB of UTF-8.");
            if (_used + length > _utf8.Length)
                Array.Resize(ref _utf8, (int)Math.Min(Array.MaxLength, Math.Max(_used + (long)length, 2L * _utf8.Length)));
            Encoding.UTF8.GetBytes(text, _utf8.AsSpan(_used));
            _entries.Add((key, _used, length));
            _used += length;
        }

        /// <summary>The table of the texts added, placed by <paramref name="keys"/>' dense ids; keys the map lacks are left out.</summary>
        public IndexedTexts Build(KeyMap keys)
        {
            var starts = new int[keys.Count];
            var lengths = new int[keys.Count];
            Array.Fill(lengths, Unknown);
            foreach (var (key, start, length) in _entries)
            {
                if (keys.TryGetId(key, out var id))
                    (starts[id], lengths[id]) = (start, length);
            }
            return new IndexedTexts(_utf8.AsSpan(0, _used).ToArray(), starts, lengths, new(StringComparer.Ordinal));
        }
    }
}
