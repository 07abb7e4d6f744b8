using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;

using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.Storage.Tests.Import;

/// <summary>
/// The forms real OpenAlex records come in, one hand-made record each (<c>Import/openalex-odd-forms.jsonl</c>, works
/// <c>W8800001</c>-<c>W8800010</c>): wrapped and string abstracts, an institution without ids, a work without authors, one
/// without a title, the older <c>host_venue</c> and <c>concepts</c>, the current <c>primary_location</c> with truncation and
/// open access, one person under two author ids; and re-imports that follow the newer record.
/// </summary>
public abstract class OpenAlexOddFormsTests(TestStore store) : IDisposable
{
    private static readonly string OddFormsPath = Path.Combine(AppContext.BaseDirectory, "Import", "openalex-odd-forms.jsonl");
    private readonly ImportTestStore _import = new(store);

    public void Dispose() => _import.Dispose();

    private ScholarGraphDbContext Context() => _import.Context();

    private Task<ImportSummary> ImportAsync(params string[] files) => _import.ImportAsync(files);

    private string WriteFile(string name, params string[] lines) => _import.WriteFile(name, lines);

    private static string Line(int work) => File.ReadLines(OddFormsPath).ElementAt(work - 1);

    [Fact]
    public async Task Every_record_with_a_title_is_imported_and_the_untitled_one_is_skipped_with_its_reason()
    {
        var summary = await ImportAsync(OddFormsPath);

        Assert.Equal((10, 9), (summary.WorksRead, summary.WorksWritten));
        var problem = Assert.Single(summary.Problems);
        Assert.Equal("openalex-odd-forms.jsonl:6", problem.Location);
        Assert.Equal("$.display_name is missing: every work needs a title", problem.Reason);
        Assert.False(summary.Complete);
        var group = Assert.Single(summary.ProblemsByKind());
        Assert.Equal((problem.Kind, 1), (group.Kind, group.Count));
        Assert.Equal(["openalex-odd-forms.jsonl:6"], group.FirstLocations);
    }

    [Fact]
    public async Task Abstracts_in_the_wrapped_form_as_an_object_or_a_string_and_under_the_v3_name_are_rebuilt()
    {
        await ImportAsync(OddFormsPath);

        await using var db = Context();
        var abstracts = await db.Papers.Where(p => p.Id == "W8800001" || p.Id == "W8800002" || p.Id == "W8800003").Select(p => p.Abstract).ToListAsync();
        Assert.Equal(["Sparse graphs are sparse graphs", "Sparse graphs are sparse graphs", "Sparse graphs are sparse graphs"], abstracts);
    }

    [Fact]
    public async Task An_institution_without_an_id_or_ror_is_kept_as_a_raw_affiliation_of_the_authorship()
    {
        await ImportAsync(OddFormsPath);

        await using var db = Context();
        var authorship = await db.Authorships.SingleAsync(a => a.PaperId == "W8800004");
        Assert.Equal(("A8800001", "I8800001", "A. Odd", true), (authorship.AuthorId, authorship.InstitutionId, authorship.RawAuthorName, authorship.IsCorresponding));
        Assert.Equal(["Odd University, Auckland", "Nurse Manager, Fairleigh Lodge, Auckland, New Zealand."], authorship.RawAffiliations);
        Assert.Equal(["I8800001"], await db.Institutions.Select(i => i.Id).ToListAsync());
    }

    [Fact]
    public async Task A_work_without_authors_is_kept()
    {
        await ImportAsync(OddFormsPath);

        await using var db = Context();
        Assert.True(await db.Papers.AnyAsync(p => p.Id == "W8800005"));
        Assert.False(await db.Authorships.AnyAsync(a => a.PaperId == "W8800005"));
    }

    [Fact]
    public async Task The_older_host_venue_and_the_current_source_are_one_venue_by_issn_l_and_concepts_stand_in_for_topics()
    {
        await ImportAsync(OddFormsPath);

        await using var db = Context();
        var venue = await db.Venues.SingleAsync();
        Assert.Equal(("V8800001", "Journal of Odd Forms", "V8800001", "1234-5678", "journal"), (venue.Id, venue.Name, venue.OpenAlexId, venue.IssnL, venue.Type));
        Assert.Equal(["W8800007", "W8800008"], await db.Papers.Where(p => p.VenueId == venue.Id).Select(p => p.Id).OrderBy(id => id).ToListAsync());
        // The concept scored 0 is one OpenAlex rejected; the other is the work's topic, with its level.
        var topic = await db.PaperTopics.Include(t => t.Topic).SingleAsync(t => t.PaperId == "W8800007");
        Assert.Equal(("C8800001", "Oddity", TopicLevel.Concept, 0, 0.7), (topic.TopicId, topic.Topic!.Name, topic.Topic.Level!.Value, topic.Topic.ConceptLevel!.Value, topic.Score));
        var older = await db.Papers.SingleAsync(p => p.Id == "W8800007");
        Assert.Equal(["odd forms"], older.Keywords);
        Assert.Equal(new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc), older.ReportedUpdatedAt);
        // Read as columns, not as one tuple, which PostgreSQL would send as a record.
        Assert.Equal([(2021, 2), (2022, 3)], (await db.ReportedCitationsByYear.Where(y => y.PaperId == "W8800007")
            .OrderBy(y => y.Year).Select(y => new { y.Year, y.CitationCount }).ToListAsync()).Select(y => (y.Year, y.CitationCount)));
    }

    [Fact]
    public async Task What_users_ask_for_of_a_current_record_is_kept_with_its_source_and_date()
    {
        await ImportAsync(OddFormsPath);

        await using var db = Context();
        var paper = await db.Papers.SingleAsync(p => p.Id == "W8800008");
        Assert.True(paper.AuthorListTruncated);
        Assert.Equal(("article", "en", true, "gold"), (paper.Type, paper.Language, paper.IsOpenAccess, paper.OpenAccessStatus));
        Assert.Equal(["Odd"], paper.Keywords);
        Assert.Equal((7, "openalex", 1.25, "openalex"), (paper.ReportedCitationCount, paper.ReportedCitationCountSource, paper.ReportedFwci, paper.ReportedFwciSource));
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), paper.ReportedUpdatedAt);
        Assert.True(await db.Citations.AnyAsync(c => c.CitingPaperId == "W8800008" && c.CitedPaperId == "W8800007"));
    }

    [Fact]
    public async Task Two_author_ids_with_one_orcid_are_one_author_keeping_both_ids_in_this_import_and_the_next()
    {
        await ImportAsync(OddFormsPath);
        await ImportAsync(OddFormsPath);

        await using var db = Context();
        var author = await db.Authors.SingleAsync(a => a.Orcid == "0000-0002-8800-0001");
        Assert.Equal(("A8800091", "A8800091"), (author.Id, author.OpenAlexId));
        Assert.Equal(["A8800092"], author.OtherOpenAlexIds);
        Assert.Equal(["W8800009", "W8800010"], await db.Authorships.Where(a => a.AuthorId == author.Id).Select(a => a.PaperId).OrderBy(id => id).ToListAsync());
    }

    [Fact]
    public async Task A_second_import_changes_nothing()
    {
        await ImportAsync(OddFormsPath);
        var before = await StoreDump.AllRowsAsync(Context);

        var again = await ImportAsync(OddFormsPath);

        Assert.Equal((0, 0, 0), (again.WorksCreated, again.AuthorsCreated, again.CitationsResolved));
        Assert.Equal(before, await StoreDump.AllRowsAsync(Context));
    }

    [Fact]
    public async Task A_newer_record_replaces_the_works_authors_institutions_topics_and_references_and_an_older_one_changes_nothing()
    {
        const string Work = """
            {"id": "https://openalex.org/W8800100", "display_name": "Replaced", "updated_date": "DATE", "authorships": [AUTHORS],
             "topics": [TOPICS], "referenced_works": [REFS], "counts_by_year": [{"year": 2024, "cited_by_count": 1}]}
            """;
        static string Author(int n) => $$"""{"author": {"id": "https://openalex.org/A88001{{n}}", "display_name": "Author {{n}}"}, "institutions": [{"id": "https://openalex.org/I88001{{n}}", "display_name": "Institution {{n}}"}]}""";
        static string Topic(int n) => $$"""{"id": "https://openalex.org/T88001{{n}}", "display_name": "Topic {{n}}", "score": 0.5}""";
        static string Record(string date, int[] authors, int[] topics, string[] refs) => Work.Replace("\n", " ").Replace("DATE", date)
            .Replace("AUTHORS", string.Join(", ", authors.Select(Author))).Replace("TOPICS", string.Join(", ", topics.Select(Topic)))
            .Replace("REFS", string.Join(", ", refs.Select(r => $"\"https://openalex.org/{r}\"")));
        var first = WriteFile("first.jsonl", Record("2025-01-01T00:00:00", [1, 2], [1, 2], ["W8800001", "W9999999"]), Line(1));
        var newer = WriteFile("newer.jsonl", Record("2025-06-01T00:00:00", [2], [2], ["W9999998"]));
        var older = WriteFile("older.jsonl", Record("2024-01-01T00:00:00", [1, 2, 3], [1, 3], ["W8800001"]));

        await ImportAsync(first);
        await ImportAsync(newer);
        var afterNewer = await StoreDump.AllRowsAsync(Context);
        var summary = await ImportAsync(older);

        Assert.Equal((1, 0, 1), (summary.WorksRead, summary.WorksWritten, summary.WorksKeptNewer));
        Assert.True(summary.Complete);
        Assert.Equal(afterNewer, await StoreDump.AllRowsAsync(Context));
        await using var db = Context();
        Assert.Equal(["A880012"], await db.Authorships.Where(a => a.PaperId == "W8800100").Select(a => a.AuthorId).ToListAsync());
        Assert.Equal(["I880012"], await db.PaperInstitutions.Where(a => a.PaperId == "W8800100").Select(a => a.InstitutionId).ToListAsync());
        Assert.Equal(["T880012"], await db.PaperTopics.Where(a => a.PaperId == "W8800100").Select(a => a.TopicId).ToListAsync());
        Assert.False(await db.Citations.AnyAsync(c => c.CitingPaperId == "W8800100"));
        Assert.Equal(["W9999998"], await db.PendingCitations.Where(c => c.CitingPaperId == "W8800100").Select(c => c.CitedOpenAlexId).ToListAsync());
        Assert.Equal(1, await db.ReportedCitationsByYear.CountAsync(y => y.PaperId == "W8800100"));
        Assert.Equal(new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), (await db.Papers.SingleAsync(p => p.Id == "W8800100")).ReportedUpdatedAt);
    }
}

public sealed class SqliteOpenAlexOddFormsTests(SqliteTestStore store) : OpenAlexOddFormsTests(store), IClassFixture<SqliteTestStore>;

[RequiresPostgres]
public sealed class PostgresOpenAlexOddFormsTests(PostgresTestStore store) : OpenAlexOddFormsTests(store), IClassFixture<PostgresTestStore>;
