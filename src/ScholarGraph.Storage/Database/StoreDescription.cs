using Microsoft.Data.Sqlite;

namespace ScholarGraph.Storage.Database;

/// <summary>Names a store in words an operator reads, without the secrets a connection string may hold.</summary>
public static class StoreDescription
{
    /// <summary>
    /// For example <c>SQLite file /srv/scholargraph/data/scholargraph.db</c>, <c>PostgreSQL database scholargraph on
    /// 127.0.0.1:5432</c> or <c>in-memory store 'scholargraph' (kept only while
    /// the process runs)</c>; relative SQLite paths are resolved against the working directory, as the store opens them.
    /// </summary>
    public static string Of(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteFile(options.ConnectionString) is { } file ? $"SQLite file {file}" : "SQLite in-memory database",
        DatabaseProvider.Postgres => PostgresDatabase(options.ConnectionString),
        DatabaseProvider.InMemory => $"in-memory store '{(string.IsNullOrWhiteSpace(options.ConnectionString) ? "scholargraph" : options.ConnectionString)}' (kept only while the process runs)",
        var other => $"{other} store",
    };

    /// <summary>
    /// For example <c>PostgreSQL database scholargraph on 127.0.0.1:5432</c>: the database, host and port only, never the user's
    /// password.
    /// </summary>
    public static string PostgresDatabase(string? connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString ?? "");
        return $"PostgreSQL database {builder.Database ?? builder.Username ?? "(default)"} on {builder.Host}:{builder.Port}";
    }

    /// <summary>The full path of the SQLite file a connection string names, or null for an in-memory SQLite database.</summary>
    public static string? SqliteFile(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? StorageServiceCollectionExtensions.DefaultSqliteConnectionString : connectionString);
        var isFile = builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:" && builder.DataSource.Length > 0;
        return isFile ? Path.GetFullPath(builder.DataSource) : null;
    }
}
