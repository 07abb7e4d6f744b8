namespace ScholarGraph.Domain;

/// <summary>
/// Metrics an outside source reports about an author, kept exactly as reported (they may disagree with each other and with what
/// ScholarGraph computes from its own graph). Each value is <c>null</c> when the source does not report it.
/// </summary>
public sealed class ReportedAuthorMetrics
{
    /// <summary>The author's key.</summary>
    public required string AuthorId { get; set; }

    /// <summary>Which source reported these figures (for example the seed profile's file name).</summary>
    public required string Source { get; set; }

    /// <summary>The h-index the source reports.</summary>
    public int? HIndex { get; set; }

    /// <summary>The citation count the source reports.</summary>
    public int? CitationCount { get; set; }

    /// <summary>The paper count the source reports.</summary>
    public int? PaperCount { get; set; }

    /// <summary>The source's "novelty" figure, in percent.</summary>
    public double? NoveltyPercent { get; set; }

    /// <summary>The source's "AI score".</summary>
    public double? AiScore { get; set; }

    /// <summary>The author.</summary>
    public Author? Author { get; set; }
}
