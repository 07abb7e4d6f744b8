using System.Net;
using Npgsql;

namespace ScholarGraph.Tests.Shared.Postgres;

/// <summary>
/// The PostgreSQL server the tests may use, named by <c>SCHOLARGRAPH_POSTGRES</c>: a connection string to a server on loopback
/// whose user may create databases (<c>.ci/run</c> starts a throw-away cluster and sets it). Each test class or fixture makes a
/// database of its own (<see cref="CreateDatabase"/>) and drops it after. Without the variable, the PostgreSQL test classes
/// (marked <see cref="RequiresPostgresAttribute"/>) are skipped with <see cref="MissingReason"/>.
/// </summary>
internal static class PostgresTestServer
{
    /// <summary>The variable that holds the server's connection string.</summary>
    public const string Variable = "SCHOLARGRAPH_POSTGRES";

    /// <summary>The connection string, or null where no server is given.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why PostgreSQL tests are skipped where no server is given.</summary>
    public static string MissingReason =>
        $"No PostgreSQL server for the tests: {Variable} is not set (a connection string to a server on loopback where the tests may "
        + "create and drop databases, such as 'Host=127.0.0.1;Port=5432;Username=postgres'; .ci/run starts one).";

    /// <summary>
    /// Creates an empty database for one test class or fixture, named after <paramref name="purpose"/> and unique; dispose it to
    /// drop it. Refuses a server that is not on loopback, since the tests create and drop databases on it. With
    /// <paramref name="create"/> false the name is only reserved (for a test that the store creates it), and dropped all the same.
    /// </summary>
    public static PostgresTestDatabase CreateDatabase(string purpose, bool create = true)
    {
        var server = ConnectionString ?? throw new InvalidOperationException(MissingReason);
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        if (!IsLoopback(admin.Host))
            throw new InvalidOperationException($"{Variable} names the host '{admin.Host}', which is not on loopback; the tests create and drop databases only on a local server.");
        // PostgreSQL names are at most 63 bytes: "sgtest_", 24 of the purpose, "_", 32 of a Guid.
        var name = $"sgtest_{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray())}_{Guid.NewGuid():N}";
        if (create)
        {
            using var connection = new NpgsqlConnection(admin.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'";
            command.ExecuteNonQuery();
        }
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new PostgresTestDatabase(name, database.ConnectionString, admin.ConnectionString);
    }

    private static bool IsLoopback(string? host) =>
        host is null || host.StartsWith('/') || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}

/// <summary>A database made for one test class or fixture; disposing it drops it (closing its connections first).</summary>
internal sealed class PostgresTestDatabase(string name, string connectionString, string adminConnectionString) : IDisposable
{
    /// <summary>The database's name.</summary>
    public string Name => name;

    /// <summary>A connection string to the database.</summary>
    public string ConnectionString => connectionString;

    public void Dispose()
    {
        using (var pooled = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(pooled);
        using var connection = new NpgsqlConnection(adminConnectionString);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
