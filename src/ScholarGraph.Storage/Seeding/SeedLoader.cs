using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Seeding;

/// <summary>What a seed load did, row by row.</summary>
/// <param name="Inserted">Rows that were new.</param>
/// <param name="Updated">Rows that existed with other values and were changed.</param>
/// <param name="Unchanged">Rows that existed with the same values.</param>
public sealed record SeedLoadResult(int Inserted, int Updated, int Unchanged);

/// <summary>
/// Upserts a validated <see cref="SeedGraph"/> into the store, keyed on ids: new rows are inserted, rows whose values differ are
/// updated, and rows the seed does not mention are left alone. Everything is saved in one <c>SaveChanges</c>, which relational
/// providers run in one transaction, so a failure writes nothing.
/// </summary>
public static class SeedLoader
{
    /// <summary>Brings the store's schema up to date (<see cref="StoreSchema.EnsureAsync"/>), then upserts <paramref name="graph"/>.</summary>
    public static async Task<SeedLoadResult> LoadAsync(ScholarGraphDbContext db, SeedGraph graph, CancellationToken cancellationToken = default)
    {
        await StoreSchema.EnsureAsync(db, cancellationToken);
        // Parents before children, so that key lookups of the relational providers find what they refer to.
        await UpsertAsync(db, graph.Institutions, cancellationToken);
        await UpsertAsync(db, graph.Topics, cancellationToken);
        await UpsertAsync(db, graph.Venues, cancellationToken);
        await UpsertAsync(db, graph.Authors, cancellationToken);
        await UpsertAsync(db, graph.Papers, cancellationToken);
        await UpsertAsync(db, graph.Authorships, cancellationToken);
        await UpsertAsync(db, graph.Affiliations, cancellationToken);
        await UpsertAsync(db, graph.PaperInstitutions, cancellationToken);
        await UpsertAsync(db, graph.PaperTopics, cancellationToken);
        await UpsertAsync(db, graph.Citations, cancellationToken);
        await UpsertAsync(db, graph.ReportedMetrics, cancellationToken);

        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        var result = new SeedLoadResult(
            entries.Count(e => e.State == EntityState.Added),
            entries.Count(e => e.State == EntityState.Modified),
            entries.Count(e => e.State == EntityState.Unchanged));
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>Reads and validates <paramref name="seedDirectory"/>, then loads it; see <see cref="LoadAsync"/>.</summary>
    /// <exception cref="SeedValidationException">The seed files are invalid; nothing was written.</exception>
    public static Task<SeedLoadResult> LoadDirectoryAsync(ScholarGraphDbContext db, string seedDirectory, CancellationToken cancellationToken = default) =>
        LoadAsync(db, SeedReader.ReadDirectory(seedDirectory), cancellationToken);

    // Tracks every existing row of the entity type once, then lets EF Core's change tracker decide per property what changed;
    // unchanged rows therefore cause no UPDATE at all.
    private static async Task UpsertAsync<T>(ScholarGraphDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
            return;
        var set = db.Set<T>();
        var getters = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToArray();
        string KeyOf(T row) => string.Join('\u001f', getters.Select(g => Convert.ToString(g.GetClrValue(row), CultureInfo.InvariantCulture)));

        var existing = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var row in await set.ToListAsync(cancellationToken))
            existing[KeyOf(row)] = row;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(KeyOf(row), out var stored))
                db.Entry(stored).CurrentValues.SetValues(row);
            else
                set.Add(row);
        }
    }
}
