using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Sorting.Types;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Institutions;

/// <summary><c>InstitutionFilterInput</c>.</summary>
public sealed class InstitutionFilterInputType : FilterInputGraphType<Institution>, IFilterInputTypeName
{
    /// <inheritdoc />
    public static string TypeName => "InstitutionFilterInput";

    /// <summary>Defines the filterable members.</summary>
    public InstitutionFilterInputType() : base(TypeName, "Filters institutions.")
    {
        Id("id", i => i.Id, NodeIds.DecoderOf(InstitutionType.TypeName), "The institution's global id.");
        Field("name", i => i.Name, "The name as the source prints it.");
        Field("ror", i => i.Ror, "The ROR id.");
        Field("openAlexId", i => i.OpenAlexId, "The OpenAlex institution id.");
        Field("countryCode", i => i.CountryCode, "The ISO 3166-1 alpha-2 country code.");
        List<AuthorFilterInputType, Author>("authors", i => i.Affiliations.Select(a => a.Author!), "The authors affiliated with the institution.");
        List<PaperFilterInputType, Paper>("papers", i => i.Papers.Select(l => l.Paper!), "The papers that name the institution.");
    }
}

/// <summary><c>InstitutionSortInput</c>.</summary>
public sealed class InstitutionSortInputType : SortInputGraphType<Institution>
{
    /// <summary>Defines the sortable members; ties are broken by id.</summary>
    public InstitutionSortInputType() : base("InstitutionSortInput", "Sorts institutions.", (Institution i) => i.Id)
    {
        Field("name", i => i.Name, "By name.");
        Field("ror", i => i.Ror, "By ROR id.");
        Field("openAlexId", i => i.OpenAlexId, "By OpenAlex id.");
        Field("countryCode", i => i.CountryCode, "By country code.");
    }
}
