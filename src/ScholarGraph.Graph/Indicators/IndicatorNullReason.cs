namespace ScholarGraph.Graph.Indicators;

/// <summary>Why a computed indicator has no value; every indicator of this namespace says so instead of giving a made-up 0.</summary>
public enum IndicatorNullReason
{
    /// <summary>The paper has no publication year, so no citation window or same-year comparison exists.</summary>
    NoPublicationYear,

    /// <summary>None of the paper's references is in the graph (or, for an author, none of the papers' references is).</summary>
    NoReferencesInGraph,

    /// <summary>No paper in the window cites the paper or any of its references: every count is 0.</summary>
    NoCitationsInWindow,

    /// <summary>The paper has no topic, so it has no field to be compared within.</summary>
    NoTopic,

    /// <summary>The papers of the same year and field receive no citations in the window, so the expected count is 0.</summary>
    ComparisonSetUncited,

    /// <summary>Fewer than two of the paper's references have a venue or topic to pair.</summary>
    NoReferencePairs,

    /// <summary>The author has no papers in the graph.</summary>
    NoPapers,

    /// <summary>None of the author's papers has a value, for more than one reason.</summary>
    NoPaperWithValue,
}

/// <summary>What every indicator result says about itself: whether it has a value, and if not, why.</summary>
public interface IComputedIndicator
{
    /// <summary>Why the value is null, or <c>null</c> when there is a value.</summary>
    IndicatorNullReason? Reason { get; }
}

/// <summary>The reasons in words, as clients show them.</summary>
public static class IndicatorNullReasons
{
    /// <summary>A short phrase for <paramref name="reason"/>, such as "no references in the graph".</summary>
    /// <param name="reason">The reason.</param>
    public static string Describe(IndicatorNullReason reason) => reason switch
    {
        IndicatorNullReason.NoPublicationYear => "the paper has no publication year",
        IndicatorNullReason.NoReferencesInGraph => "no references in the graph",
        IndicatorNullReason.NoCitationsInWindow => "no paper in the window cites the paper or its references",
        IndicatorNullReason.NoTopic => "the paper has no topic, so no field to compare within",
        IndicatorNullReason.ComparisonSetUncited => "the papers of the same year and field are not cited in the window",
        IndicatorNullReason.NoReferencePairs => "fewer than two references with a venue or topic to pair",
        IndicatorNullReason.NoPapers => "the author has no papers in the graph",
        IndicatorNullReason.NoPaperWithValue => "none of the author's papers has a value",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown reason"),
    };

    /// <summary>
    /// The reason an author-level indicator has no value, from the reasons of their papers: <see cref="IndicatorNullReason.NoPapers"/>
    /// for none, the papers' reason when they all share one, <see cref="IndicatorNullReason.NoPaperWithValue"/> otherwise.
    /// </summary>
    /// <param name="paperReasons">The reason of each of the author's papers (all without a value).</param>
    public static IndicatorNullReason OfAuthor(IReadOnlyCollection<IndicatorNullReason> paperReasons) =>
        paperReasons.Count == 0 ? IndicatorNullReason.NoPapers
        : paperReasons.Distinct().Count() == 1 ? paperReasons.First()
        : IndicatorNullReason.NoPaperWithValue;
}
