using System.Data.Common;
using System.Globalization;
using System.Text;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Search;

/// <summary>
/// What SQLite's and PostgreSQL's search share: one SQL query ranks the hits of every kind asked for (a <c>UNION ALL</c> of one
/// branch per kind, ordered by score, kind and key, from the cursor's position on), a second one per kind on the page marks
/// the matches of only the page's rows, and autocomplete reads a range of the index on the folded name.
/// </summary>
internal abstract class SqlSearchBackend : ISearchBackend
{
    /// <summary>The query as the store's match syntax (FTS5's query, or PostgreSQL's <c>tsquery</c> text).</summary>
    protected abstract string MatchText(SearchQuery query);

    /// <summary>The branch that selects <c>"Kind"</c>, <c>"Key"</c> and <c>"Score"</c> of every row of the table matching <c>@match</c>.</summary>
    protected abstract string RankedRows(SearchTable table);

    /// <summary>Counts the rows of the table matching <c>@match</c>.</summary>
    protected abstract string CountRows(SearchTable table);

    /// <summary>
    /// Selects, for the rows matching <c>@match</c> whose key is in <paramref name="keys"/>: the key, the marked name or title, the
    /// marked abstract fragment (or null) and the abstract (or null).
    /// </summary>
    protected abstract string MarkedRows(SearchTable table, string keys);

    /// <summary>Parameters the marking query needs besides <c>@match</c> and the keys.</summary>
    protected abstract IEnumerable<(string Name, object Value)> MarkingParameters { get; }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(ScholarGraphDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        var match = MatchText(request.Query);
        var sql = new StringBuilder("SELECT \"Kind\", \"Key\", \"Score\" FROM (");
        sql.AppendJoin(" UNION ALL ", request.Kinds.Order().Select(k => RankedRows(SearchTable.Of(k))));
        sql.Append(") AS hits");
        List<(string, object)> parameters = [("@match", match), ("@limit", request.Limit)];
        if (request.After is { } after)
        {
            // Rows after the cursor's position in (score DESC, kind, key) order.
            sql.Append(" WHERE \"Score\" < @score OR (\"Score\" = @score AND (\"Kind\" > @kind OR (\"Kind\" = @kind AND \"Key\" > @key)))");
            parameters.AddRange([("@score", after.Score), ("@kind", (int)after.Kind), ("@key", after.Key)]);
        }
        sql.Append(" ORDER BY \"Score\" DESC, \"Kind\", \"Key\" LIMIT @limit");

        var ranked = new List<(SearchKind Kind, string Key, double Score)>();
        await using (var command = await FullTextSearch.CommandAsync(db, sql.ToString(), parameters, cancellationToken))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                ranked.Add(((SearchKind)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetDouble(2)));
        }

        var snippets = new Dictionary<(SearchKind, string), string>();
        foreach (var group in ranked.GroupBy(h => h.Kind))
        {
            var keys = group.Select(h => h.Key).Distinct().ToList();
            var names = string.Join(", ", keys.Select((_, i) => $"@k{i}"));
            var markParameters = keys.Select((k, i) => ($"@k{i}", (object)k)).Append(("@match", match)).Concat(MarkingParameters);
            await using var command = await FullTextSearch.CommandAsync(db, MarkedRows(SearchTable.Of(group.Key), names), markParameters, cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                snippets[(group.Key, reader.GetString(0))] = Snippet(reader.GetString(1), Nullable(reader, 2), Nullable(reader, 3));
            }
        }
        return ranked.Select(h => new SearchHit(h.Kind, h.Key, h.Score, snippets.GetValueOrDefault((h.Kind, h.Key), ""))).ToList();
    }

    public async Task<int> CountAsync(ScholarGraphDbContext db, SearchQuery query, IReadOnlyCollection<SearchKind> kinds, CancellationToken cancellationToken)
    {
        var sql = "SELECT " + string.Join(" + ", kinds.Order().Select(k => $"({CountRows(SearchTable.Of(k))})"));
        await using var command = await FullTextSearch.CommandAsync(db, sql, [("@match", MatchText(query))], cancellationToken);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<AutocompleteSuggestion>> AutocompleteAsync(
        ScholarGraphDbContext db, SearchKind kind, string folded, int limit, CancellationToken cancellationToken)
    {
        var table = SearchTable.Of(kind);
        // A range of the index on (lower(text), key): the folded names from the prefix up to the first that no longer starts with it.
        var sql = $"SELECT \"Id\", \"{table.Text}\" FROM \"{table.Table}\" WHERE lower(\"{table.Text}\") >= @low AND lower(\"{table.Text}\") < @high "
            + $"ORDER BY lower(\"{table.Text}\"), \"Id\" LIMIT @limit";
        await using var command = await FullTextSearch.CommandAsync(db, sql,
            [("@low", folded), ("@high", FullTextSearch.UpperBound(folded)), ("@limit", limit)], cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var suggestions = new List<AutocompleteSuggestion>();
        while (await reader.ReadAsync(cancellationToken))
            suggestions.Add(new AutocompleteSuggestion(kind, reader.GetString(0), reader.GetString(1)));
        return suggestions;
    }

    /// <summary>The snippet of a hit: its name or title when that matched, else the fragment of its abstract.</summary>
    internal static string Snippet(string markedText, string? markedFragment, string? @abstract) =>
        SearchSnippets.HasMatch(markedText) || !SearchSnippets.HasMatch(markedFragment)
            ? SearchSnippets.Finish(markedText)
            : SearchSnippets.Finish(markedFragment!, @abstract);

    private static string? Nullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
