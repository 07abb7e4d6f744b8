namespace ScholarGraph.Domain;

/// <summary>A paper citing another paper.</summary>
public sealed class Citation
{
    /// <summary>The key of the citing paper.</summary>
    public required string CitingPaperId { get; set; }

    /// <summary>The key of the cited paper.</summary>
    public required string CitedPaperId { get; set; }

    /// <summary>The citing paper.</summary>
    public Paper? CitingPaper { get; set; }

    /// <summary>The cited paper.</summary>
    public Paper? CitedPaper { get; set; }
}
