using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Sorting.Types;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Topics;

/// <summary><c>TopicFilterInput</c>.</summary>
public sealed class TopicFilterInputType : FilterInputGraphType<Topic>, IFilterInputTypeName
{
    /// <inheritdoc />
    public static string TypeName => "TopicFilterInput";

    /// <summary>Defines the filterable members (not <c>keywords</c>, which is stored as one serialized column).</summary>
    public TopicFilterInputType() : base(TypeName, "Filters topics.")
    {
        Id("id", t => t.Id, NodeIds.DecoderOf(TopicType.TypeName), "The topic's global id.");
        Field("name", t => t.Name, "The topic's name.");
        Field("openAlexId", t => t.OpenAlexId, "The OpenAlex topic id.");
        List<PaperFilterInputType, Paper>("papers", t => t.Papers.Select(l => l.Paper!), "The papers covering the topic.");
    }
}

/// <summary><c>TopicSortInput</c>.</summary>
public sealed class TopicSortInputType : SortInputGraphType<Topic>
{
    /// <summary>Defines the sortable members; ties are broken by id.</summary>
    public TopicSortInputType() : base("TopicSortInput", "Sorts topics.", (Topic t) => t.Id)
    {
        Field("name", t => t.Name, "By name.");
        Field("openAlexId", t => t.OpenAlexId, "By OpenAlex id.");
    }
}
