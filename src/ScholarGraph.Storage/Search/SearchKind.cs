namespace ScholarGraph.Storage.Search;

/// <summary>What a search covers: each kind is one table and the text fields searched in it.</summary>
public enum SearchKind
{
    /// <summary>Papers, by title (weighted most) and abstract.</summary>
    Paper,

    /// <summary>Authors, by name.</summary>
    Author,

    /// <summary>Institutions, by name.</summary>
    Institution,

    /// <summary>Topics, by name.</summary>
    Topic,
}

/// <summary>A search to run: the parsed query, the kinds it covers and the page wanted.</summary>
/// <param name="Query">The parsed query.</param>
/// <param name="Kinds">The kinds searched; never empty.</param>
/// <param name="Limit">How many hits to read (a page and one more, to tell whether another follows).</param>
/// <param name="After">The hit the page starts after, in rank order; <c>null</c> for the first page.</param>
public sealed record SearchRequest(SearchQuery Query, IReadOnlyCollection<SearchKind> Kinds, int Limit, SearchPosition? After);

/// <summary>
/// Where a hit stands in rank order: best <see cref="Score"/> first, ties by <see cref="Kind"/> then <see cref="Key"/>, so that the
/// order is total and a cursor names one position.
/// </summary>
/// <param name="Score">The relevance; higher is better.</param>
/// <param name="Kind">The hit's kind.</param>
/// <param name="Key">The entity's key.</param>
public sealed record SearchPosition(double Score, SearchKind Kind, string Key);

/// <summary>One hit.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Key">The entity's key (not its global id).</param>
/// <param name="Score">
/// The relevance, higher is better: SQLite's BM25 (negated, a title's words weighing 10 times an abstract's), PostgreSQL's
/// <c>ts_rank</c> (a title's words weight A, an abstract's B), InMemory's count of matching terms with the same weights. Scores
/// order hits within one search; they are not comparable across stores or queries.
/// </param>
/// <param name="Snippet">The matched text with the matches marked (<see cref="SearchSnippets"/>).</param>
public sealed record SearchHit(SearchKind Kind, string Key, double Score, string Snippet)
{
    /// <summary>The hit's position in rank order.</summary>
    public SearchPosition Position => new(Score, Kind, Key);
}

/// <summary>A name or title that starts with an autocomplete prefix.</summary>
/// <param name="Kind">What it names.</param>
/// <param name="Key">The entity's key.</param>
/// <param name="Text">The name or title as stored.</param>
public sealed record AutocompleteSuggestion(SearchKind Kind, string Key, string Text);
