using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ScholarGraph.Storage.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without starting the server. Migrations are written for SQLite,
/// the provider that applies them; the connection string only matters to commands that touch a database
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
