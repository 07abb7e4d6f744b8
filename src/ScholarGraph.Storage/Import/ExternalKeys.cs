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

    /// <summary>Keys this import created.</summary>
    public long Created { get; private set; }

    /// <summary>Records a stored row's key and its ids.</summary>
    public void Remember(string key, string? openAlexId, string? secondId)
    {
        _keys.Add(key);
        if (openAlexId is not null)
            _byOpenAlex.TryAdd(openAlexId, key);
        if (secondId is not null)
            _bySecond.TryAdd(secondId, key);
    }

    /// <summary>The key of the row with <paramref name="openAlexId"/>, else of the row with <paramref name="secondId"/>, else null.</summary>
    public string? Find(string? openAlexId, string? secondId = null) =>
        openAlexId is not null && _byOpenAlex.TryGetValue(openAlexId, out var key) ? key
        : secondId is not null && _bySecond.TryGetValue(secondId, out key) ? key
        : null;

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
