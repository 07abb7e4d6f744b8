using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Projection.Extensions;

namespace ScholarGraph.Server.Papers;

/// <summary>The <c>ReportedCitationCount</c> type: a paper's citation count as one outside source reports it.</summary>
public sealed class ReportedCitationCountType : ObjectGraphType<Paper>
{
    /// <summary>Defines the fields.</summary>
    public ReportedCitationCountType()
    {
        Name = "ReportedCitationCount";
        Description = "A paper's citation count as one outside source reports it, kept as reported.";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source that reported the count (for example `openalex`).")
            .Projects(e => e.ReportedCitationCountSource).Resolve(c => c.Source.ReportedCitationCountSource ?? "unknown");
        Field<NonNullGraphType<IntGraphType>>("citationCount").Description("How many works cite the paper, according to the source.")
            .Projects(e => e.ReportedCitationCount).Resolve(c => c.Source.ReportedCitationCount!.Value);
    }
}
