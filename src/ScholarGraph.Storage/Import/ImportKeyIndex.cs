using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Bulk;
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

    /// <summary>Loads the keys and external ids of every stored row, on the context's open connection and transaction-free.</summary>
    /// <remarks>
    /// One plain <c>SELECT</c> a table, its columns named from the EF Core model, read by a data reader rather than through EF
    /// Core's queries: compiling those six LINQ queries took about 300 ms of a first import of the real OpenAlex file (1,703
    /// works), longer than reading the rows.
    /// </remarks>
    public static async Task<ImportKeyIndex> LoadAsync(ScholarGraphDbContext db, CancellationToken cancellationToken)
    {
        var index = new ImportKeyIndex();
        var rows = new ModelRows(db);
        await rows.ReadAsync<Paper>(cancellationToken, [nameof(Paper.Id), nameof(Paper.OpenAlexId), nameof(Paper.Doi), nameof(Paper.ReportedUpdatedAt), nameof(Paper.ReportedCitationCountSource)], r =>
        {
            var key = r.GetString(0);
            index.Papers.Remember(key, Text(r, 1), Text(r, 2));
            var updatedAt = r.IsDBNull(3) ? (DateTime?)null : r.GetDateTime(3);
            if (updatedAt is not null || Text(r, 4) == OpenAlex.WorkRowWriter.Source)
                index.OpenAlexRecordDates[key] = updatedAt ?? DateTime.MinValue;
        });
        var aliases = db.Model.FindEntityType(typeof(Author))!.FindProperty(nameof(Author.OtherOpenAlexIds))!.GetTypeMapping().Converter;
        await rows.ReadAsync<Author>(cancellationToken, [nameof(Author.Id), nameof(Author.OpenAlexId), nameof(Author.Orcid), nameof(Author.OtherOpenAlexIds)], r =>
        {
            var key = r.GetString(0);
            index.Authors.Remember(key, Text(r, 1), Text(r, 2));
            // A JSON array on SQLite (the model's converter reads it), a text[] on PostgreSQL.
            var others = r.IsDBNull(3) ? []
                : aliases is null ? r.GetFieldValue<List<string>>(3)
                : (List<string>)aliases.ConvertFromProvider(aliases.ProviderClrType == typeof(string) ? r.GetString(3) : r.GetValue(3))!;
            if (others.Count == 0)
                return;
            index.AuthorAliases[key] = others;
            foreach (var alias in others)
                index.Authors.RememberAlias(key, alias);
        });
        await rows.ReadAsync<Venue>(cancellationToken, [nameof(Venue.Id), nameof(Venue.OpenAlexId), nameof(Venue.IssnL)],
            r => index.Venues.Remember(r.GetString(0), Text(r, 1), Text(r, 2)));
        await rows.ReadAsync<Institution>(cancellationToken, [nameof(Institution.Id), nameof(Institution.OpenAlexId), nameof(Institution.Ror)],
            r => index.Institutions.Remember(r.GetString(0), Text(r, 1), Text(r, 2)));
        await rows.ReadAsync<Topic>(cancellationToken, [nameof(Topic.Id), nameof(Topic.OpenAlexId)],
            r => index.Topics.Remember(r.GetString(0), Text(r, 1), null));
        return index;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>True the first time this import asks about <paramref name="key"/> of <paramref name="table"/>, so its row is written once.</summary>
    public bool FirstWrite(ExternalKeys table, string key)
    {
        if (!_written.TryGetValue(table, out var written))
            _written[table] = written = new HashSet<string>(StringComparer.Ordinal);
        return written.Add(key);
    }
}
