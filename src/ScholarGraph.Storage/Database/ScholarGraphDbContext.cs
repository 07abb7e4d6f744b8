using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;

namespace ScholarGraph.Storage.Database;

/// <summary>
/// The EF Core unit of work over the scholarly graph. Entity mappings live in <see cref="EntityConfigurations"/>. Every provider
/// uses this type; only the PostgreSQL migrations belong to a type of their own (<see cref="Postgres.PostgresMigrationContext"/>),
/// since EF Core keeps one migration set per context type.
/// </summary>
public class ScholarGraphDbContext : DbContext
{
    /// <summary>The context on <paramref name="options"/>.</summary>
    public ScholarGraphDbContext(DbContextOptions<ScholarGraphDbContext> options) : base(options)
    {
    }

    /// <summary>For a derived context (the PostgreSQL migrations' own type) on options of its own type.</summary>
    protected ScholarGraphDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>Researchers.</summary>
    public DbSet<Author> Authors => Set<Author>();

    /// <summary>Scholarly works.</summary>
    public DbSet<Paper> Papers => Set<Paper>();

    /// <summary>Universities, labs and companies.</summary>
    public DbSet<Institution> Institutions => Set<Institution>();

    /// <summary>Journals, conferences, repositories and other places papers are published.</summary>
    public DbSet<Venue> Venues => Set<Venue>();

    /// <summary>Citations per paper and year as outside sources report them.</summary>
    public DbSet<ReportedCitationsInYear> ReportedCitationsByYear => Set<ReportedCitationsInYear>();

    /// <summary>Research topics.</summary>
    public DbSet<Topic> Topics => Set<Topic>();

    /// <summary>Author-paper links.</summary>
    public DbSet<Authorship> Authorships => Set<Authorship>();

    /// <summary>Author-institution links.</summary>
    public DbSet<Affiliation> Affiliations => Set<Affiliation>();

    /// <summary>Paper-institution links.</summary>
    public DbSet<PaperInstitution> PaperInstitutions => Set<PaperInstitution>();

    /// <summary>Paper-topic links.</summary>
    public DbSet<PaperTopic> PaperTopics => Set<PaperTopic>();

    /// <summary>Paper-cites-paper links.</summary>
    public DbSet<Citation> Citations => Set<Citation>();

    /// <summary>References from stored papers to works not (yet) stored, waiting to become citations.</summary>
    public DbSet<PendingCitation> PendingCitations => Set<PendingCitation>();

    /// <summary>Metrics outside sources report about authors.</summary>
    public DbSet<ReportedAuthorMetrics> ReportedAuthorMetrics => Set<ReportedAuthorMetrics>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsNpgsql())
            EntityConfigurations.ConfigurePostgresConventions(configurationBuilder);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        EntityConfigurations.Apply(modelBuilder, postgres: Database.IsNpgsql());
}
