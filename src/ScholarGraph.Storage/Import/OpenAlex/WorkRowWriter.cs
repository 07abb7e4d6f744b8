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
/// Writes OpenAlex works into one transaction through prepared upserts (<see cref="SqliteTableWriter"/>, the bulk loader's): each
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
    private readonly SqliteTableWriter<Paper> _papers;
    private readonly SqliteTableWriter<Author> _authors;
    private readonly SqliteTableWriter<Institution> _institutions;
    private readonly SqliteTableWriter<Topic> _topics;
    private readonly SqliteTableWriter<Authorship> _authorships;
    private readonly SqliteTableWriter<Affiliation> _affiliations;
    private readonly SqliteTableWriter<PaperInstitution> _paperInstitutions;
    private readonly SqliteTableWriter<PaperTopic> _paperTopics;
    private readonly SqliteTableWriter<Citation> _citations;
    private readonly SqliteTableWriter<PendingCitation> _pending;
    private readonly DbCommand _resolvePending;
    private readonly DbCommand _deletePending;
    private long _pendingResolved;

    public WorkRowWriter(ScholarGraphDbContext db, DbTransaction transaction, ImportKeyIndex keys)
    {
        _keys = keys;
        var connection = transaction.Connection!;
        SqliteTableWriter<T> Table<T>(params string[] merged) where T : class => SqliteTableWriter.Create<T>(db, connection, transaction, merged);
        _papers = Table<Paper>(nameof(Paper.Title), nameof(Paper.Abstract), nameof(Paper.PublicationDate), nameof(Paper.Doi),
            nameof(Paper.ArxivId), nameof(Paper.OpenAlexId), nameof(Paper.ReportedCitationCount), nameof(Paper.ReportedCitationCountSource));
        _authors = Table<Author>(nameof(Author.OpenAlexId), nameof(Author.Orcid));
        _institutions = Table<Institution>(nameof(Institution.OpenAlexId), nameof(Institution.Ror), nameof(Institution.CountryCode), nameof(Institution.Type));
        _topics = Table<Topic>(nameof(Topic.OpenAlexId), nameof(Topic.Level), nameof(Topic.ParentId));
        _authorships = Table<Authorship>(nameof(Authorship.Position), nameof(Authorship.InstitutionId));
        _affiliations = Table<Affiliation>();
        _paperInstitutions = Table<PaperInstitution>();
        _paperTopics = Table<PaperTopic>(nameof(PaperTopic.Score), nameof(PaperTopic.ScoreSource));
        _citations = Table<Citation>();
        _pending = Table<PendingCitation>();

        // References that waited for this work become citations, in two prepared statements named from the EF model.
        var sql = db.GetService<ISqlGenerationHelper>();
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
            + $"SELECT {citing}, $key FROM {pendingTable} WHERE {citedOpenAlex} = $openAlex AND {citing} <> $key ON CONFLICT DO NOTHING");
        _deletePending = Prepare(connection, transaction, $"DELETE FROM {pendingTable} WHERE {citedOpenAlex} = $openAlex");
    }

    /// <summary>References that became citations: to works stored before the citing one, and waiting ones whose work arrived.</summary>
    public long CitationsResolved => _citations.Written + _pendingResolved;

    /// <summary>Writes <paramref name="work"/>, which <see cref="WorkChecks"/> has passed; returns whether it was new to the store.</summary>
    public bool Write(OpenAlexWork work)
    {
        var openAlexId = ExternalIds.OpenAlex(work.Id)!;
        var doi = ExternalIds.Doi(work.Doi ?? work.Ids?.Doi);
        var paperKey = _keys.Papers.Resolve(openAlexId, doi, ImportKeys.FromOpenAlex(openAlexId), out var created);
        _papers.Write(new Paper
        {
            Id = paperKey,
            Title = (work.DisplayName ?? work.Title)!,
            Abstract = AbstractText.FromInvertedIndex(work.AbstractInvertedIndex),
            PublicationDate = work.PublicationDate is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd") : null,
            Doi = doi,
            ArxivId = work.Ids?.Arxiv,
            OpenAlexId = openAlexId,
            ReportedCitationCount = work.CitedByCount,
            ReportedCitationCountSource = work.CitedByCount is null ? null : Source,
        });

        WriteAuthorships(work, paperKey);
        WriteTopics(work, paperKey);
        WriteReferences(work, paperKey, openAlexId);
        return created;
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
            var authorKey = _keys.Authors.Resolve(authorOpenAlex, orcid, preferred, out _);
            // OpenAlex occasionally lists one author twice; the first place is the printed one.
            if (!onPaper.Add(authorKey))
                continue;
            position++;
            if (_keys.FirstWrite(_keys.Authors, authorKey))
                _authors.Write(new Author { Id = authorKey, Name = author.DisplayName!, OpenAlexId = authorOpenAlex, Orcid = orcid });

            string? firstInstitution = null;
            foreach (var institution in authorship.Institutions ?? [])
            {
                var institutionKey = WriteInstitution(institution);
                firstInstitution ??= institutionKey;
                _affiliations.Write(new Affiliation { AuthorId = authorKey, InstitutionId = institutionKey });
                if (institutionsOnPaper.Add(institutionKey))
                    _paperInstitutions.Write(new PaperInstitution { PaperId = paperKey, InstitutionId = institutionKey, Position = institutionsOnPaper.Count });
            }
            _authorships.Write(new Authorship { PaperId = paperKey, AuthorId = authorKey, Position = position, InstitutionId = firstInstitution });
        }
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
        foreach (var topic in work.Topics ?? [])
        {
            // Broadest first, so that each level's parent is written before it.
            var domain = WriteTopic(topic.Domain?.Id, topic.Domain?.DisplayName, TopicLevel.Domain, null);
            var field = WriteTopic(topic.Field?.Id, topic.Field?.DisplayName, TopicLevel.Field, domain);
            var subfield = WriteTopic(topic.Subfield?.Id, topic.Subfield?.DisplayName, TopicLevel.Subfield, field ?? domain);
            var key = WriteTopic(topic.Id, topic.DisplayName, TopicLevel.Topic, subfield ?? field ?? domain)!;
            _paperTopics.Write(new PaperTopic { PaperId = paperKey, TopicId = key, Score = topic.Score!.Value, ScoreSource = Source });
        }
    }

    private string? WriteTopic(string? id, string? name, TopicLevel level, string? parent)
    {
        if (ExternalIds.OpenAlex(id) is not { } openAlexId)
            return null;
        var key = _keys.Topics.Resolve(openAlexId, null, ImportKeys.FromOpenAlex(openAlexId), out _);
        if (_keys.FirstWrite(_keys.Topics, key))
            _topics.Write(new Topic { Id = key, Name = name!, OpenAlexId = openAlexId, Level = level, ParentId = parent });
        return key;
    }

    private void WriteReferences(OpenAlexWork work, string paperKey, string openAlexId)
    {
        foreach (var reference in work.ReferencedWorks ?? [])
        {
            if (ExternalIds.OpenAlex(reference) is not { } cited || cited == openAlexId)
                continue;
            if (_keys.Papers.Find(cited) is { } citedKey)
            {
                if (citedKey != paperKey)
                    _citations.Write(new Citation { CitingPaperId = paperKey, CitedPaperId = citedKey });
            }
            else
            {
                _pending.Write(new PendingCitation { CitingPaperId = paperKey, CitedOpenAlexId = cited });
            }
        }
        _resolvePending.Parameters["$key"].Value = paperKey;
        _resolvePending.Parameters["$openAlex"].Value = openAlexId;
        _pendingResolved += _resolvePending.ExecuteNonQuery();
        _deletePending.Parameters["$openAlex"].Value = openAlexId;
        _deletePending.ExecuteNonQuery();
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "$key", "$openAlex" })
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
        foreach (var table in new SqliteTableWriter[]
                 { _papers, _authors, _institutions, _topics, _authorships, _affiliations, _paperInstitutions, _paperTopics, _citations, _pending })
            table.Dispose();
        _resolvePending.Dispose();
        _deletePending.Dispose();
    }
}
