using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Http;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// Keeps parsed documents that passed validation, keyed by schema and query text, so a repeated query is neither parsed
/// nor validated again. GraphQL.NET's own cache lives in a package this project cannot use, so this is a small one of our
/// own on <see cref="IMemoryCache"/>. Rules that depend on variables or the user must be listed in
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/>; they are the only rules run on a cached document.
/// </summary>
internal sealed class DocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache _documents;
    private readonly bool _enabled;

    public DocumentCache(IOptions<GraphQLHttpOptions> options)
    {
        _enabled = options.Value.EnableDocumentCache;
        _documents = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.DocumentCacheSizeLimit });
    }

    /// <summary>After the option configurations (100), so the schema is already chosen when the key is made.</summary>
    public float SortOrder => 200;

    // Not async where it only passes the request on (a hit, or a request it does not cache): no task of its own per request.
    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (!_enabled || options.Document is not null || options.Query is null || options.DocumentId is not null)
            return next(options);

        var key = new DocumentKey(SchemaIdentity(options.Schema), options.Query);
        if (_documents.TryGetValue(key, out GraphQLDocument? cached) && cached is not null)
        {
            UseValidated(options, cached);
            return next(options);
        }
        return ExecuteAndKeepAsync(options, key, next);
    }

    private async Task<ExecutionResult> ExecuteAndKeepAsync(ExecutionOptions options, DocumentKey key, ExecutionDelegate next)
    {
        var result = await next(options).ConfigureAwait(false);
        if (result.Executed && result.Document is not null)
            _documents.Set(key, result.Document, new MemoryCacheEntryOptions { Size = Math.Max(1, key.Query.Length) });
        return result;
    }

    public void Dispose() => _documents.Dispose();

    /// <summary>
    /// Runs <paramref name="document"/>, which passed validation against the schema before, with only the rules that must run
    /// on every request (<see cref="ExecutionOptions.CachedDocumentValidationRules"/>).
    /// </summary>
    internal static void UseValidated(ExecutionOptions options, GraphQLDocument document)
    {
        options.Document = document;
        options.ValidationRules = options.CachedDocumentValidationRules ?? [];
    }

    /// <summary>
    /// A code-first schema class is one schema however many instances DI makes of it (for example when it is scoped),
    /// so its type is the key; a plain <see cref="global::GraphQL.Types.Schema"/> built at run time is only known by its instance.
    /// </summary>
    internal static object? SchemaIdentity(ISchema? schema) =>
        schema is null ? null : schema.GetType() == typeof(global::GraphQL.Types.Schema) ? schema : schema.GetType();

    private sealed record DocumentKey(object? Schema, string Query);
}
