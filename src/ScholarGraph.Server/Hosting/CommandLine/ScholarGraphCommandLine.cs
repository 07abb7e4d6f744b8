using System.CommandLine;
using System.CommandLine.Parsing;

namespace ScholarGraph.Server.Hosting.CommandLine;

/// <summary>
/// The command-line verbs, parsed with System.CommandLine: <c>serve</c> (the default) starts the server; <c>generate</c> writes a
/// synthetic graph as seed files; <c>load</c> streams seed files into the store; <c>import</c> imports OpenAlex works and seed
/// files into it; <c>schema export</c> prints the schema. Every verb reads its settings as the server does (appsettings, then
/// environment variables, then <c>--Section:Key value</c> on its command line), so <c>load</c> and <c>import</c> write the store
/// the server reads; <c>--database FILE</c> is a shortcut for a SQLite file. A misspelled option is an error shown with the verb's help.
/// </summary>
public static class ScholarGraphCommandLine
{
    /// <summary>The exit code of a command line that could not be parsed, or of a verb given a value it cannot use.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Runs the verb in <paramref name="args"/> and returns its exit code, or <c>null</c> when the server should start with
    /// <paramref name="args"/> (no verb, or <c>serve</c>). <paramref name="exportSchema"/> runs <c>schema export</c> with its output file.
    /// </summary>
    public static async Task<int?> TryRunAsync(string[] args, Func<string?, Task<int>> exportSchema, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var (verbTokens, settings) = VerbSettings.Split(args);
        var serve = false;
        var root = BuildRoot(settings, exportSchema, output, error, onServe: () => serve = true);
        var parsed = root.Parse(verbTokens);
        var exitCode = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        if (parsed.Errors.Count > 0)
            return UsageError;
        return serve ? null : exitCode;
    }

    private static RootCommand BuildRoot(
        IReadOnlyList<string> settings, Func<string?, Task<int>> exportSchema, TextWriter output, TextWriter error, Action onServe)
    {
        var root = new RootCommand("ScholarGraph: a GraphQL knowledge-graph server for scholarly data. Without a command it serves. "
            + "Every command reads its settings as the server does: appsettings.json, environment variables (Database__Provider, "
            + "ConnectionStrings__ScholarGraph) and --Section:Key value options (--Database:Provider Sqlite).");
        var serve = ServeCommand(onServe);
        root.Add(serve);
        root.Add(GenerateCommand.Create(output, error));
        root.Add(LoadCommand.Create(settings, output, error));
        root.Add(ImportCommand.Create(settings, output, error));
        root.Add(SchemaExport.Create(exportSchema));
        foreach (var option in HostOptions())
            root.Add(option);
        root.SetAction(_ => onServe());
        return root;
    }

    private static Command ServeCommand(Action onServe)
    {
        var serve = new Command("serve", "Starts the server (the default). Settings come from appsettings.json, the environment and "
            + "--Section:Key value options, such as --Database:Provider Sqlite or --GraphQLHttp:EnableIntrospection false.");
        foreach (var option in HostOptions())
            serve.Add(option);
        serve.SetAction(_ => onServe());
        return serve;
    }

    // The ASP.NET Core host's own switches; WebApplicationFactory passes the last three when tests host the server.
    private static IEnumerable<Option> HostOptions() =>
    [
        new Option<string>("--urls") { HelpName = "ADDRESSES", Description = "The addresses to listen on, such as http://localhost:5000 (default: the Urls setting)." },
        new Option<string>("--environment") { HelpName = "NAME", Description = "The environment name, such as Development or Production (default: Production)." },
        new Option<string>("--contentRoot") { HelpName = "DIR", Description = "The folder the host resolves relative paths against (default: the working directory)." },
        new Option<string>("--applicationName") { HelpName = "NAME", Description = "The application's name (default: scholargraph)." },
    ];

    /// <summary>Runs a verb's work, turning the failures a user can fix into one line on standard error and an exit code.</summary>
    internal static async Task<int> Guarded(TextWriter error, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (VerbUsageException e)
        {
            await error.WriteLineAsync($"scholargraph: {e.Message}");
            return UsageError;
        }
        catch (Exception e) when (Configuration.ConfigurationProblems.Describe(e) is { } problems)
        {
            foreach (var problem in problems)
                await error.WriteLineAsync(problem);
            return UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"scholargraph: {e.Message}");
            return 1;
        }
    }

    /// <summary>An option that must be at least <paramref name="minimum"/>; a smaller value is a parse error naming the option.</summary>
    internal static Option<int> PositiveInt(string name, string description, int? defaultValue = null, int minimum = 1)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N" };
        if (defaultValue is { } value)
            option.DefaultValueFactory = _ => value;
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.GetValueOrDefault<int>() < minimum)
                result.AddError($"{name} must be at least {minimum}, not {result.Tokens[0].Value}.");
        });
        return option;
    }
}

/// <summary>A value a verb cannot use, reported in one line with exit code 2.</summary>
internal sealed class VerbUsageException(string message) : Exception(message);
