using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Sorting.Types;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Papers;

namespace ScholarGraph.Server.Venues;

/// <summary><c>VenueFilterInput</c>.</summary>
public sealed class VenueFilterInputType : FilterInputGraphType<Venue>, IFilterInputTypeName
{
    /// <inheritdoc />
    public static string TypeName => "VenueFilterInput";

    /// <summary>Defines the filterable members.</summary>
    public VenueFilterInputType() : base(TypeName, "Filters venues.")
    {
        Id("id", v => v.Id, NodeIds.DecoderOf(VenueType.TypeName), "The venue's global id.");
        Field("name", v => v.Name, "The name as the source prints it.");
        Field("openAlexId", v => v.OpenAlexId, "The OpenAlex source id.");
        Field("issnL", v => v.IssnL, "The linking ISSN.");
        Field("type", v => v.Type, "The kind of venue.");
        List<PaperFilterInputType, Paper>("papers", v => v.Papers, "The papers published in the venue.");
    }
}

/// <summary><c>VenueSortInput</c>.</summary>
public sealed class VenueSortInputType : SortInputGraphType<Venue>
{
    /// <summary>Defines the sortable members; ties are broken by id.</summary>
    public VenueSortInputType() : base("VenueSortInput", "Sorts venues.", (Venue v) => v.Id)
    {
        Field("name", v => v.Name, "By name.");
        Field("openAlexId", v => v.OpenAlexId, "By OpenAlex id.");
        Field("issnL", v => v.IssnL, "By ISSN-L.");
        Field("type", v => v.Type, "By kind of venue.");
    }
}
