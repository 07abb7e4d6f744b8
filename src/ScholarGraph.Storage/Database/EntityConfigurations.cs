using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Database.ChangeLog;

namespace ScholarGraph.Storage.Database;

/// <summary>
/// Table, key and index mappings of the domain entities, shared by every provider; PostgreSQL adds what its SQL needs to answer
/// the same queries the same way (<see cref="ConfigurePostgresConventions"/>, and the trigram indexes and null order below).
/// </summary>
public static class EntityConfigurations
{
    private const int KeyLength = 200;
    // A list of strings is a JSON text column on SQLite and a text[] on PostgreSQL; either defaults to empty.
    private const string EmptyJsonList = "'[]'";
    private const string EmptyArray = "'{}'";

    /// <summary>
    /// On PostgreSQL, every string column uses the collation <c>C</c>: names and titles then sort and compare by code point on every
    /// server whatever its locale, as SQLite's <c>BINARY</c> and .NET's ordinal order do, so a cursor continues the same order on
    /// both stores and a btree index serves <c>LIKE 'prefix%'</c>. Case folding (<c>ILIKE</c>, <c>lower()</c>) then folds ASCII
    /// letters only, as SQLite's does.
    /// </summary>
    public static void ConfigurePostgresConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<string>().UseCollation(PostgresCollation);

    /// <summary>The collation of every PostgreSQL string column: <c>C</c>, by code point.</summary>
    public const string PostgresCollation = "C";

    /// <summary>
    /// Applies every mapping to <paramref name="modelBuilder"/>. With <paramref name="postgres"/>, also the <c>pg_trgm</c>
    /// extension with a trigram GIN index on each name and title (so that <c>LIKE</c> and <c>ILIKE</c> with a pattern inside the
    /// text use an index), indexes on nullable sort keys with nulls first (the store sorts null as the smallest value), and the
    /// change log the server's instances share (<see cref="StoredGraphChange"/>).
    /// </summary>
    public static void Apply(ModelBuilder modelBuilder, bool postgres = false)
    {
        var emptyList = postgres ? EmptyArray : EmptyJsonList;
        if (postgres)
        {
            modelBuilder.HasPostgresExtension("pg_trgm");
            // Search folds diacritics as SQLite's tokenizer does (migration SearchIgnoresDiacritics).
            modelBuilder.HasPostgresExtension("unaccent");
            ApplyChangeLog(modelBuilder);
        }
        modelBuilder.Entity<Author>(author =>
        {
            author.Property(a => a.Id).HasMaxLength(KeyLength);
            author.Property(a => a.Name).HasMaxLength(500);
            author.HasIndex(a => a.Name);
            if (postgres)
                Trigram(author.HasIndex(a => a.Name, "IX_Authors_Name_trgm"));
            author.HasIndex(a => a.Orcid);
            author.HasIndex(a => a.OpenAlexId);
            author.Property(a => a.OtherOpenAlexIds).HasDefaultValueSql(emptyList);
        });

        modelBuilder.Entity<Paper>(paper =>
        {
            paper.Property(p => p.Id).HasMaxLength(KeyLength);
            var byDate = paper.HasIndex(p => p.PublicationDate);
            if (postgres)
            {
                byDate.HasNullSortOrder(NullSortOrder.NullsFirst);
                Trigram(paper.HasIndex(p => p.Title, "IX_Papers_Title_trgm"));
            }
            paper.HasIndex(p => p.Doi);
            paper.HasIndex(p => p.OpenAlexId);
            paper.Property(p => p.ReportedCitationCountSource).HasMaxLength(KeyLength);
            paper.Property(p => p.ReportedFwciSource).HasMaxLength(KeyLength);
            paper.Property(p => p.Type).HasMaxLength(50);
            paper.Property(p => p.Language).HasMaxLength(20);
            paper.Property(p => p.OpenAccessStatus).HasMaxLength(20);
            // JSON lists default to empty in the database too, so rows written by plain SQL (older tools, tests) stay valid.
            // Read and written through the property, whose getter gives an empty list for a paper that never set one (its
            // backing field is created when first read, as the related-row lists are).
            paper.Property(p => p.Keywords).HasDefaultValueSql(emptyList).UsePropertyAccessMode(PropertyAccessMode.Property);
            // Stored as written (UTC); SQLite keeps no kind, so it is given back on reading.
            paper.Property(p => p.ReportedUpdatedAt).HasConversion(v => v, v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
            paper.HasIndex(p => p.VenueId);
            // A venue that is deleted leaves its papers without one rather than taking them with it.
            paper.HasOne(p => p.Venue).WithMany(v => v.Papers).HasForeignKey(p => p.VenueId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<Institution>(institution =>
        {
            institution.Property(i => i.Id).HasMaxLength(KeyLength);
            institution.HasIndex(i => i.Ror);
            if (postgres)
                Trigram(institution.HasIndex(i => i.Name, "IX_Institutions_Name_trgm"));
            institution.HasIndex(i => i.OpenAlexId);
            institution.Property(i => i.Type).HasMaxLength(50);
        });

        modelBuilder.Entity<Venue>(venue =>
        {
            venue.Property(v => v.Id).HasMaxLength(KeyLength);
            venue.HasIndex(v => v.Name);
            if (postgres)
                Trigram(venue.HasIndex(v => v.Name, "IX_Venues_Name_trgm"));
            venue.HasIndex(v => v.OpenAlexId);
            venue.HasIndex(v => v.IssnL);
            venue.Property(v => v.IssnL).HasMaxLength(20);
            venue.Property(v => v.Type).HasMaxLength(50);
        });

        modelBuilder.Entity<ReportedCitationsInYear>(year =>
        {
            year.HasKey(y => new { y.PaperId, y.Source, y.Year });
            year.Property(y => y.Source).HasMaxLength(KeyLength);
            year.HasOne(y => y.Paper).WithMany(p => p.ReportedCitationsByYear).HasForeignKey(y => y.PaperId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Topic>(topic =>
        {
            topic.Property(t => t.Id).HasMaxLength(KeyLength);
            topic.HasIndex(t => t.Name);
            if (postgres)
                Trigram(topic.HasIndex(t => t.Name, "IX_Topics_Name_trgm"));
            topic.HasIndex(t => t.OpenAlexId);
            topic.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
            // A broader topic cannot be deleted while narrower ones belong to it, so the hierarchy never dangles.
            topic.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Authorship>(authorship =>
        {
            authorship.HasKey(a => new { a.PaperId, a.AuthorId });
            authorship.Property(a => a.RawAffiliations).HasDefaultValueSql(emptyList);
            // Coauthor and "papers of an author" queries start from the author side.
            authorship.HasIndex(a => new { a.AuthorId, a.PaperId });
            authorship.HasOne(a => a.Paper).WithMany(p => p.Authorships).HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Cascade);
            authorship.HasOne(a => a.Author).WithMany(a => a.Authorships).HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Cascade);
            authorship.HasOne(a => a.Institution).WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<Affiliation>(affiliation =>
        {
            affiliation.HasKey(a => new { a.AuthorId, a.InstitutionId });
            affiliation.HasIndex(a => new { a.InstitutionId, a.AuthorId });
            affiliation.HasOne(a => a.Author).WithMany(a => a.Affiliations).HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Cascade);
            affiliation.HasOne(a => a.Institution).WithMany(i => i.Affiliations).HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PaperInstitution>(link =>
        {
            link.HasKey(l => new { l.PaperId, l.InstitutionId });
            link.HasIndex(l => new { l.InstitutionId, l.PaperId });
            link.HasOne(l => l.Paper).WithMany(p => p.Institutions).HasForeignKey(l => l.PaperId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne(l => l.Institution).WithMany(i => i.Papers).HasForeignKey(l => l.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PaperTopic>(link =>
        {
            link.HasKey(l => new { l.PaperId, l.TopicId });
            link.HasIndex(l => new { l.TopicId, l.PaperId });
            link.Property(l => l.ScoreSource).HasMaxLength(KeyLength);
            link.HasOne(l => l.Paper).WithMany(p => p.Topics).HasForeignKey(l => l.PaperId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne(l => l.Topic).WithMany(t => t.Papers).HasForeignKey(l => l.TopicId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Citation>(citation =>
        {
            citation.HasKey(c => new { c.CitingPaperId, c.CitedPaperId });
            citation.HasIndex(c => new { c.CitedPaperId, c.CitingPaperId });
            citation.HasOne(c => c.CitingPaper).WithMany(p => p.References).HasForeignKey(c => c.CitingPaperId).OnDelete(DeleteBehavior.Cascade);
            citation.HasOne(c => c.CitedPaper).WithMany(p => p.CitedBy).HasForeignKey(c => c.CitedPaperId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PendingCitation>(pending =>
        {
            pending.HasKey(p => new { p.CitingPaperId, p.CitedOpenAlexId });
            // Resolved by the cited work's OpenAlex id when it arrives.
            pending.HasIndex(p => p.CitedOpenAlexId);
            pending.Property(p => p.CitedOpenAlexId).HasMaxLength(KeyLength);
            pending.HasOne(p => p.CitingPaper).WithMany().HasForeignKey(p => p.CitingPaperId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReportedAuthorMetrics>(metrics =>
        {
            metrics.HasKey(m => new { m.AuthorId, m.Source });
            metrics.Property(m => m.Source).HasMaxLength(KeyLength);
            metrics.HasOne(m => m.Author).WithMany(a => a.ReportedMetrics).HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    // A GIN index of the column's trigrams: it serves LIKE and ILIKE with the pattern anywhere in the text (contains, endsWith
    // and their ignoring-case forms), which a btree cannot.
    private static void Trigram(Microsoft.EntityFrameworkCore.Metadata.Builders.IndexBuilder index) =>
        index.HasMethod("gin").HasOperators("gin_trgm_ops");

    // The change log for the server's other instances (PostgreSQL only; see StoredGraphChange).
    private static void ApplyChangeLog(ModelBuilder modelBuilder) => modelBuilder.Entity<StoredGraphChange>(change =>
    {
        change.ToTable("GraphChanges");
        change.Property(c => c.Id).UseIdentityAlwaysColumn();
        change.Property(c => c.CommittedAt).HasDefaultValueSql("clock_timestamp()");
        change.Property(c => c.Instance).HasMaxLength(64);
        change.Property(c => c.Writer).HasMaxLength(64);
        change.HasIndex(c => c.CommittedAt);
    });
}
