namespace ScholarGraph.Storage.Search;

/// <summary>
/// Search on PostgreSQL: each entity table has a stored generated column <c>"SearchVector"</c> (<c>tsvector</c> of the
/// <c>scholargraph_search</c> configuration: the <c>simple</c> configuration's lower-cased words, no stemming and no stop words,
/// after <c>unaccent</c> has removed their diacritics, as SQLite's tokenizer does) with a GIN index (migrations
/// <c>FullTextSearch</c> and <c>SearchIgnoresDiacritics</c>), so the database keeps it current with every write. The name or title
/// has weight A, an abstract B. Ranked by <c>ts_rank</c>; matches marked by <c>ts_headline</c> in the same configuration, so
/// <c>cafe</c> finds <c>Café</c> and marks it as written.
/// </summary>
internal sealed class PostgresFullTextSearch : SqlSearchBackend
{
    public static readonly PostgresFullTextSearch Instance = new();

    /// <summary>The text search configuration of every vector and query.</summary>
    public const string Configuration = "scholargraph_search";

    /// <summary>
    /// A <c>tsquery</c>: each word a quoted lexeme, a phrase's words joined by <c>&lt;-&gt;</c> (followed by), <c>:*</c> after a
    /// prefix, the terms joined by <c>&amp;</c> and each exclusion negated with <c>!</c>. Words hold only letters and digits.
    /// </summary>
    protected override string MatchText(SearchQuery query) =>
        string.Join(" & ", query.Required.Select(Phrase).Concat(query.Excluded.Select(t => "!" + Phrase(t))));

    private static string Phrase(SearchTerm term) =>
        "(" + string.Join(" <-> ", term.Words.Select((w, i) => "'" + w + "'" + (term.Prefix && i == term.Words.Count - 1 ? ":*" : ""))) + ")";

    protected override string RankedRows(SearchTable table) =>
        $"SELECT {(int)table.Kind} AS \"Kind\", t.\"Id\" AS \"Key\", ts_rank(t.\"SearchVector\", q.query)::float8 AS \"Score\" "
        + $"{From(table)} WHERE t.\"SearchVector\" @@ q.query";

    protected override string CountRows(SearchTable table) =>
        $"SELECT count(*) FROM \"{table.Table}\" WHERE \"SearchVector\" @@ to_tsquery('{Configuration}', @match)";

    protected override string MarkedRows(SearchTable table, string keys) =>
        $"SELECT t.\"Id\", ts_headline('{Configuration}', t.\"{table.Text}\", q.query, @whole), "
        + (table.Abstract is null
            ? "NULL, NULL "
            : $"ts_headline('{Configuration}', coalesce(t.\"{table.Abstract}\", ''), q.query, @fragment), t.\"{table.Abstract}\" ")
        + $"{From(table)} WHERE t.\"Id\" IN ({keys})";

    protected override IEnumerable<(string Name, object Value)> MarkingParameters =>
    [
        ("@whole", $"HighlightAll=true, {Marks}"),
        ("@fragment", $"MaxWords={SearchSnippets.FragmentWords}, MinWords={SearchSnippets.FragmentWords / 2}, ShortWord=0, {Marks}"),
    ];

    private static readonly string Marks = $"StartSel=\"{SearchSnippets.Start}\", StopSel=\"{SearchSnippets.End}\"";

    private static string From(SearchTable table) =>
        $"FROM \"{table.Table}\" AS t, to_tsquery('{Configuration}', @match) AS q(query)";
}
