using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using GraphQL.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// The trusted documents of <see cref="TrustedDocumentOptions.Directory"/> and <see cref="TrustedDocumentOptions.AppDirectories"/>, by hash. They are read while the settings are
/// validated (when the host starts), so a bad file stops the start as a bad setting does, with one line per problem
/// (<c>TrustedDocuments:Directory file '…' …</c>), before the app does anything else. Each folder is read once, however
/// often the settings are validated, and parsed with the app's <see cref="IDocumentBuilder"/>.
/// </summary>
internal sealed partial class TrustedDocumentStore(IServiceProvider services)
    : IValidateOptions<TrustedDocumentOptions>
{
    private readonly Lock _loading = new();
    private FrozenDictionary<string, TrustedDocument> _documents = FrozenDictionary<string, TrustedDocument>.Empty;
    private (string Directories, ValidateOptionsResult Result)? _loaded;

    /// <summary>The document whose SHA-256 (lower-case hex) is <paramref name="hash"/>.</summary>
    public bool TryGet(string hash, [MaybeNullWhen(false)] out TrustedDocument document) =>
        Volatile.Read(ref _documents).TryGetValue(hash, out document);

    public ValidateOptionsResult Validate(string? name, TrustedDocumentOptions options)
    {
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Environment.CurrentDirectory;
        // The configured folder first, so its problems are named as the setting's; then the app's own.
        var directories = new List<(string Setting, string Path)>();
        if (!string.IsNullOrWhiteSpace(options.Directory))
            directories.Add((nameof(TrustedDocumentOptions.Directory), Path.GetFullPath(options.Directory, root)));
        directories.AddRange(options.AppDirectories.Where(d => !string.IsNullOrWhiteSpace(d))
            .Select(d => (nameof(TrustedDocumentOptions.AppDirectories), Path.GetFullPath(d, root))));
        var key = string.Join('\n', directories.Select(d => d.Path));
        lock (_loading)
        {
            if (_loaded is { } loaded && loaded.Directories == key)
                return loaded.Result;
            var result = Load(directories);
            _loaded = (key, result);
            return result;
        }
    }

    private ValidateOptionsResult Load(List<(string Setting, string Path)> directories)
    {
        // GraphQL.NET's parser as the app configured it (its depth limit, say), so a document parses here as a request would.
        var parser = services.GetService<IDocumentBuilder>() ?? new GraphQLDocumentBuilder();
        var all = new Dictionary<string, TrustedDocument>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var (setting, directory) in directories)
        {
            var (documents, problems) = TrustedDocumentFolder.Read(directory, parser);
            failures.AddRange(problems.Select(p => $"{TrustedDocumentOptions.SectionName}:{setting} {p}"));
            foreach (var (hash, document) in documents)
                all.TryAdd(hash, document);
            if (problems.Count == 0 && services.GetService<ILoggerFactory>() is { } loggers)
                LogLoaded(loggers.CreateLogger(GraphQLEndpointRouteBuilderExtensions.LogCategory), documents.Count, directory);
        }
        if (failures.Count > 0)
            return ValidateOptionsResult.Fail(failures);
        Volatile.Write(ref _documents, all.ToFrozenDictionary(StringComparer.Ordinal));
        return ValidateOptionsResult.Success;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Loaded {Count} trusted documents from {Directory}.")]
    private static partial void LogLoaded(ILogger logger, int count, string directory);
}
