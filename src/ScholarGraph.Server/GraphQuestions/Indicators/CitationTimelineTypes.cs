using GraphQL.Types;
using ScholarGraph.Graph.Indicators;
using ScholarGraph.Graph.Metrics;

namespace ScholarGraph.Server.GraphQuestions.Indicators;

/// <summary>The <c>CitationsInYear</c> type.</summary>
public sealed class CitationsInYearType : ObjectGraphType<YearCount>
{
    /// <summary>Defines the fields.</summary>
    public CitationsInYearType()
    {
        Name = "CitationsInYear";
        Description = "Citations made in one year by papers the graph holds (computed from the graph, beside the reported counts by year).";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The publication year of the citing papers.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Citations made that year.").Resolve(c => c.Source.Count);
    }
}

/// <summary>The <c>CitationWindow</c> type.</summary>
public sealed class CitationWindowType : ObjectGraphType<CitationWindow>
{
    /// <summary>Defines the fields.</summary>
    public CitationWindowType()
    {
        Name = "CitationWindow";
        Description = "A paper's citations within a window after publication: c(p, w) = |{ q cites p : y ≤ year(q) ≤ y + w }| for p's "
            + "publication year y, counted in the graph (citing papers without a date never count).";
        Field<IntGraphType>("value").Description("Citing papers published in the window, or null when the paper has no year (see `reason`).")
            .Resolve(c => c.Source.Count);
        Field<NonNullGraphType<IntGraphType>>("years").Description("w: years after the publication year the window reaches.")
            .Resolve(c => c.Source.Years);
        Field<IntGraphType>("firstYear").Description("The window's first year (the publication year), or null.").Resolve(c => c.Source.FirstYear);
        Field<IntGraphType>("lastYear").Description("The window's last year (inclusive), or null.").Resolve(c => c.Source.LastYear);
        this.ImplementComputedIndicator();
    }
}
