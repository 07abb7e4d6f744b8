using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.Storage.Database;

/// <summary>Which database ScholarGraph stores its graph in; bound from the configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Database";

    /// <summary>The name of the connection string (<c>ConnectionStrings:ScholarGraph</c>).</summary>
    public const string ConnectionStringName = "ScholarGraph";

    /// <summary>The SQLite connection string used when none is set: a file under the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/scholargraph.db";

    /// <summary>The provider. Default: <see cref="DatabaseProvider.Sqlite"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. Default for SQLite: <c>Data Source=data/scholargraph.db</c> (relative to the working directory; the
    /// folder is created on start). Default for InMemory: a database named <c>scholargraph</c>, private to the process.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether to load the seed files into the store on start. Default: <c>true</c>.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>The folder of seed JSON files. Default: <c>seed-data</c>, searched from the working directory upwards.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must name a folder")]
    public string SeedDirectory { get; set; } = "seed-data";

    /// <summary>
    /// How long a SQLite command waits for another connection's write to finish before it reports the database busy (SQLite's
    /// <c>busy_timeout</c>, set on every connection). Writes that still find it busy are retried by the server. Default: 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "must be between 00:00:00 and 00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres)
            yield return new ValidationResult("'Postgres' is not available in this build yet; use 'Sqlite' or 'InMemory'", [nameof(Provider)]);
        else if (!Enum.IsDefined(Provider))
            yield return new ValidationResult($"'{Provider}' is unknown; use 'Sqlite' or 'InMemory'", [nameof(Provider)]);
        else if (Provider == DatabaseProvider.Sqlite && !string.IsNullOrWhiteSpace(ConnectionString) && SqliteProblem(ConnectionString) is { } problem)
            yield return new ValidationResult(
                $"is not a SQLite connection string such as 'Data Source=data/scholargraph.db' ({problem}); it is read from "
                + $"ConnectionStrings:{ConnectionStringName} unless set itself", [nameof(ConnectionString)]);
    }

    // The builder's own reason (an unknown keyword, a malformed pair), never the string itself, which may hold a password.
    private static string? SqliteProblem(string connectionString)
    {
        try
        {
            SqliteStoreFile.PathOf(connectionString);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message.TrimEnd('.');
        }
    }
}

/// <summary>The database engines ScholarGraph can store its graph in.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: the default; data survives restarts.</summary>
    Sqlite,

    /// <summary>EF Core's in-memory store, for tests and throw-away demos: no transactions, no relational constraints.</summary>
    InMemory,

    /// <summary>PostgreSQL, for deployments that outgrow one machine (not wired yet: selecting it fails with a clear message).</summary>
    Postgres,
}
