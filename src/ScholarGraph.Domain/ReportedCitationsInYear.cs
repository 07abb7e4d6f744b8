namespace ScholarGraph.Domain;

/// <summary>
/// How many times a paper was cited in one year according to an outside source (OpenAlex's <c>counts_by_year</c>), kept as
/// reported, beside the citations the store holds.
/// </summary>
public sealed class ReportedCitationsInYear
{
    /// <summary>The paper's key.</summary>
    public required string PaperId { get; set; }

    /// <summary>The source that reported the figure (for example <c>openalex</c>).</summary>
    public required string Source { get; set; }

    /// <summary>The calendar year the citations were made in.</summary>
    public int Year { get; set; }

    /// <summary>How many citations the source counts in <see cref="Year"/>.</summary>
    public int CitationCount { get; set; }

    /// <summary>The paper.</summary>
    public Paper? Paper { get; set; }
}
