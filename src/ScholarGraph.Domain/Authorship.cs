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

    /// <summary>The author's name exactly as the paper prints it (OpenAlex's <c>raw_author_name</c>), or <c>null</c>.</summary>
    public string? RawAuthorName { get; set; }

    /// <summary>
    /// The affiliations exactly as the paper prints them for this author (OpenAlex's <c>raw_affiliation_strings</c>, and the names
    /// of institutions the source could not identify); empty when it prints none.
    /// </summary>
    public List<string> RawAffiliations { get; set; } = [];

    /// <summary>Whether the author is a corresponding author of the paper, or <c>null</c> when the source does not say.</summary>
    public bool? IsCorresponding { get; set; }

    /// <summary>The paper.</summary>
    public Paper? Paper { get; set; }

    /// <summary>The author.</summary>
    public Author? Author { get; set; }

    /// <summary>The institution the paper lists for this author.</summary>
    public Institution? Institution { get; set; }
}
