using System.Net;
using System.Net.Sockets;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Hosting;

/// <summary>
/// A start that cannot listen or cannot open its store, tried as a new user would: one line on stderr saying what and where and
/// what to set, exit code 1, and no stack trace anywhere in what the process printed.
/// </summary>
public sealed class StartFailureTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public StartFailureTests() => Directory.CreateDirectory(_folder.Path);

    public void Dispose() => _folder.Dispose();

    private async Task<string> SingleErrorLineAsync(ServerProcess server)
    {
        Assert.Equal(1, await server.WaitForExitAsync());
        var everything = string.Join('\n', [.. server.Output, .. server.Errors]);
        Assert.DoesNotContain("   at ", everything);
        Assert.DoesNotContain("Exception", everything);
        Assert.DoesNotContain(server.Output, line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
        return Assert.Single(server.Errors);
    }

    [Fact]
    public async Task A_port_in_use_is_named_with_what_to_set_instead()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var server = ServerProcess.Start(_folder.Path, port);

        Assert.Equal($"Cannot listen on http://127.0.0.1:{port}: the port is already in use. Set --urls or ASPNETCORE_URLS to another address.",
            await SingleErrorLineAsync(server));
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_is_named()
    {
        var file = Path.Combine(_folder.Path, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var folder = Path.Combine(file, "data");

        using var server = ServerProcess.Start(_folder.Path, "--ConnectionStrings:ScholarGraph", $"Data Source={Path.Combine(folder, "scholargraph.db")}");

        var line = await SingleErrorLineAsync(server);
        Assert.StartsWith($"The folder '{folder}' for the SQLite file cannot be created: ", line);
        Assert.EndsWith("Set ConnectionStrings:ScholarGraph to a file this user can read and write.", line);
    }

    [Fact]
    public async Task A_store_file_SQLite_cannot_open_is_named_with_why()
    {
        var folder = Path.Combine(_folder.Path, "a-folder.db");
        Directory.CreateDirectory(folder);

        using var server = ServerProcess.Start(_folder.Path, "--ConnectionStrings:ScholarGraph", $"Data Source={folder}");

        Assert.Equal($"The SQLite file '{folder}' cannot be used: SQLite cannot open it (a folder of that name, a missing folder, or one this user "
            + "may not read and write). Set ConnectionStrings:ScholarGraph to a file this user can read and write.", await SingleErrorLineAsync(server));
    }

    [Fact]
    public async Task A_malformed_connection_string_is_refused_as_a_setting_without_repeating_it()
    {
        using var server = ServerProcess.Start(_folder.Path, "--ConnectionStrings:ScholarGraph", "Data Source=x.db;Password=s3cret;Colour=blue");

        var line = await SingleErrorLineAsync(server);
        Assert.StartsWith("Configuration: Database:ConnectionString is not a SQLite connection string such as 'Data Source=data/scholargraph.db' (", line);
        Assert.Contains("'colour'", line);
        Assert.DoesNotContain("s3cret", line);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "data")), "The refused start created the data folder.");
    }
}
