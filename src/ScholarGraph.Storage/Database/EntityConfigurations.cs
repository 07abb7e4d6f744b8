using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;

namespace ScholarGraph.Storage.Database;

/// <summary>Table, key and index mappings of the domain entities, shared by every provider.</summary>
public static class EntityConfigurations
{
    private const int KeyLength = 200;
    private const string EmptyJsonList = "'[]'";

    /// <summary>Applies every mapping to <paramref name="modelBuilder"/>.</summary>
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Author>(author =>
        {
            author.Property(a => a.Id).HasMaxLength(KeyLength);
            author.Property(a => a.Name).HasMaxLength(500);
            author.HasIndex(a => a.Name);
            author.HasIndex(a => a.Orcid);
            author.HasIndex(a => a.OpenAlexId);
            author.Property(a => a.OtherOpenAlexIds).HasDefaultValueSql(EmptyJsonList);
        });

        modelBuilder.Entity<Paper>(paper =>
        {
            paper.Property(p => p.Id).HasMaxLength(KeyLength);
            paper.HasIndex(p => p.PublicationDate);
            paper.HasIndex(p => p.Doi);
            paper.HasIndex(p => p.OpenAlexId);
            paper.Property(p => p.ReportedCitationCountSource).HasMaxLength(KeyLength);
            paper.Property(p => p.ReportedFwciSource).HasMaxLength(KeyLength);
            paper.Property(p => p.Type).HasMaxLength(50);
            paper.Property(p => p.Language).HasMaxLength(20);
            paper.Property(p => p.OpenAccessStatus).HasMaxLength(20);
            // JSON lists default to empty in the database too, so rows written by plain SQL (older tools, tests) stay valid.
            paper.Property(p => p.Keywords).HasDefaultValueSql(EmptyJsonList);
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
            institution.HasIndex(i => i.OpenAlexId);
            institution.Property(i => i.Type).HasMaxLength(50);
        });

        modelBuilder.Entity<Venue>(venue =>
        {
            venue.Property(v => v.Id).HasMaxLength(KeyLength);
            venue.HasIndex(v => v.Name);
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
            topic.HasIndex(t => t.OpenAlexId);
            topic.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
            // A broader topic cannot be deleted while narrower ones belong to it, so the hierarchy never dangles.
            topic.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Authorship>(authorship =>
        {
            authorship.HasKey(a => new { a.PaperId, a.AuthorId });
            authorship.Property(a => a.RawAffiliations).HasDefaultValueSql(EmptyJsonList);
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
}
