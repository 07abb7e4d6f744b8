namespace ScholarGraph.Domain;

/// <summary>An author's place on a paper.</summary>
public sealed class Authorship
{
    /// <summary>The paper's key.</summary>
    public required string PaperId { get; set; }

    /// <summary>The author's key.</summary>
    public required string AuthorId { get; set; }

    /// <summary>
    /// 1-based position in the author list the source prints, or <c>null</c> when the author is known to be on the paper
    /// but the printed list (cut short by "et al.") does not show where.
    /// </summary>
    public int? Position { get; set; }

    /// <summary>The institution the paper lists for this author, or <c>null</c> when the source does not say.</summary>
    public string? InstitutionId { get; set; }

    /// <summary>The paper.</summary>
    public Paper? Paper { get; set; }

    /// <summary>The author.</summary>
    public Author? Author { get; set; }

    /// <summary>The institution the paper lists for this author.</summary>
    public Institution? Institution { get; set; }
}
