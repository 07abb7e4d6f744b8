using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Aggregates.Extensions;
using ScholarGraph.GraphQL.Data.Paging.Types;

namespace ScholarGraph.Server.Papers;

/// <summary><c>PapersConnection</c>: a page of papers, with counts of all of them per year, topic or category.</summary>
public sealed class PapersConnectionType : ConnectionGraphType<PaperType>
{
    /// <summary>Defines the connection and its <c>groupCounts(by:)</c>.</summary>
    public PapersConnectionType() : base("Papers", "a paper") =>
        this.AddGroupCountsField<Paper, PaperGroupByType, PaperGroupBy>(PaperGroupByType.Groupings);
}

/// <summary><c>CitesConnection</c>: a page of the papers a paper cites.</summary>
public sealed class CitesConnectionType() : ConnectionGraphType<PaperType>("Cites", "a cited paper");

/// <summary><c>CitedByConnection</c>: a page of the papers that cite a paper.</summary>
public sealed class CitedByConnectionType() : ConnectionGraphType<PaperType>("CitedBy", "a citing paper");
