using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Search;

/// <summary>
/// Full-text search and autocomplete over papers (title, abstract), authors, institutions and topics (name), on the store the
/// context is on: SQLite's FTS5 tables, PostgreSQL's <c>tsvector</c> columns with GIN indexes (both kept current by the store
/// itself, so every writer is followed: mutations, the seed loaders, the OpenAlex importer), or a scan of EF InMemory's rows.
/// The query language and the order of hits are the same on each (<see cref="SearchQuery"/>, <see cref="SearchPosition"/>).
/// </summary>
public static class FullTextSearch
{
    /// <summary>
    /// The hits of <paramref name="request"/> in rank order, at most <see cref="SearchRequest.Limit"/> of them after
    /// <see cref="SearchRequest.After"/>, each with its snippet.
    /// </summary>
    public static Task<IReadOnlyList<SearchHit>> SearchAsync(ScholarGraphDbContext db, SearchRequest request, CancellationToken cancellationToken = default) =>
        BackendOf(db).SearchAsync(db, request, cancellationToken);

    /// <summary>How many hits <paramref name="query"/> has among <paramref name="kinds"/>.</summary>
    public static Task<int> CountAsync(ScholarGraphDbContext db, SearchQuery query, IReadOnlyCollection<SearchKind> kinds, CancellationToken cancellationToken = default) =>
        BackendOf(db).CountAsync(db, query, kinds, cancellationToken);

    /// <summary>
    /// The first <paramref name="limit"/> names (or, for papers, titles) of <paramref name="kind"/> that start with
    /// <paramref name="prefix"/>, ignoring the case of ASCII letters (as SQLite's and PostgreSQL's <c>lower()</c> on the
    /// <c>C</c> collation do), in that case-folded order, ties by key. Answered by a range scan of an index on the folded name.
    /// </summary>
    /// <exception cref="SearchQueryException"><paramref name="prefix"/> is empty or only spaces.</exception>
    public static Task<IReadOnlyList<AutocompleteSuggestion>> AutocompleteAsync(
        ScholarGraphDbContext db, SearchKind kind, string prefix, int limit, CancellationToken cancellationToken = default)
    {
        var folded = FoldAscii(prefix.TrimStart());
        if (folded.Length == 0)
            throw SearchQueryProblems.EmptyPrefix(prefix);
        return BackendOf(db).AutocompleteAsync(db, kind, folded, limit, cancellationToken);
    }

    /// <summary>Lower-cases ASCII letters only, as <c>lower()</c> does on SQLite and on PostgreSQL's <c>C</c> collation.</summary>
    public static string FoldAscii(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
            span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
    });

    /// <summary>The smallest string above every string that starts with <paramref name="prefix"/>, in code point order.</summary>
    internal static string UpperBound(string prefix) => prefix + char.ConvertFromUtf32(0x10FFFF);

    private static ISearchBackend BackendOf(ScholarGraphDbContext db) =>
        db.Database.IsSqlite() ? SqliteFullTextSearch.Instance
        : db.Database.IsNpgsql() ? PostgresFullTextSearch.Instance
        : InMemoryFullTextSearch.Instance;

    /// <summary>Opens the context's connection and makes a command with <paramref name="sql"/> and named parameters.</summary>
    internal static async Task<DbCommand> CommandAsync(ScholarGraphDbContext db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

/// <summary>One store's way of answering <see cref="FullTextSearch"/>.</summary>
internal interface ISearchBackend
{
    Task<IReadOnlyList<SearchHit>> SearchAsync(ScholarGraphDbContext db, SearchRequest request, CancellationToken cancellationToken);

    Task<int> CountAsync(ScholarGraphDbContext db, SearchQuery query, IReadOnlyCollection<SearchKind> kinds, CancellationToken cancellationToken);

    /// <summary><paramref name="folded"/> is already ASCII-folded and not empty.</summary>
    Task<IReadOnlyList<AutocompleteSuggestion>> AutocompleteAsync(ScholarGraphDbContext db, SearchKind kind, string folded, int limit, CancellationToken cancellationToken);
}
