using Microsoft.Data.Sqlite;
using ScholarGraph.Server.Hosting.CommandLine;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Hosting.CommandLine;

/// <summary>
/// Every verb reads its store from the configuration as the server does (environment variables, <c>--Section:Key</c> settings,
/// the <c>--database</c> shortcut above them), says in words what it wrote where, and refuses a misspelled option with its help.
/// </summary>
public sealed class VerbSettingsTests : IDisposable
{
    private static readonly string Sample = Path.Combine(RepositoryPaths.Root, "tests", "ScholarGraph.Storage.Tests", "Import", "openalex-sample.jsonl");
    private readonly string _folder = Directory.CreateTempSubdirectory("scholargraph-verbs-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed record Run(int? ExitCode, string Output, string Error);

    private static async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ScholarGraphCommandLine.TryRunAsync(args, _ => Task.FromResult(0), output, error);
        return new Run(exitCode, output.ToString(), error.ToString());
    }

    private static long Papers(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Papers\"";
        return (long)command.ExecuteScalar()!;
    }

    [Theory]
    [InlineData("ConnectionStrings__ScholarGraph")]
    [InlineData("Database__ConnectionString")]
    public async Task Import_run_as_a_process_writes_the_store_an_environment_variable_names(string variable)
    {
        var store = Path.Combine(_folder, "from-environment.db");
        var run = await ServerProcess.RunCommandAsync(_folder, new Dictionary<string, string?> { [variable] = $"Data Source={store}" }, "import", Sample);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(12, Papers(store));
        Assert.Contains($"Imported into the SQLite file {store}", run.Output);
        // Nothing went to the default store in the working directory.
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public async Task A_setting_on_the_command_line_names_the_store_and_the_database_shortcut_wins_over_it()
    {
        var configured = Path.Combine(_folder, "configured.db");
        var run = await RunAsync("import", Sample, "--Database:ConnectionString", $"Data Source={configured}");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(12, Papers(configured));

        var shortcut = Path.Combine(_folder, "shortcut.db");
        run = await RunAsync("load", RepositoryPaths.SeedData, "--ConnectionStrings:ScholarGraph=Data Source=" + configured, "--database", shortcut);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, Papers(shortcut));
        Assert.Equal(12, Papers(configured));
        Assert.Contains($"into the SQLite file {shortcut}", run.Output);
    }

    [Theory]
    [InlineData("import", "--databse")]
    [InlineData("load", "--databse")]
    [InlineData("generate", "--paper")]
    public async Task A_misspelled_option_is_an_error_shown_with_the_verbs_help(string verb, string misspelled)
    {
        var args = verb == "generate" ? new[] { verb, misspelled, "10" } : [verb, RepositoryPaths.SeedData, misspelled, Path.Combine(_folder, "x.db")];
        var run = await RunAsync(args);

        Assert.Equal(ScholarGraphCommandLine.UsageError, run.ExitCode);
        Assert.Contains($"'{misspelled}'", run.Error);
        // The verb's help follows, listing its real options.
        Assert.Contains("Usage:", run.Output + run.Error);
        Assert.Contains(verb == "generate" ? "--papers" : "--database", run.Output + run.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "x.db")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("serve")]
    [InlineData("--urls http://127.0.0.1:5999")]
    [InlineData("serve --urls=http://127.0.0.1:5999 --Database:Provider InMemory --GraphQLHttp:EnableIntrospection=false")]
    [InlineData("--environment=Development --contentRoot=/tmp --applicationName=scholargraph")]
    public async Task Serving_takes_host_options_and_settings(string commandLine)
    {
        var run = await RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Null(run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Theory]
    [InlineData("--ulrs", "--ulrs", "http://127.0.0.1:5999")]
    [InlineData("--port", "serve", "--port", "5000")]
    [InlineData("exprot", "exprot")]
    public async Task A_misspelled_serve_option_or_verb_is_refused_before_anything_starts(string misspelled, params string[] args)
    {
        var run = await RunAsync(args);
        Assert.Equal(ScholarGraphCommandLine.UsageError, run.ExitCode);
        Assert.Contains($"'{misspelled}'", run.Error);
    }

    [Fact]
    public async Task Writing_an_in_memory_store_from_a_command_is_refused_because_it_would_be_lost()
    {
        var run = await RunAsync("import", Sample, "--Database:Provider", "InMemory");
        Assert.Equal(ScholarGraphCommandLine.UsageError, run.ExitCode);
        Assert.Contains("Database:Provider is InMemory, which keeps nothing after the command ends", run.Error);
    }

    [Fact]
    public async Task A_bad_setting_is_named_in_one_line()
    {
        var run = await RunAsync("import", Sample, "--Database:Provider", "Oracle");
        Assert.Equal(ScholarGraphCommandLine.UsageError, run.ExitCode);
        Assert.Equal("Configuration: Database:Provider is 'Oracle', which is not one of Sqlite, InMemory, Postgres.", run.Error.Trim());
    }

    [Fact]
    public async Task Generate_says_in_words_what_it_wrote_where()
    {
        var output = Path.Combine(_folder, "generated");
        var run = await RunAsync("generate", "--papers", "50", "--seed", "7", "--output", output);

        Assert.Equal(0, run.ExitCode);
        var files = Directory.GetFiles(output);
        Assert.NotEmpty(files);
        Assert.Matches($@"^Wrote {files.Length} seed file\(s\), [0-9.]+ MB, to {System.Text.RegularExpressions.Regex.Escape(output)}: 50 papers, [0-9,]+ authors, ", run.Output);
        Assert.DoesNotContain("{", run.Output);
        Assert.DoesNotContain("GeneratedCounts", run.Output);
    }

    [Fact]
    public async Task A_number_out_of_range_names_its_option()
    {
        var run = await RunAsync("import", Sample, "--batch-size", "0", "--database", Path.Combine(_folder, "x.db"));
        Assert.Equal(ScholarGraphCommandLine.UsageError, run.ExitCode);
        Assert.Contains("--batch-size must be at least 1, not 0.", run.Error);
    }
}
