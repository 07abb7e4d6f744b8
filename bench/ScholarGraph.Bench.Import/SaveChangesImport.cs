using ScholarGraph.Storage.Validation;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;
using ScholarGraph.Storage.Import.OpenAlex;

namespace ScholarGraph.Bench.Import;

/// <summary>
/// The comparison path: the same works into a fresh store through EF Core's change tracker, <c>AddRange</c> and one
/// <c>SaveChanges</c> per batch, keyed as the importer keys them and deduplicated within the file by OpenAlex id. It is a baseline
/// for speed, not an importer: it assumes an empty store (no merge with stored rows, no rerun) and a file whose works cite only
/// works before them (true of the generated file), so it needs no pending references.
/// </summary>
internal static class SaveChangesImport
{
    public static async Task<long> RunAsync(ScholarGraphDbContext db, string path, int batchSize)
    {
        await StoreSchema.EnsureAsync(db);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var known = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<object>();
        long works = 0;
        await foreach (var line in OpenAlexWorkReader.ReadFileAsync(path))
        {
            if (line.Work is not { } work)
                continue;
            Add(work, known, batch);
            if (++works % batchSize == 0)
                await SaveAsync(db, batch);
        }
        await SaveAsync(db, batch);
        return works;
    }

    private static async Task SaveAsync(ScholarGraphDbContext db, List<object> batch)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AddRange(batch);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    private static void Add(OpenAlexWork work, HashSet<string> known, List<object> rows)
    {
        var key = ImportKeys.FromOpenAlex(ExternalIds.OpenAlex(work.Id)!);
        known.Add("W:" + key);
        rows.Add(new Paper
        {
            Id = key, Title = work.DisplayName!, Abstract = AbstractText.FromInvertedIndex(work.AbstractInvertedIndex),
            PublicationDate = work.PublicationDate is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd") : null,
            Doi = ExternalIds.Doi(work.Doi), OpenAlexId = ExternalIds.OpenAlex(work.Id),
            ReportedCitationCount = work.CitedByCount, ReportedCitationCountSource = "openalex",
        });
        var position = 0;
        var paperInstitutions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var authorship in work.Authorships ?? [])
        {
            var author = ImportKeys.FromOpenAlex(ExternalIds.OpenAlex(authorship.Author!.Id)!);
            if (known.Add("A:" + author))
                rows.Add(new Author { Id = author, Name = authorship.Author.DisplayName!, OpenAlexId = ExternalIds.OpenAlex(authorship.Author.Id) });
            string? first = null;
            foreach (var institution in authorship.Institutions ?? [])
            {
                var id = ImportKeys.FromOpenAlex(ExternalIds.OpenAlex(institution.Id)!);
                first ??= id;
                if (known.Add("I:" + id))
                {
                    rows.Add(new Institution
                    {
                        Id = id, Name = institution.DisplayName!, OpenAlexId = ExternalIds.OpenAlex(institution.Id),
                        CountryCode = institution.CountryCode, Type = institution.Type,
                    });
                }
                if (known.Add($"AI:{author}:{id}"))
                    rows.Add(new Affiliation { AuthorId = author, InstitutionId = id });
                if (paperInstitutions.Add(id))
                    rows.Add(new PaperInstitution { PaperId = key, InstitutionId = id, Position = paperInstitutions.Count });
            }
            rows.Add(new Authorship { PaperId = key, AuthorId = author, Position = ++position, InstitutionId = first });
        }
        foreach (var topic in work.Topics ?? [])
        {
            string? parent = null;
            foreach (var (id, name, level) in new[]
                     {
                         (topic.Domain!.Id, topic.Domain.DisplayName, TopicLevel.Domain), (topic.Field!.Id, topic.Field.DisplayName, TopicLevel.Field),
                         (topic.Subfield!.Id, topic.Subfield.DisplayName, TopicLevel.Subfield), (topic.Id, topic.DisplayName, TopicLevel.Topic),
                     })
            {
                var openAlexId = ExternalIds.OpenAlex(id)!;
                var topicKey = ImportKeys.FromOpenAlex(openAlexId);
                if (known.Add("T:" + topicKey))
                    rows.Add(new Topic { Id = topicKey, Name = name!, OpenAlexId = openAlexId, Level = level, ParentId = parent });
                parent = topicKey;
            }
            rows.Add(new PaperTopic { PaperId = key, TopicId = parent!, Score = topic.Score!.Value, ScoreSource = "openalex" });
        }
        foreach (var reference in work.ReferencedWorks ?? [])
        {
            var cited = ImportKeys.FromOpenAlex(ExternalIds.OpenAlex(reference)!);
            if (known.Contains("W:" + cited))
                rows.Add(new Citation { CitingPaperId = key, CitedPaperId = cited });
        }
    }
}
