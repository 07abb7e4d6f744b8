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

    /// <summary>Topics (hierarchy levels and concepts included) by OpenAlex id.</summary>
    public ExternalKeys Topics { get; } = new();

    /// <summary>Venues by OpenAlex id, then ISSN-L.</summary>
    public ExternalKeys Venues { get; } = new();

    /// <summary>
    /// For each stored paper an OpenAlex record wrote, the record's <c>updated_date</c> (or <see cref="DateTime.MinValue"/> when
    /// it had none): such a paper's authorships, institutions, topics and references are the record's and are replaced by a
    /// newer record's; a paper missing here holds only what other sources gave, which a record adds to.
    /// </summary>
    public Dictionary<string, DateTime> OpenAlexRecordDates { get; } = new(StringComparer.Ordinal);

    /// <summary>The further OpenAlex ids of authors known under more than one, by author key.</summary>
    public Dictionary<string, List<string>> AuthorAliases { get; } = new(StringComparer.Ordinal);

    /// <summary>Loads the keys and external ids of every stored row.</summary>
    public static async Task<ImportKeyIndex> LoadAsync(ScholarGraphDbContext db, CancellationToken cancellationToken)
    {
        var index = new ImportKeyIndex();
        await foreach (var p in db.Papers.AsNoTracking()
                           .Select(p => new { p.Id, p.OpenAlexId, p.Doi, p.ReportedUpdatedAt, p.ReportedCitationCountSource })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            index.Papers.Remember(p.Id, p.OpenAlexId, p.Doi);
            if (p.ReportedUpdatedAt is not null || p.ReportedCitationCountSource == OpenAlex.WorkRowWriter.Source)
                index.OpenAlexRecordDates[p.Id] = p.ReportedUpdatedAt ?? DateTime.MinValue;
        }
        await foreach (var a in db.Authors.AsNoTracking().Select(a => new { a.Id, a.OpenAlexId, a.Orcid }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            index.Authors.Remember(a.Id, a.OpenAlexId, a.Orcid);
        await foreach (var a in db.Authors.AsNoTracking().Where(a => a.OtherOpenAlexIds.Count > 0).Select(a => new { a.Id, a.OtherOpenAlexIds })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            index.AuthorAliases[a.Id] = a.OtherOpenAlexIds;
            foreach (var alias in a.OtherOpenAlexIds)
                index.Authors.RememberAlias(a.Id, alias);
        }
        await foreach (var v in db.Venues.AsNoTracking().Select(v => new { v.Id, v.OpenAlexId, v.IssnL }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            index.Venues.Remember(v.Id, v.OpenAlexId, v.IssnL);
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
