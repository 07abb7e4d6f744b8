using ScholarGraph.Storage.Validation;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Import.OpenAlex;

/// <summary>
/// Writes OpenAlex works into one transaction through prepared upserts (<see cref="UpsertTableWriter"/>, the bulk loader's): each
/// work with its authors in printed order and their institutions, its topics with their hierarchy, and its references, which
/// become citations where the cited work is stored and wait as <see cref="PendingCitation"/>s where it is not. Existing rows
/// found by their external ids are merged: the work's figures fill in and update what OpenAlex reports, and what only another
/// source gave (a seed paper's category or code link, a seed author's name) stays.
/// </summary>
internal sealed class WorkRowWriter : IDisposable
{
    /// <summary>The name imported rows carry as their source (topic scores, reported citation counts).</summary>
    public const string Source = "openalex";

    private readonly ImportKeyIndex _keys;
    private readonly UpsertTableWriter<Paper> _papers;
    private readonly UpsertTableWriter<Author> _authors;
    private readonly UpsertTableWriter<Institution> _institutions;
    private readonly UpsertTableWriter<Topic> _topics;
    private readonly UpsertTableWriter<Authorship> _authorships;
    private readonly UpsertTableWriter<Affiliation> _affiliations;
    private readonly UpsertTableWriter<PaperInstitution> _paperInstitutions;
    private readonly UpsertTableWriter<PaperTopic> _paperTopics;
    private readonly UpsertTableWriter<Citation> _citations;
    private readonly UpsertTableWriter<Venue> _venues;
    // A work's waiting references and yearly counts are many small rows (real works cite dozens of works the store does not
    // hold): each list is written by one statement over a JSON array (@keep) rather than a statement per row.
    private readonly DbCommand _insertPending;
    private readonly DbCommand _upsertYears;
    private readonly DbCommand _resolvePending;
    private readonly DbCommand _deletePending;
    private readonly DbCommand _setAuthorAliases;
    // What a newer record of a work replaces: each DELETEs the work's rows of one table that the record no longer names (@keep,
    // a JSON array of their other key column), so that rows it still names are left untouched and a rerun changes nothing.
    private readonly DbCommand _sweepAuthorships, _sweepInstitutions, _sweepTopics, _sweepCitations, _sweepPending, _sweepYears;
    // The rows of the work being written, by their other key column, for the sweeps.
    private readonly List<string> _keptAuthors = [], _keptInstitutions = [], _keptTopics = [], _keptCited = [], _keptPending = [];
    private readonly List<int> _keptYears = [];
    private readonly List<int[]> _yearCounts = [];
    // References of this batch's works to works not found when they were written, by citing work: at the batch's end those
    // whose work arrived later in the batch become citations, and the rest are written as waiting ones, sorted, in one statement.
    private readonly Dictionary<string, List<string>> _batchPending = new(StringComparer.Ordinal);
    // Whether the store held waiting references when the batch began: only then can an arriving work resolve stored ones.
    private bool _storeHasPending;
    private long _pendingResolved;

    public WorkRowWriter(ScholarGraphDbContext db, DbTransaction transaction, ImportKeyIndex keys)
    {
        _keys = keys;
        var connection = transaction.Connection!;
        UpsertTableWriter<T> Table<T>(params string[] merged) where T : class => UpsertTableWriter.Create<T>(db, connection, transaction, merged);
        _papers = Table<Paper>(nameof(Paper.Title), nameof(Paper.Abstract), nameof(Paper.PublicationDate), nameof(Paper.Doi),
            nameof(Paper.ArxivId), nameof(Paper.OpenAlexId), nameof(Paper.ReportedCitationCount), nameof(Paper.ReportedCitationCountSource),
            nameof(Paper.AuthorListTruncated), nameof(Paper.Type), nameof(Paper.Language), nameof(Paper.IsOpenAccess), nameof(Paper.OpenAccessStatus),
            nameof(Paper.Keywords), nameof(Paper.VenueId), nameof(Paper.ReportedFwci), nameof(Paper.ReportedFwciSource), nameof(Paper.ReportedUpdatedAt));
        // An author's further OpenAlex ids are set by _setAuthorAliases alone, so that a record naming the author by one id
        // does not wipe the others.
        _authors = Table<Author>(nameof(Author.OpenAlexId), nameof(Author.Orcid));
        _venues = Table<Venue>(nameof(Venue.OpenAlexId), nameof(Venue.IssnL), nameof(Venue.Type));
        _institutions = Table<Institution>(nameof(Institution.OpenAlexId), nameof(Institution.Ror), nameof(Institution.CountryCode), nameof(Institution.Type));
        _topics = Table<Topic>(nameof(Topic.OpenAlexId), nameof(Topic.Level), nameof(Topic.ParentId));
        _authorships = Table<Authorship>(nameof(Authorship.Position), nameof(Authorship.InstitutionId), nameof(Authorship.RawAuthorName),
            nameof(Authorship.RawAffiliations), nameof(Authorship.IsCorresponding));
        _affiliations = Table<Affiliation>();
        _paperInstitutions = Table<PaperInstitution>(nameof(PaperInstitution.Position));
        _paperTopics = Table<PaperTopic>(nameof(PaperTopic.Score), nameof(PaperTopic.ScoreSource));
        _citations = Table<Citation>();

        // References that waited for this work become citations, in two prepared statements named from the EF model.
        var sql = db.GetService<ISqlGenerationHelper>();
        var dialect = BulkSql.For(db);
        string Name<T>(string property)
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            return sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);
        }
        string TableOf<T>() => sql.DelimitIdentifier(db.Model.FindEntityType(typeof(T))!.GetTableName()!);
        var pendingTable = TableOf<PendingCitation>();
        var citing = Name<PendingCitation>(nameof(PendingCitation.CitingPaperId));
        var citedOpenAlex = Name<PendingCitation>(nameof(PendingCitation.CitedOpenAlexId));
        _resolvePending = Prepare(connection, transaction,
            $"INSERT INTO {TableOf<Citation>()} ({Name<Citation>(nameof(Citation.CitingPaperId))}, {Name<Citation>(nameof(Citation.CitedPaperId))}) "
            + $"SELECT {citing}, @key FROM {pendingTable} WHERE {citedOpenAlex} = @openAlex AND {citing} <> @key ON CONFLICT DO NOTHING");
        _deletePending = Prepare(connection, transaction, $"DELETE FROM {pendingTable} WHERE {citedOpenAlex} = @openAlex");
        // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join's ON after a SELECT.
        _insertPending = Prepare(connection, transaction,
            $"INSERT INTO {pendingTable} ({citing}, {citedOpenAlex}) SELECT {dialect.Item(0)}, {dialect.Item(1)} "
            + $"{dialect.Rows("@keep")} WHERE true ON CONFLICT DO NOTHING");
        using (var any = connection.CreateCommand())
        {
            any.Transaction = transaction;
            any.CommandText = $"SELECT EXISTS (SELECT 1 FROM {pendingTable})";
            _storeHasPending = Convert.ToInt64(any.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
        }
        var years = TableOf<ReportedCitationsInYear>();
        var yearCount = Name<ReportedCitationsInYear>(nameof(ReportedCitationsInYear.CitationCount));
        var yearKey = $"{Name<ReportedCitationsInYear>(nameof(ReportedCitationsInYear.PaperId))}, {Name<ReportedCitationsInYear>(nameof(ReportedCitationsInYear.Source))}, "
            + Name<ReportedCitationsInYear>(nameof(ReportedCitationsInYear.Year));
        _upsertYears = Prepare(connection, transaction,
            $"INSERT INTO {years} ({yearKey}, {yearCount}) "
            + $"SELECT @key, '{Source}', {dialect.Item(0, "integer")}, {dialect.Item(1, "integer")} {dialect.Rows("@keep")} WHERE true "
            + $"ON CONFLICT ({yearKey}) DO UPDATE SET {yearCount} = excluded.{yearCount} WHERE {years}.{yearCount} IS DISTINCT FROM excluded.{yearCount}");
        _setAuthorAliases = Prepare(connection, transaction,
            $"UPDATE {TableOf<Author>()} SET {Name<Author>(nameof(Author.OtherOpenAlexIds))} = {dialect.ListValue("@openAlex")} WHERE {Name<Author>(nameof(Author.Id))} = @key");
        DbCommand Sweep<T>(string paperColumn, string otherColumn, string? condition = null, string? otherType = null) => Prepare(connection, transaction,
            $"DELETE FROM {TableOf<T>()} WHERE {Name<T>(paperColumn)} = @key AND {Name<T>(otherColumn)} NOT IN ({dialect.Values("@keep", otherType)})"
            + (condition is null ? "" : " AND " + condition));
        _sweepAuthorships = Sweep<Authorship>(nameof(Authorship.PaperId), nameof(Authorship.AuthorId));
        _sweepInstitutions = Sweep<PaperInstitution>(nameof(PaperInstitution.PaperId), nameof(PaperInstitution.InstitutionId));
        // Topics other sources scored (a seed paper's computed ones) are theirs, not the record's.
        _sweepTopics = Sweep<PaperTopic>(nameof(PaperTopic.PaperId), nameof(PaperTopic.TopicId), $"{Name<PaperTopic>(nameof(PaperTopic.ScoreSource))} = '{Source}'");
        _sweepCitations = Sweep<Citation>(nameof(Citation.CitingPaperId), nameof(Citation.CitedPaperId));
        _sweepPending = Sweep<PendingCitation>(nameof(PendingCitation.CitingPaperId), nameof(PendingCitation.CitedOpenAlexId));
        _sweepYears = Sweep<ReportedCitationsInYear>(nameof(ReportedCitationsInYear.PaperId), nameof(ReportedCitationsInYear.Year),
            $"{Name<ReportedCitationsInYear>(nameof(ReportedCitationsInYear.Source))} = '{Source}'", otherType: "integer");
    }

    /// <summary>References that became citations: to works stored before the citing one, and waiting ones whose work arrived.</summary>
    public long CitationsResolved => _citations.Written + _pendingResolved;

    /// <summary>
    /// Writes the work <paramref name="prepared"/> holds, unless the store holds a newer record of it
    /// (a later <c>updated_date</c>). A work an earlier record wrote has its authorships, institutions, topics, references and
    /// yearly counts replaced by this record's.
    /// </summary>
    public WorkOutcome Write(PreparedWork prepared)
    {
        var work = prepared.Work;
        var openAlexId = prepared.OpenAlexId;
        var doi = prepared.Doi;
        var paperKey = _keys.Papers.Resolve(openAlexId, doi, ImportKeys.FromOpenAlex(openAlexId), out var created);
        var updatedAt = prepared.UpdatedAt;
        var replaces = _keys.OpenAlexRecordDates.TryGetValue(paperKey, out var storedAt);
        if (replaces && updatedAt is { } at && at < storedAt)
        {
            // The stored record is newer and stays; references waiting for this record's id still find the work.
            ResolvePending(paperKey, openAlexId);
            return WorkOutcome.KeptNewer;
        }
        _keys.OpenAlexRecordDates[paperKey] = updatedAt ?? DateTime.MinValue;
        foreach (var kept in new System.Collections.IList[] { _keptAuthors, _keptInstitutions, _keptTopics, _keptCited, _keptPending, _keptYears })
            kept.Clear();
        // A record replacing one written earlier in this batch replaces its waiting references too.
        _batchPending.Remove(paperKey);

        _papers.Write(new Paper
        {
            Id = paperKey,
            Title = (work.DisplayName ?? work.Title)!,
            Abstract = prepared.Abstract,
            PublicationDate = prepared.PublicationDate,
            Doi = doi,
            ArxivId = work.Ids?.Arxiv,
            OpenAlexId = openAlexId,
            ReportedCitationCount = work.CitedByCount,
            ReportedCitationCountSource = work.CitedByCount is null ? null : Source,
            AuthorListTruncated = work.IsAuthorsTruncated ?? false,
            Type = work.Type,
            Language = work.Language,
            IsOpenAccess = work.OpenAccess?.IsOa,
            OpenAccessStatus = work.OpenAccess?.OaStatus,
            Keywords = prepared.Keywords,
            VenueId = WriteVenue(VenueOf(work)),
            ReportedFwci = work.Fwci,
            ReportedFwciSource = work.Fwci is null ? null : Source,
            ReportedUpdatedAt = updatedAt,
        });

        WriteAuthorships(work, paperKey);
        WriteTopics(work, paperKey);
        _yearCounts.Clear();
        foreach (var year in work.CountsByYear ?? [])
        {
            _yearCounts.Add([year.Year!.Value, year.CitedByCount!.Value]);
            _keptYears.Add(year.Year.Value);
        }
        if (_yearCounts.Count > 0)
            Run(_upsertYears, paperKey, _yearCounts);
        WriteReferences(prepared.References, paperKey, openAlexId);
        if (replaces)
        {
            Sweep(_sweepAuthorships, paperKey, _keptAuthors);
            Sweep(_sweepInstitutions, paperKey, _keptInstitutions);
            Sweep(_sweepTopics, paperKey, _keptTopics);
            Sweep(_sweepCitations, paperKey, _keptCited);
            Sweep(_sweepPending, paperKey, _keptPending);
            Sweep(_sweepYears, paperKey, _keptYears);
        }
        return created ? WorkOutcome.Created : WorkOutcome.Updated;
    }

    private static void Sweep<T>(DbCommand sweep, string paperKey, List<T> kept) => Run(sweep, paperKey, kept);

    // Runs a statement over the work keyed paperKey and a list of values, which it reads as the JSON array @keep.
    private static int Run<T>(DbCommand command, string paperKey, List<T> values)
    {
        command.Parameters["@key"].Value = paperKey;
        command.Parameters["@keep"].Value = System.Text.Json.JsonSerializer.Serialize(values);
        return command.ExecuteNonQuery();
    }

    /// <summary>The work's venue: <c>primary_location.source</c>, else the older <c>host_venue</c>; null when neither names one.</summary>
    public static OpenAlexSource? VenueOf(OpenAlexWork work) =>
        new[] { work.PrimaryLocation?.Source, work.HostVenue }
            .FirstOrDefault(v => v is not null && !string.IsNullOrWhiteSpace(v.DisplayName) && (ExternalIds.OpenAlex(v.Id) is not null || !string.IsNullOrWhiteSpace(v.IssnL)));

    private string? WriteVenue(OpenAlexSource? venue)
    {
        if (venue is null)
            return null;
        var openAlexId = ExternalIds.OpenAlex(venue.Id);
        var issnL = string.IsNullOrWhiteSpace(venue.IssnL) ? null : venue.IssnL.Trim().ToUpperInvariant();
        var key = _keys.Venues.Resolve(openAlexId, issnL, openAlexId is not null ? ImportKeys.FromOpenAlex(openAlexId) : ImportKeys.FromIssn(issnL!), out _);
        if (_keys.FirstWrite(_keys.Venues, key))
            _venues.Write(new Venue { Id = key, Name = venue.DisplayName!, OpenAlexId = openAlexId, IssnL = issnL, Type = venue.Type });
        return key;
    }

    private void WriteAuthorships(OpenAlexWork work, string paperKey)
    {
        var authorships = work.Authorships ?? [];
        var onPaper = new HashSet<string>(StringComparer.Ordinal);
        var institutionsOnPaper = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var authorship in authorships)
        {
            var author = authorship.Author!;
            var authorOpenAlex = ExternalIds.OpenAlex(author.Id);
            var orcid = ExternalIds.Orcid(author.Orcid);
            var preferred = authorOpenAlex is not null ? ImportKeys.FromOpenAlex(authorOpenAlex)
                : orcid is not null ? ImportKeys.FromOrcid(orcid)
                : ImportKeys.FromPosition(paperKey, position + 1);
            // An author known only by name is keyed by the work and position, which a later record of the work gives again.
            var authorKey = authorOpenAlex is null && orcid is null
                ? _keys.Authors.ResolveKey(preferred)
                : _keys.Authors.Resolve(authorOpenAlex, orcid, preferred, out _);
            // OpenAlex occasionally lists one author twice; the first place is the printed one.
            if (!onPaper.Add(authorKey))
                continue;
            position++;
            if (_keys.FirstWrite(_keys.Authors, authorKey))
                _authors.Write(new Author { Id = authorKey, Name = (author.DisplayName ?? authorship.RawAuthorName)!, OpenAlexId = authorOpenAlex, Orcid = orcid });
            if (authorOpenAlex is not null)
                RememberAlias(authorKey, authorOpenAlex);

            string? firstInstitution = null;
            var raw = new List<string>();
            foreach (var text in authorship.RawAffiliationStrings ?? (authorship.RawAffiliationString is { } one ? [one] : []))
            {
                if (!string.IsNullOrWhiteSpace(text) && !raw.Contains(text))
                    raw.Add(text);
            }
            foreach (var institution in authorship.Institutions ?? [])
            {
                if (!OpenAlexWorkReader.IsIdentified(institution))
                {
                    if (!string.IsNullOrWhiteSpace(institution.DisplayName) && !raw.Contains(institution.DisplayName))
                        raw.Add(institution.DisplayName);
                    continue;
                }
                var institutionKey = WriteInstitution(institution);
                firstInstitution ??= institutionKey;
                _affiliations.Write(new Affiliation { AuthorId = authorKey, InstitutionId = institutionKey });
                if (institutionsOnPaper.Add(institutionKey))
                {
                    _keptInstitutions.Add(institutionKey);
                    _paperInstitutions.Write(new PaperInstitution { PaperId = paperKey, InstitutionId = institutionKey, Position = institutionsOnPaper.Count });
                }
            }
            _keptAuthors.Add(authorKey);
            _authorships.Write(new Authorship
            {
                PaperId = paperKey, AuthorId = authorKey, Position = position, InstitutionId = firstInstitution,
                RawAuthorName = authorship.RawAuthorName, RawAffiliations = raw, IsCorresponding = authorship.IsCorresponding,
            });
        }
    }

    // An author found by ORCID under another OpenAlex id is one person with both ids: the second is kept on the author.
    private void RememberAlias(string authorKey, string openAlexId)
    {
        var own = _keys.Authors.OpenAlexOf(authorKey);
        if (own is null || own == openAlexId)
            return;
        if (!_keys.AuthorAliases.TryGetValue(authorKey, out var aliases))
            _keys.AuthorAliases[authorKey] = aliases = [];
        if (aliases.Contains(openAlexId))
            return;
        aliases.Add(openAlexId);
        _keys.Authors.RememberAlias(authorKey, openAlexId);
        _setAuthorAliases.Parameters["@key"].Value = authorKey;
        _setAuthorAliases.Parameters["@openAlex"].Value = System.Text.Json.JsonSerializer.Serialize(aliases);
        _setAuthorAliases.ExecuteNonQuery();
    }

    private string WriteInstitution(OpenAlexInstitution institution)
    {
        var openAlexId = ExternalIds.OpenAlex(institution.Id);
        var ror = ExternalIds.Ror(institution.Ror);
        var key = _keys.Institutions.Resolve(openAlexId, ror,
            openAlexId is not null ? ImportKeys.FromOpenAlex(openAlexId) : ImportKeys.FromRor(ror!), out _);
        if (_keys.FirstWrite(_keys.Institutions, key))
        {
            _institutions.Write(new Institution
            {
                Id = key, Name = institution.DisplayName!, OpenAlexId = openAlexId, Ror = ror,
                CountryCode = EntityRules.CountryCode(institution.CountryCode), Type = institution.Type,
            });
        }
        return key;
    }

    private void WriteTopics(OpenAlexWork work, string paperKey)
    {
        var topics = work.Topics ?? [];
        foreach (var topic in topics)
        {
            // Broadest first, so that each level's parent is written before it.
            var domain = WriteTopic(topic.Domain?.Id, topic.Domain?.DisplayName, TopicLevel.Domain, null);
            var field = WriteTopic(topic.Field?.Id, topic.Field?.DisplayName, TopicLevel.Field, domain);
            var subfield = WriteTopic(topic.Subfield?.Id, topic.Subfield?.DisplayName, TopicLevel.Subfield, field ?? domain);
            var key = WriteTopic(topic.Id, topic.DisplayName, TopicLevel.Topic, subfield ?? field ?? domain)!;
            _paperTopics.Write(new PaperTopic { PaperId = paperKey, TopicId = key, Score = topic.Score!.Value, ScoreSource = Source });
            _keptTopics.Add(key);
        }
        if (topics.Count > 0)
            return;
        // Older records tag works with concepts only; they stand in for topics. A concept scored 0 is one OpenAlex considered
        // and rejected (it lists ancestors that way), so it is not a topic of the work.
        var onPaper = new HashSet<string>(StringComparer.Ordinal);
        foreach (var concept in work.Concepts ?? [])
        {
            if (concept.Score is not > 0)
                continue;
            var key = WriteTopic(concept.Id, concept.DisplayName, TopicLevel.Concept, null, concept.Level)!;
            if (onPaper.Add(key))
            {
                _paperTopics.Write(new PaperTopic { PaperId = paperKey, TopicId = key, Score = concept.Score.Value, ScoreSource = Source });
                _keptTopics.Add(key);
            }
        }
    }

    private string? WriteTopic(string? id, string? name, TopicLevel level, string? parent, int? conceptLevel = null)
    {
        if (ExternalIds.OpenAlex(id) is not { } openAlexId)
            return null;
        var key = _keys.Topics.Resolve(openAlexId, null, ImportKeys.FromOpenAlex(openAlexId), out _);
        if (_keys.FirstWrite(_keys.Topics, key))
            _topics.Write(new Topic { Id = key, Name = name!, OpenAlexId = openAlexId, Level = level, ParentId = parent, ConceptLevel = conceptLevel });
        return key;
    }

    private void WriteReferences(List<string> references, string paperKey, string openAlexId)
    {
        foreach (var cited in references)
        {
            if (_keys.Papers.Find(cited) is { } citedKey)
            {
                if (citedKey != paperKey)
                {
                    _citations.Write(new Citation { CitingPaperId = paperKey, CitedPaperId = citedKey });
                    _keptCited.Add(citedKey);
                }
            }
            else
            {
                _keptPending.Add(cited);
            }
        }
        if (_keptPending.Count > 0)
            _batchPending[paperKey] = [.. _keptPending];
        ResolvePending(paperKey, openAlexId);
    }

    /// <summary>
    /// Ends the batch before its commit: references to works that arrived later in it become citations, and the rest are
    /// written as <see cref="PendingCitation"/>s.
    /// </summary>
    public void Flush()
    {
        var waiting = new List<string[]>();
        foreach (var (citing, references) in _batchPending)
        {
            foreach (var cited in references)
            {
                if (_keys.Papers.Find(cited) is not { } citedKey)
                    waiting.Add([citing, cited]);
                else if (citedKey != citing)
                    _citations.Write(new Citation { CitingPaperId = citing, CitedPaperId = citedKey });
            }
        }
        _batchPending.Clear();
        if (waiting.Count == 0)
            return;
        // In key order, so that the rows go into the table's key index one after the other.
        waiting.Sort((a, b) => string.CompareOrdinal(a[0], b[0]) is var byCiting and not 0 ? byCiting : string.CompareOrdinal(a[1], b[1]));
        _insertPending.Parameters["@keep"].Value = System.Text.Json.JsonSerializer.Serialize(waiting);
        _insertPending.ExecuteNonQuery();
        _storeHasPending = true;
    }

    private void ResolvePending(string paperKey, string openAlexId)
    {
        // Waiting references of this batch are in _batchPending, resolved by Flush; the store's only if it has any.
        if (!_storeHasPending)
            return;
        _resolvePending.Parameters["@key"].Value = paperKey;
        _resolvePending.Parameters["@openAlex"].Value = openAlexId;
        _pendingResolved += _resolvePending.ExecuteNonQuery();
        _deletePending.Parameters["@openAlex"].Value = openAlexId;
        _deletePending.ExecuteNonQuery();
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "@key", "@openAlex", "@keep" })
        {
            if (!sql.Contains(name, StringComparison.Ordinal))
                continue;
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = "";
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        foreach (var table in new UpsertTableWriter[]
                 { _papers, _authors, _institutions, _topics, _authorships, _affiliations, _paperInstitutions, _paperTopics, _citations, _venues })
            table.Dispose();
        foreach (var command in new[] { _sweepAuthorships, _sweepInstitutions, _sweepTopics, _sweepCitations, _sweepPending, _sweepYears,
                     _resolvePending, _deletePending, _setAuthorAliases, _insertPending, _upsertYears })
            command.Dispose();
    }
}

/// <summary>What <see cref="WorkRowWriter.Write"/> did with a work.</summary>
internal enum WorkOutcome
{
    /// <summary>The work was new to the store.</summary>
    Created,

    /// <summary>The work was stored and this record replaced what it said.</summary>
    Updated,

    /// <summary>The store holds a newer record of the work (a later <c>updated_date</c>), which stays.</summary>
    KeptNewer,
}
