namespace ScholarGraph.Domain;

/// <summary>
/// A reference from a stored paper to a work the store does not hold (yet), kept by the cited work's OpenAlex id so that it
/// becomes a <see cref="Citation"/> when that work arrives, in the same import or a later one.
/// </summary>
public sealed class PendingCitation
{
    /// <summary>The key of the citing paper.</summary>
    public required string CitingPaperId { get; set; }

    /// <summary>The OpenAlex id of the cited work (such as <c>W2741809807</c>).</summary>
    public required string CitedOpenAlexId { get; set; }

    /// <summary>The citing paper.</summary>
    public Paper? CitingPaper { get; set; }
}
