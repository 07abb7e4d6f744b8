namespace ScholarGraph.Domain;

/// <summary>An author's membership of an institution.</summary>
public sealed class Affiliation
{
    /// <summary>The author's key.</summary>
    public required string AuthorId { get; set; }

    /// <summary>The institution's key.</summary>
    public required string InstitutionId { get; set; }

    /// <summary>The author.</summary>
    public Author? Author { get; set; }

    /// <summary>The institution.</summary>
    public Institution? Institution { get; set; }
}
