using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Storage.Import;

/// <summary>
/// The keys of one table's stored rows by their external ids (an OpenAlex id first, then a second id such as a DOI, ORCID or ROR),
/// loaded once per import and kept up to date as it writes, so that every work, author, institution and topic is found again
/// whichever of its ids a record carries, without a query per record.
/// </summary>
internal sealed class ExternalKeys
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byOpenAlex = new(StringComparer.Ordinal);
    // DOIs, ORCID iDs and ROR ids are case-insensitive.
    private readonly Dictionary<string, string> _bySecond = new(StringComparer.OrdinalIgnoreCase);
    // The OpenAlex id each row was first known by, to tell a second id of the same row (an alias) from its own.
    private readonly Dictionary<string, string> _openAlexOf = new(StringComparer.Ordinal);

    /// <summary>Keys this import created.</summary>
    public long Created { get; private set; }

    /// <summary>Records a stored row's key and its ids.</summary>
    public void Remember(string key, string? openAlexId, string? secondId)
    {
        _keys.Add(key);
        if (openAlexId is not null)
        {
            _byOpenAlex.TryAdd(openAlexId, key);
            _openAlexOf.TryAdd(key, openAlexId);
        }
        if (secondId is not null)
            _bySecond.TryAdd(secondId, key);
    }

    /// <summary>The key of the row with <paramref name="openAlexId"/>, else of the row with <paramref name="secondId"/>, else null.</summary>
    public string? Find(string? openAlexId, string? secondId = null) =>
        openAlexId is not null && _byOpenAlex.TryGetValue(openAlexId, out var key) ? key
        : secondId is not null && _bySecond.TryGetValue(secondId, out key) ? key
        : null;

    /// <summary>The OpenAlex id the row keyed <paramref name="key"/> was first known by, or null.</summary>
    public string? OpenAlexOf(string key) => _openAlexOf.GetValueOrDefault(key);

    /// <summary>Makes <paramref name="openAlexId"/> find the row keyed <paramref name="key"/> too, without making it the row's own id.</summary>
    public void RememberAlias(string key, string openAlexId) => _byOpenAlex.TryAdd(openAlexId, key);

    /// <summary>The row keyed <paramref name="key"/>, which is created (and counted) when the store does not hold it yet.</summary>
    public string ResolveKey(string key)
    {
        if (_keys.Add(key))
            Created++;
        return key;
    }

    /// <summary>
    /// The key of the row these ids name: a stored one (which then also answers to any id it did not have), or a new one,
    /// <paramref name="preferredKey"/> when it is free, else that key with the first free <c>-N</c> suffix.
    /// </summary>
    public string Resolve(string? openAlexId, string? secondId, string preferredKey, out bool created)
    {
        var key = Find(openAlexId, secondId);
        created = key is null;
        if (key is null)
        {
            key = EntityRules.FirstFreeKey(preferredKey, _keys);
            Created++;
        }
        Remember(key, openAlexId, secondId);
        return key;
    }
}
