using ScholarGraph.Storage.Validation;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Search;

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
    private readonly UpsertTableWriter<ReportedCitationsInYear> _years;
    // Every table writer, parents before children: on PostgreSQL their rows wait in memory and go in this order (FlushTables).
    private readonly UpsertTableWriter[] _tables;
    // Statements over sets, run where the batch ends, each over a JSON array (@keep): references waiting in the store for the
    // works that arrived in this batch become citations and stop waiting; authors' further OpenAlex ids are set.
    private readonly DbCommand _resolvePending;
    // The batch's waiting references, all in one statement: about 60,000 rows for the real OpenAlex file's 1,680 works, where
    // an upsert per row cost as much again outside SQLite as in it.
    private readonly DbCommand _writePending;
    private readonly DbCommand _deletePending;
    private readonly DbCommand _setAuthorAliases;
    // What a newer record of a work replaces: each DELETEs the work's rows of one table that the record no longer names (@keep,
    // a JSON array of their other key column), so that rows it still names are left untouched and a rerun changes nothing.
    private readonly DbCommand _sweepAuthorships, _sweepInstitutions, _sweepTopics, _sweepCitations, _sweepPending, _sweepYears;
    // The rows of the work being written, by their other key column, for the sweeps.
    private readonly List<string> _keptAuthors = [], _keptInstitutions = [], _keptTopics = [], _keptCited = [], _keptPending = [];
    private readonly List<int> _keptYears = [];
    // References of this batch's works to works not found when they were written, by citing work: at the batch's end those
    // whose work arrived later in the batch become citations, and the rest are written as waiting ones, sorted, in one statement.
    private readonly Dictionary<string, List<string>> _batchPending = new(StringComparer.Ordinal);
    // The works of this batch, as [key, OpenAlex id] pairs, that waiting references of the store may name.
    private readonly List<string[]> _arrived = [];
    // Authors whose further OpenAlex ids this batch changed.
    private readonly HashSet<string> _aliasesChanged = new(StringComparer.Ordinal);
    // Papers with rows handed to the table writers since they were last flushed (on PostgreSQL, still in memory).
    private readonly HashSet<string> _unflushedPapers = new(StringComparer.Ordinal);
    // Whether the store held waiting references when the batch began: only then can an arriving work resolve stored ones.
    private readonly bool _storeHasPending;
    // The search tables' index of the batch's rows, written by sets at its end (Flush).
    private readonly BulkSearchIndex _search;
    // The secondary indexes of tables empty at the batch's start, built after its rows (Flush).
    private readonly DeferredIndexes _indexes;
    private long _pendingResolved;

    public WorkRowWriter(ScholarGraphDbContext db, DbTransaction transaction, ImportKeyIndex keys)
    {
        _keys = keys;
        var connection = transaction.Connection!;
        // Before the statements are prepared: it changes the schema (the search triggers), which would make SQLite prepare them again.
        _search = BulkSearchIndex.Begin(connection, transaction);
        // Into an empty store (a first import), each secondary index is built once from the batch's rows instead of row by row.
        _indexes = DeferredIndexes.Begin(connection, transaction, new[]
        {
            typeof(Paper), typeof(Author), typeof(Institution), typeof(Topic), typeof(Venue), typeof(Authorship), typeof(Affiliation),
            typeof(PaperInstitution), typeof(PaperTopic), typeof(Citation), typeof(ReportedCitationsInYear), typeof(PendingCitation),
        }.Select(type => db.Model.FindEntityType(type)!.GetTableName()!));
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
        _years = Table<ReportedCitationsInYear>(nameof(ReportedCitationsInYear.CitationCount));
        _tables = [_venues, _topics, _institutions, _authors, _papers, _authorships, _affiliations, _paperInstitutions, _paperTopics,
            _citations, _years];

        // References that waited for this work become citations, in two prepared statements named from the EF model.
        var dialect = BulkSql.For(db);
        var model = new ModelRows(db);
        string Name<T>(string property) => model.Column<T>(property);
        string TableOf<T>() => model.Table<T>();
        var pendingTable = TableOf<PendingCitation>();
        var citing = Name<PendingCitation>(nameof(PendingCitation.CitingPaperId));
        var citedOpenAlex = Name<PendingCitation>(nameof(PendingCitation.CitedOpenAlexId));
        // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join's ON after a SELECT.
        _resolvePending = Prepare(connection, transaction,
            $"INSERT INTO {TableOf<Citation>()} ({Name<Citation>(nameof(Citation.CitingPaperId))}, {Name<Citation>(nameof(Citation.CitedPaperId))}) "
            + $"SELECT p.{citing}, a.work FROM {pendingTable} AS p JOIN (SELECT {dialect.Item(0)} AS work, {dialect.Item(1)} AS openalex {dialect.Rows("@keep")}) AS a "
            + $"ON p.{citedOpenAlex} = a.openalex WHERE p.{citing} <> a.work ON CONFLICT DO NOTHING");
        _writePending = Prepare(connection, transaction,
            $"INSERT INTO {pendingTable} ({citing}, {citedOpenAlex}) SELECT {dialect.Item(0)}, {dialect.Item(1)} {dialect.Rows("@keep")} WHERE true ON CONFLICT DO NOTHING");
        _deletePending = Prepare(connection, transaction,
            $"DELETE FROM {pendingTable} WHERE {citedOpenAlex} IN (SELECT {dialect.Item(1)} {dialect.Rows("@keep")})");
        using (var any = connection.CreateCommand())
        {
            any.Transaction = transaction;
            any.CommandText = $"SELECT EXISTS (SELECT 1 FROM {pendingTable})";
            _storeHasPending = Convert.ToInt64(any.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
        }
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
            _arrived.Add([paperKey, openAlexId]);
            return WorkOutcome.KeptNewer;
        }
        // A record replacing one whose rows still wait in memory (PostgreSQL) sends those first, so that the sweeps below
        // see them and remove what this record no longer names.
        if (replaces && _unflushedPapers.Contains(paperKey))
            FlushTables();
        _unflushedPapers.Add(paperKey);
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
        foreach (var year in work.CountsByYear ?? [])
        {
            _years.Write(new ReportedCitationsInYear { PaperId = paperKey, Source = Source, Year = year.Year!.Value, CitationCount = year.CitedByCount!.Value });
            _keptYears.Add(year.Year.Value);
        }
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

    private static void Sweep<T>(DbCommand sweep, string paperKey, List<T> kept)
    {
        sweep.Parameters["@key"].Value = paperKey;
        Run(sweep, kept);
    }

    // Runs a statement over a list of values, which it reads as the JSON array @keep.
    private static int Run<T>(DbCommand command, List<T> values)
    {
        command.Parameters["@keep"].Value = System.Text.Json.JsonSerializer.Serialize(values, typeof(List<T>), OpenAlexJson.Default);
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
        _aliasesChanged.Add(authorKey);
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
        _arrived.Add([paperKey, openAlexId]);
    }

    /// <summary>
    /// Ends the batch before its commit: references to works that arrived later in it become citations, the rest are
    /// written as <see cref="PendingCitation"/>s, the rows still in memory are written, references the store held for the
    /// batch's works become citations, authors' further ids are set, the batch's new and changed rows are indexed for
    /// search (<see cref="BulkSearchIndex"/>), and the indexes of tables that were empty are built (<see cref="DeferredIndexes"/>).
    /// Nothing may be written after it.
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
        // Parents first (PostgreSQL checks the citing works' keys at each statement).
        FlushTables();
        if (waiting.Count > 0)
        {
            // In key order, so that the rows go into the table's key index one after the other.
            waiting.Sort((a, b) => string.CompareOrdinal(a[0], b[0]) is var byCiting and not 0 ? byCiting : string.CompareOrdinal(a[1], b[1]));
            Run(_writePending, waiting);
        }
        // Waiting references of this batch were resolved above; the store's only if it had any when the batch began.
        if (_storeHasPending && _arrived.Count > 0)
        {
            _pendingResolved += Run(_resolvePending, _arrived);
            Run(_deletePending, _arrived);
        }
        _arrived.Clear();
        foreach (var author in _aliasesChanged)
        {
            _setAuthorAliases.Parameters["@key"].Value = author;
            _setAuthorAliases.Parameters["@openAlex"].Value = System.Text.Json.JsonSerializer.Serialize(_keys.AuthorAliases[author], OpenAlexJson.Default.ListString);
            _setAuthorAliases.ExecuteNonQuery();
        }
        _aliasesChanged.Clear();
        _search.Complete();
        _indexes.Complete();
    }

    // Sends the rows the table writers hold (PostgreSQL), parents first; on SQLite they are written already.
    private void FlushTables()
    {
        foreach (var table in _tables)
            table.Flush();
        _unflushedPapers.Clear();
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
        foreach (var table in _tables)
            table.Dispose();
        foreach (var command in new[] { _sweepAuthorships, _sweepInstitutions, _sweepTopics, _sweepCitations, _sweepPending, _sweepYears,
                     _resolvePending, _writePending, _deletePending, _setAuthorAliases })
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
