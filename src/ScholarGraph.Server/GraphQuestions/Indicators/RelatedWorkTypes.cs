using GraphQL.Types;
using ScholarGraph.Graph.Indicators;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Papers;

namespace ScholarGraph.Server.GraphQuestions.Indicators;

/// <summary>The <c>RelatednessMeasure</c> enum.</summary>
public sealed class RelatednessMeasureType : EnumerationGraphType<RelatednessMeasure>
{
    /// <summary>Defines the values.</summary>
    public RelatednessMeasureType()
    {
        Name = "RelatednessMeasure";
        Description = "What related papers are ranked by.";
        Values["CO_CITATION"]!.Description = "Co-citation (Small 1973): the number of papers in the graph citing both.";
        Values["COUPLING"]!.Description = "Bibliographic coupling (Kessler 1963): the number of references in the graph both share.";
        Values["COMBINED"]!.Description = "Co-citations plus shared references, as Connected Papers combines the two.";
    }
}

/// <summary>A related paper with the measure its list was ranked by.</summary>
/// <param name="Related">The paper and its counts.</param>
/// <param name="By">The measure.</param>
public sealed record RankedRelatedPaper(RelatedPaper Related, RelatednessMeasure By);

/// <summary>The <c>RelatedPaper</c> type.</summary>
public sealed class RelatedPaperType : ObjectGraphType<Indexed<RankedRelatedPaper>>
{
    /// <summary>Defines the fields.</summary>
    public RelatedPaperType()
    {
        Name = "RelatedPaper";
        Description = "A paper related to another by co-citation and bibliographic coupling, computed from the citation graph; both counts are symmetric.";
        Field<NonNullGraphType<PaperType>>("paper").Description("The related paper.")
            .Resolve(c => c.LoadPaper(c.Source.Snapshot, c.Source.Value.Related.Paper));
        Field<NonNullGraphType<IntGraphType>>("coCitations").Description("Papers citing both.").Resolve(c => c.Source.Value.Related.CoCitations);
        Field<NonNullGraphType<IntGraphType>>("couplings").Description("References both share.").Resolve(c => c.Source.Value.Related.Couplings);
        Field<NonNullGraphType<IntGraphType>>("score").Description("The score the list is ranked by (the measure asked for in `by`).")
            .Resolve(c => c.Source.Value.Related.Score(c.Source.Value.By));
    }
}

/// <summary>The <c>RelatedSetWork</c> type.</summary>
public sealed class RelatedSetWorkType : ObjectGraphType<Indexed<RelatedSetWork>>
{
    /// <summary>Defines the fields.</summary>
    public RelatedSetWorkType()
    {
        Name = "RelatedSetWork";
        Description = "A prior or derivative work of a paper's related set (as Connected Papers defines them).";
        Field<NonNullGraphType<PaperType>>("paper").Description("The work.").Resolve(c => c.LoadPaper(c.Source.Snapshot, c.Source.Value.Paper));
        Field<NonNullGraphType<IntGraphType>>("count")
            .Description("For a prior work, the related papers citing it; for a derivative work, the related papers it cites.")
            .Resolve(c => c.Source.Value.Count);
        Field<NonNullGraphType<FloatGraphType>>("share").Description("That count over the size of the related set, 0 to 1.")
            .Resolve(c => c.Source.Value.Share);
    }
}
