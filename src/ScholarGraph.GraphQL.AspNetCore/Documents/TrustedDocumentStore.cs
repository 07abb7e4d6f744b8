using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using GraphQL.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// The trusted documents of <see cref="TrustedDocumentOptions.Directory"/>, by hash. They are read while the settings are
/// validated (when the host starts), so a bad file stops the start as a bad setting does, with one line per problem
/// (<c>TrustedDocuments:Directory file '…' …</c>), before the app does anything else. Each folder is read once, however
/// often the settings are validated, and parsed with the app's <see cref="IDocumentBuilder"/>.
/// </summary>
internal sealed partial class TrustedDocumentStore(IServiceProvider services)
    : IValidateOptions<TrustedDocumentOptions>
{
    private readonly Lock _loading = new();
    private FrozenDictionary<string, TrustedDocument> _documents = FrozenDictionary<string, TrustedDocument>.Empty;
    private (string? Directory, ValidateOptionsResult Result)? _loaded;

    /// <summary>The document whose SHA-256 (lower-case hex) is <paramref name="hash"/>.</summary>
    public bool TryGet(string hash, [MaybeNullWhen(false)] out TrustedDocument document) =>
        Volatile.Read(ref _documents).TryGetValue(hash, out document);

    public ValidateOptionsResult Validate(string? name, TrustedDocumentOptions options)
    {
        var directory = string.IsNullOrWhiteSpace(options.Directory)
            ? null
            : Path.GetFullPath(options.Directory, services.GetService<IHostEnvironment>()?.ContentRootPath ?? Environment.CurrentDirectory);
        lock (_loading)
        {
            if (_loaded is { } loaded && loaded.Directory == directory)
                return loaded.Result;
            var result = Load(directory);
            _loaded = (directory, result);
            return result;
        }
    }

    private ValidateOptionsResult Load(string? directory)
    {
        if (directory is null)
        {
            Volatile.Write(ref _documents, FrozenDictionary<string, TrustedDocument>.Empty);
            return ValidateOptionsResult.Success;
        }
        // GraphQL.NET's parser as the app configured it (its depth limit, say), so a document parses here as a request would.
        var parser = services.GetService<IDocumentBuilder>() ?? new GraphQLDocumentBuilder();
        var (documents, problems) = TrustedDocumentFolder.Read(directory, parser);
        if (problems.Count > 0)
            return ValidateOptionsResult.Fail(problems.Select(p => $"{TrustedDocumentOptions.SectionName}:{nameof(TrustedDocumentOptions.Directory)} {p}"));
        Volatile.Write(ref _documents, documents.ToFrozenDictionary(StringComparer.Ordinal));
        if (services.GetService<ILoggerFactory>() is { } loggers)
            LogLoaded(loggers.CreateLogger(GraphQLEndpointRouteBuilderExtensions.LogCategory), documents.Count, directory);
        return ValidateOptionsResult.Success;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Loaded {Count} trusted documents from {Directory}.")]
    private static partial void LogLoaded(ILogger logger, int count, string directory);
}
