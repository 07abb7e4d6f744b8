using GraphQL.Types;
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
            .Resolve(c => c.Source.Source);
        Field<IntGraphType>("hIndex").Description("The h-index the source reports.").Resolve(c => c.Source.HIndex);
        Field<IntGraphType>("citationCount").Description("The citation count the source reports.").Resolve(c => c.Source.CitationCount);
        Field<IntGraphType>("paperCount").Description("The paper count the source reports.").Resolve(c => c.Source.PaperCount);
        Field<FloatGraphType>("noveltyPercent").Description("The source's novelty figure, in percent.").Resolve(c => c.Source.NoveltyPercent);
        Field<FloatGraphType>("aiScore").Description("The source's AI score.").Resolve(c => c.Source.AiScore);
    }
}
