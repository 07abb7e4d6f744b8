namespace ScholarGraph.Storage.Database;

/// <summary>Names a store in words an operator reads, without the secrets a connection string may hold.</summary>
public static class StoreDescription
{
    /// <summary>
    /// For example <c>SQLite file /srv/scholargraph/data/scholargraph.db</c> or <c>in-memory store 'scholargraph' (nothing
    /// survives a restart)</c>; a relative SQLite path is resolved against the working directory, as the store opens it.
    /// </summary>
    public static string Of(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite when SqliteStoreFile.PathOf(SqliteConnectionString(options)) is { } file => $"SQLite file {file}",
        DatabaseProvider.Sqlite => "SQLite in-memory database (nothing survives a restart)",
        DatabaseProvider.InMemory => $"in-memory store '{(string.IsNullOrWhiteSpace(options.ConnectionString) ? "scholargraph" : options.ConnectionString)}' (nothing survives a restart)",
        var other => $"{other} store",
    };

    /// <summary>The SQLite connection string the store opens: the configured one, else <see cref="DatabaseOptions.DefaultSqliteConnectionString"/>.</summary>
    public static string SqliteConnectionString(DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString) ? DatabaseOptions.DefaultSqliteConnectionString : options.ConnectionString;
}
