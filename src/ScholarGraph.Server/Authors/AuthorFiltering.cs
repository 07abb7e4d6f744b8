using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Sorting.Types;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Authors;

/// <summary><c>AuthorFilterInput</c>.</summary>
public sealed class AuthorFilterInputType : FilterInputGraphType<Author>, IFilterInputTypeName
{
    /// <inheritdoc />
    public static string TypeName => "AuthorFilterInput";

    /// <summary>Defines the filterable members.</summary>
    public AuthorFilterInputType() : base(TypeName, "Filters authors.")
    {
        Id("id", a => a.Id, NodeIds.DecoderOf(AuthorType.TypeName), "The author's global id.");
        Field("name", a => a.Name, "The author's name.");
        Field("category", a => a.Category, "The author's primary subject category.");
        Field("orcid", a => a.Orcid, "The author's ORCID iD.");
        Field("openAlexId", a => a.OpenAlexId, "The author's OpenAlex id.");
        List<PaperFilterInputType, Paper>("papers", a => a.Authorships.Select(s => s.Paper!), "The author's papers.");
        List<InstitutionFilterInputType, Institution>("institutions", a => a.Affiliations.Select(f => f.Institution!),
            "The institutions the author is affiliated with (affiliations only; an institution a paper lists for the author is "
            + "reached through `papers.some.authors.some.institution`).");
    }
}

/// <summary><c>AuthorSortInput</c>.</summary>
public sealed class AuthorSortInputType : SortInputGraphType<Author>
{
    /// <summary>Defines the sortable members; ties are broken by id.</summary>
    public AuthorSortInputType() : base("AuthorSortInput", "Sorts authors.", (Author a) => a.Id)
    {
        Field("name", a => a.Name, "By name.");
        Field("category", a => a.Category, "By primary subject category.");
        Field("orcid", a => a.Orcid, "By ORCID iD.");
        Field("openAlexId", a => a.OpenAlexId, "By OpenAlex id.");
    }
}

/// <summary><c>ReportedAuthorMetricsFilterInput</c>.</summary>
public sealed class ReportedAuthorMetricsFilterInputType : FilterInputGraphType<ReportedAuthorMetrics>, IFilterInputTypeName
{
    /// <inheritdoc />
    public static string TypeName => "ReportedAuthorMetricsFilterInput";

    /// <summary>Defines the filterable members.</summary>
    public ReportedAuthorMetricsFilterInputType() : base(TypeName, "Filters the metrics sources report about an author.")
    {
        Field("source", m => m.Source, "The source that reported the figures.");
        Field("hIndex", m => m.HIndex, "The reported h-index.");
        Field("citationCount", m => m.CitationCount, "The reported citation count.");
        Field("paperCount", m => m.PaperCount, "The reported paper count.");
        Field("noveltyPercent", m => m.NoveltyPercent, "The reported novelty, in percent.");
        Field("aiScore", m => m.AiScore, "The reported AI score.");
    }
}

/// <summary><c>ReportedAuthorMetricsSortInput</c>.</summary>
public sealed class ReportedAuthorMetricsSortInputType : SortInputGraphType<ReportedAuthorMetrics>
{
    /// <summary>Defines the sortable members; ties are broken by the source (unique per author).</summary>
    public ReportedAuthorMetricsSortInputType()
        : base("ReportedAuthorMetricsSortInput", "Sorts the metrics sources report about an author.", (ReportedAuthorMetrics m) => m.Source)
    {
        Field("source", m => m.Source, "By source.");
        Field("hIndex", m => m.HIndex, "By reported h-index.");
        Field("citationCount", m => m.CitationCount, "By reported citation count.");
        Field("paperCount", m => m.PaperCount, "By reported paper count.");
        Field("noveltyPercent", m => m.NoveltyPercent, "By reported novelty.");
        Field("aiScore", m => m.AiScore, "By reported AI score.");
    }
}
