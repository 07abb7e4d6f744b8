using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.Domain;

namespace ScholarGraph.Server.Authors;

/// <summary>The <c>ReportedAuthorMetrics</c> type.</summary>
public sealed class ReportedAuthorMetricsType : ObjectGraphType<ReportedAuthorMetrics>
{
    /// <summary>Defines the fields.</summary>
    public ReportedAuthorMetricsType()
    {
        Name = "ReportedAuthorMetrics";
        Description = "Metrics one outside source reports about an author, kept as reported. Each is null when the source does not report it.";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source that reported these figures.")
            .ResolveMember(e => e.Source);
        Field<IntGraphType>("hIndex").Description("The h-index the source reports.").ResolveMember(e => e.HIndex);
        Field<IntGraphType>("citationCount").Description("The citation count the source reports.").ResolveMember(e => e.CitationCount);
        Field<IntGraphType>("paperCount").Description("The paper count the source reports.").ResolveMember(e => e.PaperCount);
        Field<FloatGraphType>("noveltyPercent").Description("The source's novelty figure, in percent.").ResolveMember(e => e.NoveltyPercent);
        Field<FloatGraphType>("aiScore").Description("The source's AI score.").ResolveMember(e => e.AiScore);
    }
}
