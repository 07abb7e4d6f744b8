using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Sorting.Types;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Topics;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Venues;

namespace ScholarGraph.Server.Papers;

/// <summary><c>PaperFilterInput</c>.</summary>
public sealed class PaperFilterInputType : FilterInputGraphType<Paper>, IFilterInputTypeName
{
    /// <inheritdoc />
    public static string TypeName => "PaperFilterInput";

    /// <summary>Defines the filterable members.</summary>
    public PaperFilterInputType() : base(TypeName, "Filters papers.")
    {
        Id("id", p => p.Id, NodeIds.DecoderOf(PaperType.TypeName), "The paper's global id.");
        Field("title", p => p.Title, "The title.");
        Field("abstract", p => p.Abstract, "The abstract.");
        Field("publicationDate", p => p.PublicationDate, "The publication date.");
        Field("dateYearInferred", p => p.DateYearInferred, "Whether the date's year was inferred.");
        Field("category", p => p.Category, "The subject category.");
        Field("codeUrl", p => p.CodeUrl, "The link to the paper's code.");
        Field("doi", p => p.Doi, "The DOI.");
        Field("arxivId", p => p.ArxivId, "The arXiv identifier.");
        Field("openAlexId", p => p.OpenAlexId, "The OpenAlex work id.");
        Field("authorListTruncated", p => p.AuthorListTruncated, "Whether the source cut the author list short.");
        Field("type", p => p.Type, "The kind of work.");
        Field("language", p => p.Language, "The language, as an ISO 639-1 code.");
        Field("isOpenAccess", p => p.IsOpenAccess, "Whether the work is free to read somewhere.");
        Field("openAccessStatus", p => p.OpenAccessStatus, "How the work is open.");
        Field("reportedCitationCount", p => p.ReportedCitationCount, "The citation count an outside source reports.");
        Field("reportedFwci", p => p.ReportedFwci, "The field-weighted citation impact an outside source reports.");
        Object<VenueFilterInputType, Venue>("venue", p => p.Venue, "The venue the work was published in.");
        List<AuthorshipFilterInputType, Authorship>("authors", p => p.Authorships, "The paper's authorships (author, institution, position).");
        List<PaperTopicFilterInputType, PaperTopic>("topics", p => p.Topics, "The paper's topics (topic, score).");
        List<InstitutionFilterInputType, Institution>("institutions", p => p.Institutions.Select(l => l.Institution!), "The institutions the paper names.");
        List<PaperFilterInputType, Paper>("cites", p => p.References.Select(r => r.CitedPaper!), "The papers this paper cites.");
        List<PaperFilterInputType, Paper>("citedBy", p => p.CitedBy.Select(r => r.CitingPaper!), "The papers that cite this paper.");
    }
}

/// <summary><c>AuthorshipFilterInput</c>.</summary>
public sealed class AuthorshipFilterInputType : FilterInputGraphType<Authorship>, IFilterInputTypeName
{
    /// <inheritdoc />
    public static string TypeName => "AuthorshipFilterInput";

    /// <summary>Defines the filterable members.</summary>
    public AuthorshipFilterInputType() : base(TypeName, "Filters an author's place on a paper.")
    {
        Object<AuthorFilterInputType, Author>("author", s => s.Author, "The author.");
        Object<InstitutionFilterInputType, Institution>("institution", s => s.Institution, "The institution the paper lists for the author.");
        Field("position", s => s.Position, "The 1-based position in the printed author list (null when not shown).");
        Field("rawAuthorName", s => s.RawAuthorName, "The author's name as the paper prints it.");
        Field("isCorresponding", s => s.IsCorresponding, "Whether the author is a corresponding author.");
    }
}

/// <summary><c>PaperTopicFilterInput</c>.</summary>
public sealed class PaperTopicFilterInputType : FilterInputGraphType<PaperTopic>, IFilterInputTypeName
{
    /// <inheritdoc />
    public static string TypeName => "PaperTopicFilterInput";

    /// <summary>Defines the filterable members.</summary>
    public PaperTopicFilterInputType() : base(TypeName, "Filters a topic a paper covers.")
    {
        Object<TopicFilterInputType, Topic>("topic", l => l.Topic, "The topic.");
        Field("score", l => l.Score, "The topic's relevance to the paper.");
        Field("scoreSource", l => l.ScoreSource, "Where the score comes from.");
    }
}

/// <summary><c>PaperSortInput</c>.</summary>
public sealed class PaperSortInputType : SortInputGraphType<Paper>
{
    /// <summary>Defines the sortable members; ties are broken by id.</summary>
    public PaperSortInputType() : base("PaperSortInput", "Sorts papers.", (Paper p) => p.Id)
    {
        Field("title", p => p.Title, "By title.");
        Field("publicationDate", p => p.PublicationDate, "By publication date (papers without one sort as the earliest).");
        Field("category", p => p.Category, "By subject category.");
        Field("doi", p => p.Doi, "By DOI.");
        Field("arxivId", p => p.ArxivId, "By arXiv identifier.");
        Field("openAlexId", p => p.OpenAlexId, "By OpenAlex work id.");
        Field("type", p => p.Type, "By kind of work.");
        Field("language", p => p.Language, "By language.");
        Field("reportedCitationCount", p => p.ReportedCitationCount, "By the citation count an outside source reports (papers without one sort as the smallest).");
        Field("reportedFwci", p => p.ReportedFwci, "By the field-weighted citation impact an outside source reports (papers without one sort as the smallest).");
        Object<VenueSortInputType, Venue>("venue", p => p.Venue, "By the venue.");
    }
}

/// <summary><c>AuthorshipSortInput</c>.</summary>
public sealed class AuthorshipSortInputType : SortInputGraphType<Authorship>
{
    /// <summary>Defines the sortable members; ties are broken by the author's id (unique within a paper).</summary>
    public AuthorshipSortInputType() : base("AuthorshipSortInput", "Sorts a paper's authorships.", (Authorship s) => s.AuthorId)
    {
        Field("position", s => s.Position, "By printed position (authors without one sort as the smallest).");
        Object<AuthorSortInputType, Author>("author", s => s.Author, "By the author.");
        Object<InstitutionSortInputType, Institution>("institution", s => s.Institution, "By the institution the paper lists for the author.");
    }
}

/// <summary><c>PaperTopicSortInput</c>.</summary>
public sealed class PaperTopicSortInputType : SortInputGraphType<PaperTopic>
{
    /// <summary>Defines the sortable members; ties are broken by the topic's id (unique within a paper).</summary>
    public PaperTopicSortInputType() : base("PaperTopicSortInput", "Sorts the topics of a paper.", (PaperTopic l) => l.TopicId)
    {
        Field("score", l => l.Score, "By relevance score.");
        Field("scoreSource", l => l.ScoreSource, "By where the score comes from.");
        Object<TopicSortInputType, Topic>("topic", l => l.Topic, "By the topic.");
    }
}
