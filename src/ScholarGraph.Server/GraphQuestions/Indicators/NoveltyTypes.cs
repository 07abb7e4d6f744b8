using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.Graph.Indicators;

namespace ScholarGraph.Server.GraphQuestions.Indicators;

/// <summary>An author's computed novelty with the author's key, to load what sources report beside it.</summary>
/// <param name="AuthorKey">The author's key.</param>
/// <param name="Computed">The computed medians.</param>
public sealed record AuthorNoveltyResult(string AuthorKey, AuthorNovelty Computed) : IComputedIndicator
{
    /// <inheritdoc />
    public IndicatorNullReason? Reason => Computed.Reason;
}

/// <summary>The <c>CombinationBasis</c> enum.</summary>
public sealed class CombinationBasisType : EnumerationGraphType<CombinationBasis>
{
    /// <summary>Defines the values.</summary>
    public CombinationBasisType()
    {
        Name = "CombinationBasis";
        Description = "What a paper's references are paired by when their combinations are scored.";
        Values["VENUE_OR_TOPIC"]!.Description = "The venue of each reference, or its primary topic where the venue is unknown.";
        Values["VENUE"]!.Description = "The venue of each reference; references without a venue are left out.";
        Values["TOPIC"]!.Description = "The primary topic of each reference; references without topics are left out.";
    }
}

/// <summary>Describes commonness once for both novelty types.</summary>
internal static class NoveltyDescriptions
{
    public const string Commonness = "Commonness of Lee, Walsh and Wang (2015): every pair of a paper's references (labelled by `basis`) is a "
        + "pair of labels (i, j); over all papers published in year t, commonness_ij = N_ij · N / (N_i · N_j), with N_ij the pairs of i "
        + "and j, N_i the pairs including i and N all pairs. 1 = combined as often as chance predicts; lower is rarer.";
}

/// <summary>The <c>Novelty</c> type.</summary>
public sealed class NoveltyType : ObjectGraphType<PaperNovelty>
{
    /// <summary>Defines the fields.</summary>
    public NoveltyType()
    {
        Name = "Novelty";
        Description = "How novel and how conventional a paper's combinations of prior work are, computed from the graph. "
            + NoveltyDescriptions.Commonness + " The paper's novelty is the 10th percentile of its pairs' commonness, its conventionality the median "
            + "(linear interpolation). The Uzzi et al. (2013) z-scores are not computed.";
        Field<FloatGraphType>("value").Description("Novelty: the 10th percentile of the pairs' commonness (lower is more novel), or null (see `reason`).")
            .Resolve(c => c.Source.Value);
        Field<FloatGraphType>("percentile")
            .Description("The novelty's percentile rank among the papers of the same year that have one, 0 to 100, higher is more novel: "
                + "100 · (papers less novel + ½ · papers as novel) / papers.")
            .Resolve(c => c.Source.Percentile);
        Field<FloatGraphType>("conventionality").Description("The median of the pairs' commonness (higher is more conventional), or null.")
            .Resolve(c => c.Source.Conventionality);
        Field<NonNullGraphType<IntGraphType>>("pairCount").Description("Pairs of labelled references, C(k, 2) for k of them.")
            .Resolve(c => (int)Math.Min(int.MaxValue, c.Source.PairCount));
        Field<IntGraphType>("year").Description("The year whose pairs the commonness is computed over, or null.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<CombinationBasisType>>("basis").Description("What the references were paired by.").Resolve(c => c.Source.Basis);
        this.ImplementComputedIndicator();
    }
}

/// <summary>The <c>ReportedNovelty</c> type.</summary>
public sealed class ReportedNoveltyType : ObjectGraphType<ReportedAuthorMetrics>
{
    /// <summary>Defines the fields.</summary>
    public ReportedNoveltyType()
    {
        Name = "ReportedNovelty";
        Description = "A novelty figure an outside source reports about an author, kept as reported (its method is the source's, not ScholarGraph's).";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source that reported it.").ResolveMember(e => e.Source);
        // Only rows with a novelty figure are listed (LoadReportedNovelty), so the value is never null here.
        Field<NonNullGraphType<FloatGraphType>>("percent").Description("The figure, in percent, as reported.").ResolveMember(e => e.NoveltyPercent);
    }
}

/// <summary>The <c>AuthorNovelty</c> type.</summary>
public sealed class AuthorNoveltyType : ObjectGraphType<AuthorNoveltyResult>
{
    /// <summary>Defines the fields.</summary>
    public AuthorNoveltyType()
    {
        Name = "AuthorNovelty";
        Description = "An author's novelty computed from the graph: the medians of `Paper.novelty` over their papers that have one, shown beside "
            + "(never instead of) the novelty sources report.";
        Field<FloatGraphType>("value").Description("The median novelty (10th-percentile commonness; lower is more novel), or null (see `reason`).")
            .Resolve(c => c.Source.Computed.Value);
        Field<FloatGraphType>("percentile").Description("The median of the papers' novelty percentiles, 0 to 100 (higher is more novel), or null.")
            .Resolve(c => c.Source.Computed.Percentile);
        Field<FloatGraphType>("conventionality").Description("The median of the papers' conventionality, or null.")
            .Resolve(c => c.Source.Computed.Conventionality);
        Field<NonNullGraphType<IntGraphType>>("papersWithValue").Description("Papers the medians are taken over.")
            .Resolve(c => c.Source.Computed.PapersWithValue);
        Field<NonNullGraphType<IntGraphType>>("paperCount").Description("The author's papers.").Resolve(c => c.Source.Computed.PaperCount);
        Field<NonNullGraphType<CombinationBasisType>>("basis").Description("What the references were paired by.").Resolve(c => c.Source.Computed.Basis);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportedNoveltyType>>>>("reported")
            .Description("The novelty each outside source reports, as reported (for example the seed profile's \"Novelty 64%\"), by source; "
                + "empty when none does. It is not comparable to `value` by construction: its method is the source's.")
            .Resolve(c => c.LoadReportedNovelty(c.Source.AuthorKey));
        this.ImplementComputedIndicator();
    }
}
