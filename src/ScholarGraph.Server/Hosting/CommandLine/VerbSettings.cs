using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Hosting.CommandLine;

/// <summary>
/// The settings a verb runs with: the server's own configuration (appsettings beside the binary and in the working directory,
/// environment variables, then <c>--Section:Key value</c> on the command line), so a verb writes the store the server reads.
/// </summary>
internal static class VerbSettings
{
    /// <summary>
    /// Separates settings from the verb's own words, which System.CommandLine parses strictly. A setting is named as in the
    /// configuration: <c>--Section:Key value</c> or <c>--Section:Key=value</c> (a colon before any <c>=</c>), or a name that starts
    /// with a capital letter (<c>--Urls value</c>, <c>--Database=</c>); the verbs' own options are lower case, so a misspelled one is
    /// still an error.
    /// </summary>
    public static (string[] VerbTokens, string[] Settings) Split(IReadOnlyList<string> args)
    {
        var verb = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (!IsSetting(token))
            {
                verb.Add(token);
                continue;
            }
            settings.Add(token);
            if (!token.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                settings.Add(args[++i]);
        }
        return ([.. verb], [.. settings]);
    }

    private static bool IsSetting(string token)
    {
        if (token.Length < 3 || !token.StartsWith("--", StringComparison.Ordinal))
            return false;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        return char.IsUpper(token[2]) || (colon > 2 && (equals < 0 || colon < equals));
    }

    /// <summary>
    /// The configuration of a verb: the server's layers with <paramref name="settings"/> on top, and, when
    /// <paramref name="sqliteFile"/> is given (<c>--database FILE</c>), a SQLite store on that file above everything else.
    /// </summary>
    public static IConfiguration Configuration(IReadOnlyList<string> settings, string? sqliteFile)
    {
        var configuration = (IConfigurationBuilder)ScholarGraphHostingExtensions.CreateScholarGraphBuilder([.. settings]).Configuration;
        if (sqliteFile is not null)
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.Sqlite),
                [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)}"] = $"Data Source={sqliteFile}",
            });
        }
        return (IConfiguration)configuration;
    }

    /// <summary>
    /// Opens the configured store for a verb that writes it. A store that keeps nothing after the process ends (InMemory) is
    /// refused: writing it from a command would be lost the moment the command ends.
    /// </summary>
    public static VerbStore OpenStore(IReadOnlyList<string> settings, string? sqliteFile, string verb)
    {
        var services = new ServiceCollection().AddScholarGraphDatabase(Configuration(settings, sqliteFile)).BuildServiceProvider();
        try
        {
            var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (options.Provider == DatabaseProvider.InMemory)
                throw new VerbUsageException($"{verb} writes a store that lasts, but Database:Provider is InMemory, which keeps nothing after "
                    + "the command ends. Use --database FILE, or set Database:Provider to Sqlite or Postgres.");
            var db = services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContext();
            return new VerbStore(services, db, StoreDescription.Of(options));
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }
}

/// <summary>A store opened for a verb: its context, and the words that name it in the verb's summary.</summary>
internal sealed class VerbStore(ServiceProvider services, ScholarGraphDbContext db, string description) : IAsyncDisposable
{
    public ScholarGraphDbContext Db => db;

    /// <summary>For example <c>SQLite file /home/me/data/scholargraph.db</c>.</summary>
    public string Description => description;

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        await services.DisposeAsync();
    }
}
