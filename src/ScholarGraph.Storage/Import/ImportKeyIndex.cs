using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Import;

/// <summary>
/// The stored works, authors, institutions and topics by their external ids, loaded at the start of an import (one query a table)
/// and kept up to date as it writes; and which rows this import has written already, so a shared author or topic is written once
/// per import rather than once per work.
/// </summary>
/// <remarks>
/// It reflects the writes of batches not yet committed. A batch that fails ends the import (its rollback would leave the index
/// ahead of the store), and the next import loads the index afresh.
/// </remarks>
internal sealed class ImportKeyIndex
{
    private readonly Dictionary<ExternalKeys, HashSet<string>> _written = [];

    /// <summary>Works by OpenAlex id, then DOI.</summary>
    public ExternalKeys Papers { get; } = new();

    /// <summary>Authors by OpenAlex id, then ORCID iD.</summary>
    public ExternalKeys Authors { get; } = new();

    /// <summary>Institutions by OpenAlex id, then ROR id.</summary>
    public ExternalKeys Institutions { get; } = new();

    /// <summary>Topics (hierarchy levels included) by OpenAlex id.</summary>
    public ExternalKeys Topics { get; } = new();

    /// <summary>Loads the keys and external ids of every stored row.</summary>
    public static async Task<ImportKeyIndex> LoadAsync(ScholarGraphDbContext db, CancellationToken cancellationToken)
    {
        var index = new ImportKeyIndex();
        await foreach (var p in db.Papers.AsNoTracking().Select(p => new { p.Id, p.OpenAlexId, p.Doi }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            index.Papers.Remember(p.Id, p.OpenAlexId, p.Doi);
        await foreach (var a in db.Authors.AsNoTracking().Select(a => new { a.Id, a.OpenAlexId, a.Orcid }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            index.Authors.Remember(a.Id, a.OpenAlexId, a.Orcid);
        await foreach (var i in db.Institutions.AsNoTracking().Select(i => new { i.Id, i.OpenAlexId, i.Ror }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            index.Institutions.Remember(i.Id, i.OpenAlexId, i.Ror);
        await foreach (var t in db.Topics.AsNoTracking().Select(t => new { t.Id, t.OpenAlexId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            index.Topics.Remember(t.Id, t.OpenAlexId, null);
        return index;
    }

    /// <summary>True the first time this import asks about <paramref name="key"/> of <paramref name="table"/>, so its row is written once.</summary>
    public bool FirstWrite(ExternalKeys table, string key)
    {
        if (!_written.TryGetValue(table, out var written))
            _written[table] = written = new HashSet<string>(StringComparer.Ordinal);
        return written.Add(key);
    }
}
