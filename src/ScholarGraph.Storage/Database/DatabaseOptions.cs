using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.Storage.Database;

/// <summary>Which database ScholarGraph stores its graph in; bound from the configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Database";

    /// <summary>The name of the connection string (<c>ConnectionStrings:ScholarGraph</c>).</summary>
    public const string ConnectionStringName = "ScholarGraph";

    /// <summary>The name of the read replica's connection string (<c>ConnectionStrings:ScholarGraphReplica</c>).</summary>
    public const string ReplicaConnectionStringName = "ScholarGraphReplica";

    /// <summary>The SQLite connection string used when none is set: a file under the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/scholargraph.db";

    /// <summary>The provider. Default: <see cref="DatabaseProvider.Sqlite"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. Default for SQLite: <c>Data Source=data/scholargraph.db</c> (relative to the working directory; the
    /// folder is created on start). Default for InMemory: a database named <c>scholargraph</c>, private to the process. PostgreSQL
    /// has no default: it needs one such as <c>Host=127.0.0.1;Port=5432;Database=scholargraph;Username=scholargraph</c> (an
    /// existing server; the database is created when missing and the role may create it).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// A PostgreSQL streaming replica of the store (a hot standby of the server <see cref="ConnectionString"/> names) that takes
    /// the reads of queries, or none. Default: none, read from <c>ConnectionStrings:ScholarGraphReplica</c> unless set itself. Only
    /// with <see cref="DatabaseProvider.Postgres"/>; writes, migrations and the graph index always use the primary.
    /// </summary>
    public string? ReplicaConnectionString { get; set; }

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

    /// <summary>The example PostgreSQL connection string messages and docs show.</summary>
    public const string ExamplePostgresConnectionString = "Host=127.0.0.1;Port=5432;Database=scholargraph;Username=scholargraph";

    // Why a connection string cannot be PostgreSQL's, or null. The shipped ConnectionStrings:ScholarGraph is SQLite's
    // (Data Source=data/scholargraph.db), which Npgsql would read as a host name and fail on later, far from the cause.
    private static string? PostgresConnectionProblem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return "needs a connection string";
        try
        {
            var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
                .Select(k => k.ToLowerInvariant()).ToHashSet();
            if (keys.Contains("data source") && !keys.Contains("host") && !keys.Contains("server"))
                return $"was given the SQLite connection string '{connectionString}'";
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "needs a connection string with a Host" : null;
        }
        catch (ArgumentException e)
        {
            return $"cannot read the connection string ({e.Message})";
        }
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
            yield return new ValidationResult($"'{Provider}' is unknown; use 'Sqlite', 'Postgres' or 'InMemory'", [nameof(Provider)]);
        else if (Provider == DatabaseProvider.Postgres && PostgresConnectionProblem(ConnectionString) is { } postgresProblem)
            yield return new ValidationResult(
                $"'Postgres' {postgresProblem}: set ConnectionStrings:ScholarGraph (or Database:ConnectionString) to one such as '{ExamplePostgresConnectionString}'",
                [nameof(Provider)]);
        if (ReplicaProblem() is { } replicaProblem)
            yield return new ValidationResult(replicaProblem, [nameof(ReplicaConnectionString)]);
        if (Provider == DatabaseProvider.Sqlite && !string.IsNullOrWhiteSpace(ConnectionString) && SqliteProblem(ConnectionString) is { } problem)
            yield return new ValidationResult(
                $"is not a SQLite connection string such as 'Data Source=data/scholargraph.db' ({problem}); it is read from "
                + $"ConnectionStrings:{ConnectionStringName} unless set itself", [nameof(ConnectionString)]);
    }

    private string? ReplicaProblem()
    {
        if (string.IsNullOrWhiteSpace(ReplicaConnectionString))
            return null;
        if (Provider != DatabaseProvider.Postgres)
            return $"is set, but a read replica needs Database:Provider 'Postgres' (it is '{Provider}'); remove ConnectionStrings:{ReplicaConnectionStringName}";
        return PostgresConnectionProblem(ReplicaConnectionString) is { } problem
            ? $"{problem}: set ConnectionStrings:{ReplicaConnectionStringName} to the standby's, such as '{ExamplePostgresConnectionString}'"
            : null;
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

    /// <summary>
    /// PostgreSQL (through Npgsql), for deployments that outgrow one file: a server the connection string names, with migrations
    /// of its own (<c>Migrations/Postgres/</c>).
    /// </summary>
    Postgres,
}
