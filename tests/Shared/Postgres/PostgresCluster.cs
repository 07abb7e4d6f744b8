using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ScholarGraph.Tests.Shared.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster a test starts itself with the server's own programs (<c>initdb</c>, <c>pg_ctl</c>,
/// <c>pg_basebackup</c>), in a temporary folder, on a free loopback port, trusting local connections; as <c>.ci/run</c> does, it
/// runs as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses to run as root). A primary is made with
/// <see cref="StartPrimary"/>, a streaming replica of it with <see cref="StartReplica"/> (<c>pg_basebackup -R</c>). Disposing stops
/// it and deletes its folder. Test classes that need one carry <see cref="RequiresPostgresBinariesAttribute"/>.
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private readonly string _folder;

    private PostgresCluster(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string to <paramref name="database"/> on it, as the superuser <c>postgres</c>, without pooling.</summary>
    public string ConnectionString(string database = "postgres", bool pooling = false) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>The folder of PostgreSQL's programs: on PATH, else the newest <c>/usr/lib/postgresql/*/bin</c>; null when there is none.</summary>
    public static string? BinaryFolder { get; } = FindBinaries();

    /// <summary>Why clusters cannot be made here, or null when they can.</summary>
    public static string? MissingReason { get; } = BinaryFolder is null
        ? "PostgreSQL's programs (initdb, pg_ctl, pg_basebackup) are not on PATH or under /usr/lib/postgresql/*/bin; install Debian's postgresql package to run these tests."
        : Environment.UserName == "root" && !File.Exists("/usr/sbin/runuser")
            ? "The tests run as root, and PostgreSQL refuses root; runuser (to run it as the postgres user) is missing."
            : null;

    /// <summary>Makes and starts a primary that streaming replicas may connect to.</summary>
    public static PostgresCluster StartPrimary()
    {
        var cluster = Create();
        cluster.Run("initdb", "-D", cluster.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale");
        File.AppendAllText(Path.Combine(cluster.Data, "pg_hba.conf"), "host replication postgres 127.0.0.1/32 trust\n");
        cluster.Start();
        return cluster;
    }

    /// <summary>Makes a streaming replica of this primary (a hot standby, <c>pg_basebackup -R</c>) and starts it.</summary>
    public PostgresCluster StartReplica()
    {
        var replica = Create();
        replica.Run("pg_basebackup", "-h", "127.0.0.1", "-p", Port.ToString(), "-U", "postgres", "-D", replica.Data, "-R", "-X", "stream", "-c", "fast");
        replica.Start();
        return replica;
    }

    /// <summary>Starts the cluster (again) and waits until it takes connections.</summary>
    public void Start() => Run("pg_ctl", "-D", Data, "-w", "-t", "60", "-l", Path.Combine(_folder, "server.log"), "-o",
        $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c full_page_writes=off -c max_connections=100 -c hot_standby_feedback=on",
        "start");

    /// <summary>Stops the cluster (fast: connections are ended, as a shutdown of the server would).</summary>
    public void Stop() => Run("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    /// <summary>Runs <paramref name="sql"/> on database <paramref name="database"/> and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
                Run("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Data => Path.Combine(_folder, "data");

    private static PostgresCluster Create()
    {
        if (MissingReason is { } reason)
            throw new InvalidOperationException(reason);
        var folder = Directory.CreateTempSubdirectory("scholargraph-pgcluster-").FullName;
        if (RunsAsRoot)
            Process.Start("chown", ["postgres", folder])!.WaitForExit();
        return new PostgresCluster(folder, FreePort());
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    // Runs one of PostgreSQL's programs (as the postgres user under root) and fails with its output when it fails.
    private void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(RunsAsRoot ? "/usr/sbin/runuser" : Path.Combine(BinaryFolder!, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        if (RunsAsRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", Path.Combine(BinaryFolder!, program) })
                start.ArgumentList.Add(prefix);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not end within two minutes.");
        }
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}"
                + (File.Exists(log) ? "\n" + File.ReadAllText(log) : ""));
        }
    }

    private static string? FindBinaries()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (new[] { "initdb", "pg_ctl", "pg_basebackup" }.All(p => File.Exists(Path.Combine(folder, p))))
                return folder;
        }
        if (!Directory.Exists("/usr/lib/postgresql"))
            return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => new[] { "initdb", "pg_ctl", "pg_basebackup" }.All(p => File.Exists(Path.Combine(bin, p))))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
