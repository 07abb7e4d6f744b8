using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Server.Hosting;

/// <summary>
/// Creates the store's schema and upserts the seed files before the server takes requests: on SQLite and PostgreSQL through the
/// streaming <see cref="BulkSeedLoader"/>, on InMemory through <see cref="SeedLoader"/>.
/// </summary>
internal static class StoreInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var db = await services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync(cancellationToken);
        // On SQLite this also puts the file in WAL, so that readers go on while a write commits.
        var schema = await StoreSchema.EnsureAsync(db, cancellationToken);
        if (schema == StoreSchemaOutcome.Baselined)
            logger.LogWarning("The store was created before migrations; its tables match the initial migration, which is now recorded as applied");
        if (!options.SeedOnStart)
            return;

        var folder = FindSeedFolder(options.SeedDirectory)
            ?? throw new SeedValidationException([new SeedProblem(options.SeedDirectory, "$",
                $"no seed folder '{options.SeedDirectory}' in {Directory.GetCurrentDirectory()} or above it; set Database:SeedDirectory or Database:SeedOnStart=false")]);
        if (db.Database.IsSqlite() || db.Database.IsNpgsql())
        {
            // The streaming path writes the same rows with the same checks, without holding the files in memory.
            var bulk = await BulkSeedLoader.LoadDirectoryAsync(db, folder, cancellationToken);
            logger.LogInformation(
                "Seed data from {Folder}: {Inserted} rows inserted, {Updated} updated, {Unchanged} unchanged, in {Seconds:F1} s ({RowsPerSecond:N0} rows/s)",
                folder, bulk.Inserted, bulk.Updated, bulk.Unchanged, bulk.Elapsed.TotalSeconds, bulk.RowsPerSecond);
            return;
        }
        var result = await SeedLoader.LoadDirectoryAsync(db, folder, cancellationToken);
        logger.LogInformation("Seed data from {Folder}: {Inserted} rows inserted, {Updated} updated, {Unchanged} unchanged",
            folder, result.Inserted, result.Updated, result.Unchanged);
    }

    private static string? FindSeedFolder(string folder)
    {
        if (Path.IsPathRooted(folder))
            return Directory.Exists(folder) ? folder : null;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
