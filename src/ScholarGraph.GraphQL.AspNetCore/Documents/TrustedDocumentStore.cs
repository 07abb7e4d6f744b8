using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Limits;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// The trusted documents of <see cref="TrustedDocumentOptions.Directory"/> and <see cref="TrustedDocumentOptions.AppDirectories"/>, by hash. They are read while the settings are
/// validated (when the host starts), so a bad file stops the start as a bad setting does, with one line per problem
/// (<c>TrustedDocuments:Directory file '…' …</c>), before the app does anything else. Each folder is read once, however
/// often the settings are validated, and parsed with the app's <see cref="IDocumentBuilder"/>. The configured folder's load is
/// logged for the operator; the app's own folders (its pages' operations) only at debug level, since they are the app's own.
/// </summary>
internal sealed partial class TrustedDocumentStore(IServiceProvider services)
    : IValidateOptions<TrustedDocumentOptions>
{
    private readonly Lock _loading = new();
    private FrozenDictionary<string, TrustedDocument> _documents = FrozenDictionary<string, TrustedDocument>.Empty;
    private FrozenDictionary<GraphQLDocument, CostBudget> _budgets = FrozenDictionary<GraphQLDocument, CostBudget>.Empty;
    private (string Directories, ValidateOptionsResult Result)? _loaded;

    /// <summary>The document whose SHA-256 (lower-case hex) is <paramref name="hash"/>.</summary>
    public bool TryGet(string hash, [MaybeNullWhen(false)] out TrustedDocument document) =>
        Volatile.Read(ref _documents).TryGetValue(hash, out document);

    /// <summary>
    /// The cost budget of <paramref name="document"/> if it is a trusted document (this very instance, as this store parsed it)
    /// whose folder gives one; null for every other document, query text included.
    /// </summary>
    public CostBudget? BudgetOf(GraphQLDocument document) => Volatile.Read(ref _budgets).GetValueOrDefault(document);

    public ValidateOptionsResult Validate(string? name, TrustedDocumentOptions options)
    {
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Environment.CurrentDirectory;
        // The configured folder first, so its problems are named as the setting's; then the app's own.
        var directories = new List<Source>();
        if (!string.IsNullOrWhiteSpace(options.Directory))
            directories.Add(new(nameof(TrustedDocumentOptions.Directory), Path.GetFullPath(options.Directory, root), Budget: null));
        directories.AddRange(options.AppDirectories.Where(d => !string.IsNullOrWhiteSpace(d.Path))
            .Select(d => new Source(nameof(TrustedDocumentOptions.AppDirectories), Path.GetFullPath(d.Path, root), BudgetOf(d))));
        var key = string.Join('\n', directories);
        lock (_loading)
        {
            if (_loaded is { } loaded && loaded.Directories == key)
                return loaded.Result;
            var result = Load(directories);
            _loaded = (key, result);
            return result;
        }
    }

    private static CostBudget? BudgetOf(AppTrustedDocumentDirectory directory) =>
        directory.MaxFieldCost is null && directory.MaxTypeCost is null
            ? null
            : new CostBudget(directory.MaxFieldCost, directory.MaxTypeCost, nameof(AppTrustedDocumentDirectory),
                "the cost budget of the app's own trusted documents");

    private ValidateOptionsResult Load(List<Source> directories)
    {
        // GraphQL.NET's parser as the app configured it (its depth limit, say), so a document parses here as a request would.
        var parser = services.GetService<IDocumentBuilder>() ?? new GraphQLDocumentBuilder();
        var all = new Dictionary<string, TrustedDocument>(StringComparer.Ordinal);
        var failures = new List<string>();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(GraphQLEndpointRouteBuilderExtensions.LogCategory);
        foreach (var source in directories)
        {
            var (documents, problems) = TrustedDocumentFolder.Read(source.Path, parser);
            failures.AddRange(problems.Select(p => $"{TrustedDocumentOptions.SectionName}:{source.Setting} {p}"));
            var isApps = source.Setting == nameof(TrustedDocumentOptions.AppDirectories);
            foreach (var (hash, document) in documents)
            {
                // An app's folder is read after the configured one: a document it ships runs under its budget wherever else it is.
                if (isApps)
                    all[hash] = document with { Budget = source.Budget };
                else
                    all.TryAdd(hash, document);
            }
            if (problems.Count == 0 && logger is not null)
            {
                if (isApps)
                    LogLoadedAppDocuments(logger, documents.Count, source.Path);
                else
                    LogLoaded(logger, documents.Count, source.Path);
            }
        }
        if (failures.Count > 0)
            return ValidateOptionsResult.Fail(failures);
        Volatile.Write(ref _budgets, all.Values.Where(d => d.Budget is not null)
            .ToFrozenDictionary<TrustedDocument, GraphQLDocument, CostBudget>(d => d.Document, d => d.Budget!, ReferenceEqualityComparer.Instance));
        Volatile.Write(ref _documents, all.ToFrozenDictionary(StringComparer.Ordinal));
        return ValidateOptionsResult.Success;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Loaded {Count} trusted documents from {Directory}.")]
    private static partial void LogLoaded(ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Loaded the app's own {Count} trusted documents from {Directory}.")]
    private static partial void LogLoadedAppDocuments(ILogger logger, int count, string directory);

    /// <summary>A folder to read: the setting that names it (for its problems), its full path, and its documents' cost budget.</summary>
    private sealed record Source(string Setting, string Path, CostBudget? Budget);
}
