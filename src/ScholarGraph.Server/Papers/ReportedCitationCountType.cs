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
        Field<DateTimeGraphType>("updatedAt")
            .Description("When the source last updated the record the count comes from (OpenAlex's `updated_date`, UTC), or null when it does not say.")
            .ResolveMember(e => e.ReportedUpdatedAt);
    }
}

/// <summary>The <c>ReportedFwci</c> type: a paper's field-weighted citation impact as one outside source reports it.</summary>
public sealed class ReportedFwciType : ObjectGraphType<Paper>
{
    /// <summary>Defines the fields.</summary>
    public ReportedFwciType()
    {
        Name = "ReportedFwci";
        Description = "A paper's field-weighted citation impact (citations relative to the world average of works alike in field, year "
            + "and type; 1 is average) as one outside source computes and reports it, kept as reported; never computed here.";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source that reported the figure (for example `openalex`).")
            .Projects(e => e.ReportedFwciSource).Resolve(c => c.Source.ReportedFwciSource ?? "unknown");
        Field<NonNullGraphType<FloatGraphType>>("value").Description("The field-weighted citation impact, according to the source.")
            .Projects(e => e.ReportedFwci).Resolve(c => c.Source.ReportedFwci!.Value);
        Field<DateTimeGraphType>("updatedAt")
            .Description("When the source last updated the record the figure comes from (OpenAlex's `updated_date`, UTC), or null when it does not say.")
            .ResolveMember(e => e.ReportedUpdatedAt);
    }
}

/// <summary>A paper's citations in one year as a source reports them, with when the source last updated its record.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="CitationCount">How many citations the source counts in that year.</param>
/// <param name="Source">The source.</param>
/// <param name="UpdatedAt">When the source last updated the paper's record, or null.</param>
public sealed record ReportedYearCitations(int Year, int CitationCount, string Source, DateTime? UpdatedAt);

/// <summary>The <c>ReportedCitationsInYear</c> type.</summary>
public sealed class ReportedCitationsInYearType : ObjectGraphType<ReportedYearCitations>
{
    /// <summary>Defines the fields.</summary>
    public ReportedCitationsInYearType()
    {
        Name = "ReportedCitationsInYear";
        Description = "How many times a paper was cited in one year according to an outside source (OpenAlex's `counts_by_year`), kept as "
            + "reported: the source counts citing works the store may not hold.";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The calendar year the citations were made in.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("citationCount").Description("How many citations the source counts in the year.")
            .Resolve(c => c.Source.CitationCount);
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source that reported the figure (for example `openalex`).")
            .Resolve(c => c.Source.Source);
        Field<DateTimeGraphType>("updatedAt")
            .Description("When the source last updated the record the figure comes from (OpenAlex's `updated_date`, UTC), or null when it does not say.")
            .Resolve(c => c.Source.UpdatedAt);
    }
}
