using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// The query texts registered by the automatic persisted queries protocol, by SHA-256, in memory and bounded by
/// <see cref="TrustedDocumentOptions.AutomaticPersistedQueryCacheSizeLimit"/> characters: past it, entries are evicted and a
/// client whose hash is gone sends its text again.
/// </summary>
internal sealed class AutomaticPersistedQueryStore(IOptions<TrustedDocumentOptions> options) : IDisposable
{
    private readonly MemoryCache _queries = new(new MemoryCacheOptions { SizeLimit = options.Value.AutomaticPersistedQueryCacheSizeLimit });

    /// <summary>The query registered under <paramref name="hash"/>, or <see langword="null"/>.</summary>
    public string? Find(string hash) => _queries.TryGetValue(hash, out string? query) ? query : null;

    /// <summary>Registers <paramref name="query"/>, whose SHA-256 is <paramref name="hash"/>.</summary>
    public void Add(string hash, string query) =>
        _queries.Set(hash, query, new MemoryCacheEntryOptions { Size = Math.Max(1, query.Length) });

    public void Dispose() => _queries.Dispose();
}
