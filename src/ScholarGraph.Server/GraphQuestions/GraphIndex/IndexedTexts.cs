using ScholarGraph.Graph.Index;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// The authors' names beside the graph index, by the index's dense author id, so that a lookup asking an author only for its name
/// (a network's 2,000 nodes, <c>node(id:) { ... on Author { name } }</c>) is answered without the store. Immutable: a write that
/// adds or renames authors makes a new table sharing the loaded array, with the changed names in a small overlay, until the next
/// full build loads them all again. About 50 bytes per author (the strings and one reference each).
/// </summary>
public sealed class AuthorNames
{
    private readonly string?[] _loaded;
    private readonly Dictionary<string, string> _changed;

    private AuthorNames(string?[] loaded, Dictionary<string, string> changed)
    {
        _loaded = loaded;
        _changed = changed;
    }

    /// <summary>No names: every lookup falls back to the store.</summary>
    public static AuthorNames Empty { get; } = new([], new(StringComparer.Ordinal));

    /// <summary>The names of <paramref name="names"/> (author key to name), placed by <paramref name="authors"/>' dense ids.</summary>
    public static AuthorNames Load(KeyMap authors, IReadOnlyDictionary<string, string> names)
    {
        var loaded = new string?[authors.Count];
        foreach (var (key, name) in names)
        {
            if (authors.TryGetId(key, out var id))
                loaded[id] = name;
        }
        return new AuthorNames(loaded, new(StringComparer.Ordinal));
    }

    /// <summary>A table with <paramref name="names"/> (author key to its name now) replacing or adding to these.</summary>
    public AuthorNames With(IReadOnlyDictionary<string, string> names)
    {
        if (names.Count == 0)
            return this;
        var changed = new Dictionary<string, string>(_changed, StringComparer.Ordinal);
        foreach (var (key, name) in names)
            changed[key] = name;
        return new AuthorNames(_loaded, changed);
    }

    /// <summary>
    /// The name of the author with key <paramref name="key"/> (dense id <paramref name="id"/> in the index these names were
    /// loaded with, or in one built on it), or false when this table does not know it (then ask the store).
    /// </summary>
    public bool TryGet(string key, int id, out string name)
    {
        if (_changed.TryGetValue(key, out name!))
            return true;
        name = (uint)id < (uint)_loaded.Length ? _loaded[id]! : null!;
        return name is not null;
    }
}
