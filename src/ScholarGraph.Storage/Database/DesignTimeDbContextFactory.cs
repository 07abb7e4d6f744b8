using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ScholarGraph.Storage.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context ScholarGraphDbContext</c> build the context without starting the server. These
/// migrations are SQLite's (PostgreSQL's belong to <see cref="Postgres.PostgresMigrationContext"/>, with a factory of their own);
/// the connection string only matters to commands that touch a database
/// (<c>dotnet ef database update</c>), which then use <c>data/scholargraph.db</c> under the working directory.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ScholarGraphDbContext>
{
    /// <inheritdoc />
    public ScholarGraphDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ScholarGraphDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite });
        return new ScholarGraphDbContext(builder.Options);
    }
}
