namespace ScholarGraph.Domain;

/// <summary>An institution a paper names, in the order the source prints them.</summary>
public sealed class PaperInstitution
{
    /// <summary>The paper's key.</summary>
    public required string PaperId { get; set; }

    /// <summary>The institution's key.</summary>
    public required string InstitutionId { get; set; }

    /// <summary>1-based position among the institutions the source prints for the paper.</summary>
    public int Position { get; set; }

    /// <summary>The paper.</summary>
    public Paper? Paper { get; set; }

    /// <summary>The institution.</summary>
    public Institution? Institution { get; set; }
}
