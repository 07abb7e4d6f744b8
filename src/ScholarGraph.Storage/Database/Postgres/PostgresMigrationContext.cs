using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ScholarGraph.Storage.Database.Postgres;

/// <summary>
/// The context type the PostgreSQL migrations (<c>Migrations/Postgres/</c>) belong to. EF Core keeps one migration set per context
/// type ("Migrations with Multiple Providers", using multiple context types), and the SQLite set belongs to
/// <see cref="ScholarGraphDbContext"/>; this type has the same model and is used for nothing but migrating a PostgreSQL store
/// (<see cref="StoreSchema.EnsureAsync"/> does it). Add a migration to both sets for every model change.
/// </summary>
public sealed class PostgresMigrationContext(DbContextOptions<PostgresMigrationContext> options) : ScholarGraphDbContext(options)
{
    /// <summary>A context of this type on the PostgreSQL server <paramref name="connectionString"/> names.</summary>
    public static PostgresMigrationContext Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PostgresMigrationContext>();
        StorageServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        return new PostgresMigrationContext(builder.Options);
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context PostgresMigrationContext</c> build the PostgreSQL model without a server.
/// The connection string matters only to commands that touch a database (<c>dotnet ef database update</c>): it is
/// <c>SCHOLARGRAPH_POSTGRES</c> when set, else a local server's <c>scholargraph</c> database.
/// </summary>
public sealed class PostgresMigrationContextFactory : IDesignTimeDbContextFactory<PostgresMigrationContext>
{
    /// <inheritdoc />
    public PostgresMigrationContext CreateDbContext(string[] args) => PostgresMigrationContext.Create(
        Environment.GetEnvironmentVariable("SCHOLARGRAPH_POSTGRES") is { Length: > 0 } server ? server : DatabaseOptions.ExamplePostgresConnectionString);
}
