namespace ScholarGraph.Storage.Search;

/// <summary>
/// Search on SQLite: one FTS5 table per kind (<c>PaperSearch</c>, <c>AuthorSearch</c>, <c>InstitutionSearch</c>,
/// <c>TopicSearch</c>; migration <c>FullTextSearch</c>), with external content (the entity table's rows by rowid, so no text is
/// stored twice) and triggers on the entity table that update it with every insert, update and delete, whoever writes; the
/// bulk writers (the seed loader, the importer's batches) drop the triggers inside their transaction and index their rows by
/// sets before the commit instead (<see cref="BulkSearchIndex"/>).
/// Ranked by BM25 with a name or title weighing 10 and an abstract 1; matches marked by FTS5's <c>highlight</c> and
/// <c>snippet</c>. The tokenizer is <c>unicode61</c> with diacritics removed, so <c>cafe</c> finds <c>Café</c>.
/// </summary>
internal sealed class SqliteFullTextSearch : SqlSearchBackend
{
    public static readonly SqliteFullTextSearch Instance = new();

    /// <summary>
    /// FTS5's query: each term a quoted string (a phrase when it holds several words, <c>*</c> after it for a prefix), the
    /// required ones joined by <c>AND</c>, each exclusion after a <c>NOT</c>. Words hold only letters and digits, so nothing
    /// of the client's text reaches FTS5's syntax.
    /// </summary>
    protected override string MatchText(SearchQuery query) =>
        "(" + string.Join(" AND ", query.Required.Select(Phrase)) + ")" + string.Concat(query.Excluded.Select(t => " NOT " + Phrase(t)));

    private static string Phrase(SearchTerm term) => "\"" + string.Join(" ", term.Words) + "\"" + (term.Prefix ? "*" : "");

    protected override string RankedRows(SearchTable table) =>
        $"SELECT {(int)table.Kind} AS \"Kind\", t.\"Id\" AS \"Key\", -bm25(\"{table.FullTextTable}\", {Weights(table)}) AS \"Score\" {From(table)}";

    protected override string CountRows(SearchTable table) =>
        $"SELECT count(*) FROM \"{table.FullTextTable}\" WHERE \"{table.FullTextTable}\" MATCH @match";

    protected override string MarkedRows(SearchTable table, string keys) =>
        $"SELECT t.\"Id\", highlight(\"{table.FullTextTable}\", 0, @start, @end), "
        + (table.Abstract is null
            ? "NULL, NULL "
            : $"snippet(\"{table.FullTextTable}\", 1, @start, @end, '', {SearchSnippets.FragmentWords}), t.\"{table.Abstract}\" ")
        + $"{From(table)} AND t.\"Id\" IN ({keys})";

    protected override IEnumerable<(string Name, object Value)> MarkingParameters =>
        [("@start", SearchSnippets.Start.ToString()), ("@end", SearchSnippets.End.ToString())];

    private static string From(SearchTable table) =>
        $"FROM \"{table.FullTextTable}\" JOIN \"{table.Table}\" AS t ON t.rowid = \"{table.FullTextTable}\".rowid WHERE \"{table.FullTextTable}\" MATCH @match";

    private static string Weights(SearchTable table) =>
        FormattableString.Invariant($"{SearchTable.TextWeight:0.0}") + (table.Abstract is null ? "" : ", 1.0");
}
