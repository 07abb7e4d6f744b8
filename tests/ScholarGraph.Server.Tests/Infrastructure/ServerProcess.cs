using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Infrastructure;

/// <summary>
/// The built server (<c>scholargraph.dll</c>, beside the tests) run as a real process with <c>dotnet</c>, in Production, on a
/// free loopback port, with its working directory (and so its <c>data/</c> folder) in a folder of the test's, seeded from the
/// repository's seed-data and with a write key. Every line it prints is kept. <see cref="Kill"/> ends it with SIGKILL.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    public const string WriteKey = "process-write-key-3c8e1f";

    /// <summary>The line the server prints once it listens: the start summary's addresses.</summary>
    public const string ReadyLine = "GraphQL API: ";

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Receive(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => Receive(e.Data, error: true);
        process.Exited += (_, _) => _exited.TrySetResult();
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The GraphQL endpoint.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/graphql");

    /// <summary>Every line printed on standard output, in order.</summary>
    public IReadOnlyList<string> Output => [.. _output.Where(l => !l.StartsWith("stderr: ", StringComparison.Ordinal))];

    /// <summary>Every line printed on standard error, in order.</summary>
    public IReadOnlyList<string> Errors => [.. _output.Where(l => l.StartsWith("stderr: ", StringComparison.Ordinal)).Select(l => l["stderr: ".Length..])];

    /// <summary>The exit code, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the server with <paramref name="workingDirectory"/> as its working directory (created if missing) and
    /// <paramref name="arguments"/> after the ones that set its port, seed folder and write key.
    /// </summary>
    public static ServerProcess Start(string workingDirectory, params string[] arguments) => Start(workingDirectory, FreePort(), arguments);

    /// <summary>Starts the server on <paramref name="port"/> (see <see cref="Start(string, string[])"/>).</summary>
    public static ServerProcess Start(string workingDirectory, int port, params string[] arguments)
    {
        Directory.CreateDirectory(workingDirectory);
        var start = StartInfo(workingDirectory, [
            "--urls", $"http://127.0.0.1:{port}",
            "--Database:SeedDirectory", RepositoryPaths.SeedData,
            // The load and crash tests are one client sending as fast as it can; the rate limiter has its own tests.
            "--RateLimiting:Enabled", "false",
            .. arguments]);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Security__ApiKeys__0__Name"] = "process-test";
        start.Environment["Security__ApiKeys__0__Key"] = WriteKey;
        start.Environment["Security__ApiKeys__0__Scopes__0"] = "graph:write";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process, port);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>What a command run to its end printed and how it ended.</summary>
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs the command in <paramref name="arguments"/> (such as <c>import FILE</c>) as a user runs it, in
    /// <paramref name="workingDirectory"/> with <paramref name="environment"/> added to the inherited environment (a null value
    /// removes a variable), and waits up to a minute for it to end. The test host's own store settings are not passed on.
    /// </summary>
    public static async Task<Outcome> RunCommandAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = StartInfo(workingDirectory, arguments);
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__ScholarGraph", "Database__ConnectionString", "Database__Provider" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scholargraph {string.Join(' ', arguments)} did not end within a minute: {await output}{await error}");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }

    // dotnet running the server built beside the tests, its output redirected.
    private static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scholargraph.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>A port no one listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the server has printed <see cref="ReadyLine"/>; fails with what it printed if it exits or takes too long.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var finished = await Task.WhenAny(_ready.Task, _exited.Task, Task.Delay(StartPatience));
        if (finished != _ready.Task)
            Assert.Fail($"The server did not become ready ({(finished == _exited.Task ? $"it exited with {_process.ExitCode}" : "timed out")}):\n{string.Join('\n', _output)}");
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync(new CancellationTokenSource(StartPatience).Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Kills the process with SIGKILL, as the kernel's OOM killer or a pulled plug would end it, and waits for it to be gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>A client for the server; <paramref name="authorized"/> adds the write key.</summary>
    public HttpClient Client(bool authorized = true)
    {
        var client = new HttpClient { BaseAddress = Endpoint, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (authorized)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "ApiKey " + WriteKey);
        return client;
    }

    /// <summary>POSTs a GraphQL request; returns the HTTP status and the response body as JSON.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string query, object? variables = null)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A read-only connection to the SQLite file of a server started in <paramref name="workingDirectory"/> with the default store.</summary>
    public static SqliteConnection OpenStore(string workingDirectory)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(workingDirectory, "data", "scholargraph.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>The rows of <paramref name="sql"/>, which selects a text and a count.</summary>
    public static List<(string Key, long Count)> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }

    private void Receive(string? line, bool error)
    {
        if (line is null)
            return;
        _output.Enqueue(error ? "stderr: " + line : line);
        if (line.Contains(ReadyLine, StringComparison.Ordinal))
            _ready.TrySetResult();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
