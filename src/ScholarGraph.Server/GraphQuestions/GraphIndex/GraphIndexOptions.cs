using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>How the in-memory graph index follows writes; bound from the configuration section <c>GraphIndex</c>.</summary>
public sealed class GraphIndexOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "GraphIndex";

    /// <summary>
    /// How many papers written since the last full build the overlay holds before a background merge rebuilds the index.
    /// Default: 10,000; at least 1.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int MergeThreshold { get; set; } = 10_000;
}
