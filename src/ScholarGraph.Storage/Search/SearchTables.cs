namespace ScholarGraph.Storage.Search;

/// <summary>Where each kind's text is stored: its table, the name or title column, and the abstract column (papers only).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Table">The table.</param>
/// <param name="Text">The name or title column: searched (weighted most), highlighted whole, and what autocomplete completes.</param>
/// <param name="Abstract">A longer text column searched beside it, or <c>null</c>.</param>
/// <param name="FullTextTable">SQLite's FTS5 table over the columns (external content: it indexes the table's rows by rowid).</param>
internal sealed record SearchTable(SearchKind Kind, string Table, string Text, string? Abstract, string FullTextTable)
{
    /// <summary>The table of each kind, in <see cref="SearchKind"/> order.</summary>
    public static readonly IReadOnlyList<SearchTable> All =
    [
        new(SearchKind.Paper, "Papers", "Title", "Abstract", "PaperSearch"),
        new(SearchKind.Author, "Authors", "Name", null, "AuthorSearch"),
        new(SearchKind.Institution, "Institutions", "Name", null, "InstitutionSearch"),
        new(SearchKind.Topic, "Topics", "Name", null, "TopicSearch"),
    ];

    /// <summary>The table of <paramref name="kind"/>.</summary>
    public static SearchTable Of(SearchKind kind) => All[(int)kind];

    /// <summary>
    /// How much a match in the name or title weighs against one in the abstract: ten times (SQLite's BM25 column weights and
    /// InMemory's score; PostgreSQL's weights A and B are 1.0 and 0.4).
    /// </summary>
    public const double TextWeight = 10.0;
}
