using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Errors;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// Resolves what a request names instead of (or beside) its query text, for every transport, before anything is parsed:
/// <list type="bullet">
/// <item>a <c>documentId</c> (GraphQL over HTTP's persisted documents: <c>sha256:&lt;hex&gt;</c>, or the bare hex) runs that
/// trusted document, parsed when it was loaded and validated on its first use only; it takes precedence over query text
/// and <c>extensions.persistedQuery</c> (the transports refuse a request with both <c>documentId</c> and <c>query</c>);</item>
/// <item><c>extensions.persistedQuery { version: 1, sha256Hash }</c> (Apollo's automatic persisted queries) runs the trusted
/// document of that hash, or else the query registered under it, or answers <c>PERSISTED_QUERY_NOT_FOUND</c>; sent with the
/// query text, it checks the hash and registers the text once it has validated;</item>
/// <item>query text alone runs unless <see cref="TrustedDocumentOptions.Mode"/> (or, in
/// <see cref="TrustedDocumentMode.AllowArbitraryForAuthorized"/>, the <see cref="IArbitraryDocumentPolicy"/>) refuses it. Where
/// it is refused, registering automatic persisted queries is refused too, and their store is not consulted: it holds text
/// that others sent.</item>
/// </list>
/// </summary>
internal sealed class PersistedDocumentHandler(
    IOptions<TrustedDocumentOptions> options, TrustedDocumentStore trusted, AutomaticPersistedQueryStore registered, IArbitraryDocumentPolicy policy)
    : IConfigureExecution
{
    /// <summary>The key of the automatic persisted queries protocol in a request's <c>extensions</c>.</summary>
    public const string PersistedQueryExtension = "persistedQuery";

    private const string SupportedVersion = "1";

    // The trusted documents that passed validation against a schema, so later uses run only the cached-document rules.
    private readonly ConcurrentDictionary<(object? Schema, string Hash), bool> _validated = new();

    /// <summary>
    /// After the option configurations (100), so the schema is chosen, after an app's refusals of the caller (such as 150), and
    /// after the limits (170), which count the tokens of the text sent and set the rules and the timeout this handler's documents
    /// then run under; before the document cache (200), which then caches an automatic persisted query's text as any other.
    /// </summary>
    public float SortOrder => 180;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        if (execution.Document is not null)
            return next(execution);
        // Reading the settings validates them, which loads the trusted documents if the start has not.
        var settings = options.Value;
        if (execution.DocumentId is { } documentId)
            return RunDocumentIdAsync(execution, documentId, next);
        if (PersistedQuery.Read(execution.Extensions) is { } persisted)
            return RunPersistedQueryAsync(execution, settings, persisted, next);
        return MayRunArbitraryText(execution, settings)
            ? next(execution)
            : Refuse(new TrustedDocumentRequiredError(settings.Mode, registeringPersistedQuery: false));
    }

    private Task<ExecutionResult> RunDocumentIdAsync(ExecutionOptions execution, string documentId, ExecutionDelegate next)
    {
        if (DocumentIds.ParseSha256(documentId) is not { } hash)
            return Refuse(PersistedDocumentIdInvalidError.ForDocumentId(documentId));
        return trusted.TryGet(hash, out var document)
            ? RunTrustedAsync(execution, document, next)
            : Refuse(PersistedDocumentNotFoundError.ForDocumentId(documentId));
    }

    private async Task<ExecutionResult> RunPersistedQueryAsync(
        ExecutionOptions execution, TrustedDocumentOptions settings, PersistedQuery persisted, ExecutionDelegate next)
    {
        if (DocumentIds.ParseSha256(persisted.Hash as string) is not { } hash)
            return Refused(PersistedDocumentIdInvalidError.ForPersistedQuery(persisted.Hash));
        if (persisted.Version != SupportedVersion)
        {
            return Refused(new PersistedQueryNotSupportedError(
                $"The automatic persisted queries protocol is supported in version {SupportedVersion}; extensions.persistedQuery.version is {(persisted.Version is null ? "missing" : $"'{persisted.Version}'")}."));
        }
        var query = execution.Query;
        if (query is not null && DocumentIds.Sha256Of(query) is var actual && actual != hash)
            return Refused(new PersistedQueryHashMismatchError(hash, actual));

        if (trusted.TryGet(hash, out var document))
            return await RunTrustedAsync(execution, document, next).ConfigureAwait(false);
        if (!MayRunArbitraryText(execution, settings))
        {
            return Refused(query is null
                ? PersistedDocumentNotFoundError.ForPersistedQuery(hash)
                : new TrustedDocumentRequiredError(settings.Mode, registeringPersistedQuery: true));
        }
        if (!settings.EnableAutomaticPersistedQueries)
            return Refused(new PersistedQueryNotSupportedError("Automatic persisted queries are turned off on this server; send the query text without extensions.persistedQuery."));

        if (query is null)
        {
            if (registered.Find(hash) is not { } stored)
                return Refused(new PersistedQueryNotFoundError(hash));
            execution.Query = stored;
            return await next(execution).ConfigureAwait(false);
        }
        var result = await next(execution).ConfigureAwait(false);
        // Only text that passed validation is kept, so the store never fills with documents that cannot run.
        if (result.Executed)
            registered.Add(hash, query);
        return result;
    }

    private async Task<ExecutionResult> RunTrustedAsync(ExecutionOptions execution, TrustedDocument document, ExecutionDelegate next)
    {
        // The text too, for whatever reads it later (logs, limits); the parsed document is what runs.
        execution.Query = document.Text;
        var key = (DocumentCache.SchemaIdentity(execution.Schema), document.Hash);
        var validated = _validated.ContainsKey(key);
        if (validated)
            DocumentCache.UseValidated(execution, document.Document);
        else
            execution.Document = document.Document;
        var result = await next(execution).ConfigureAwait(false);
        if (!validated && result.Executed)
            _validated.TryAdd(key, true);
        return result;
    }

    private bool MayRunArbitraryText(ExecutionOptions execution, TrustedDocumentOptions settings) => settings.Mode switch
    {
        TrustedDocumentMode.Off => true,
        TrustedDocumentMode.AllowArbitraryForAuthorized => policy.AllowsArbitraryDocuments(execution),
        _ => false,
    };

    private static ExecutionResult Refused(ExecutionError error) => new(error) { Executed = false };

    private static Task<ExecutionResult> Refuse(ExecutionError error) => Task.FromResult(Refused(error));

    /// <summary>The <c>persistedQuery</c> extension: its version as text (GraphQL.NET reads the number 1 as an int) and its hash as sent.</summary>
    private sealed record PersistedQuery(string? Version, object? Hash)
    {
        public static PersistedQuery? Read(Inputs? extensions)
        {
            if (extensions is null || !extensions.TryGetValue(PersistedQueryExtension, out var value))
                return null;
            var fields = value as IDictionary<string, object?>;
            object? version = null, hash = null;
            fields?.TryGetValue("version", out version);
            fields?.TryGetValue("sha256Hash", out hash);
            return new PersistedQuery(Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture), hash);
        }
    }
}
