using ScholarGraph.Server.GraphQuestions.Indicators;
using GraphQL.Types;
using ScholarGraph.Domain;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Topics;
using ScholarGraph.Server.Venues;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Papers;

/// <summary>The <c>Paper</c> type.</summary>
public sealed class PaperType : ObjectGraphType<Paper>
{
    /// <summary>The type's name, which global ids carry.</summary>
    public const string TypeName = "Paper";

    /// <summary>Defines the fields.</summary>
    public PaperType(PagingOptions paging)
    {
        Description = "A scholarly work.";
        this.ImplementNode(TypeName, "paper", e => e.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title as the source prints it.")
            .ResolveMember(e => e.Title);
        Field<StringGraphType>("abstract").Description("The abstract as the source prints it, or null.")
            .ResolveMember(e => e.Abstract);
        Field<DateGraphType>("publicationDate").Description("The publication date, or null when unknown. See `dateYearInferred`.")
            .ResolveMember(e => e.PublicationDate);
        Field<NonNullGraphType<BooleanGraphType>>("dateYearInferred")
            .Description("True when the source printed the date without a year and the year was read as the source page's current year.")
            .ResolveMember(e => e.DateYearInferred);
        Field<StringGraphType>("category").Description("The subject category the source shows (for example `LG`), or null.")
            .ResolveMember(e => e.Category);
        Field<StringGraphType>("codeUrl").Description("A link to the paper's code, or null.")
            .ResolveMember(e => e.CodeUrl);
        Field<StringGraphType>("doi").Description("The DOI, or null when no source gives one.").ResolveMember(e => e.Doi);
        Field<StringGraphType>("arxivId").Description("The arXiv identifier, or null when no source gives one.").ResolveMember(e => e.ArxivId);
        Field<StringGraphType>("openAlexId").Description("The OpenAlex work id, or null when no source gives one.").ResolveMember(e => e.OpenAlexId);
        Field<ReportedCitationCountType>("reportedCitationCount")
            .Description("How many works cite this one as an outside source reports it (OpenAlex's `cited_by_count`), or null when none does. "
                + "It counts works the store may not hold, so it may exceed `citedBy.totalCount`.")
            .Projects(e => e.ReportedCitationCount, e => e.ReportedCitationCountSource, e => e.ReportedUpdatedAt)
            .Resolve(c => c.Source.ReportedCitationCount is null ? null : c.Source);
        Field<ReportedFwciType>("reportedFwci")
            .Description("The field-weighted citation impact as an outside source reports it (OpenAlex's `fwci`), or null when none does.")
            .Projects(e => e.ReportedFwci, e => e.ReportedFwciSource, e => e.ReportedUpdatedAt)
            .Resolve(c => c.Source.ReportedFwci is null ? null : c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportedCitationsInYearType>>>>("reportedCitationsByYear")
            .Description("Citations per year as outside sources report them (OpenAlex's `counts_by_year`, which covers recent years only), "
                + "by source, then oldest year first; empty when none does. Beside, never instead of, `citedBy`.")
            .Resolve(c => c.LoadReportedCitationsByYear(c.Source.Id));
        Field<StringGraphType>("type")
            .Description("The kind of work as the source names it (`article`, `preprint`, `book-chapter`, `dataset`, ...), or null when unknown.")
            .ResolveMember(e => e.Type);
        Field<StringGraphType>("language")
            .Description("The language of the work as an ISO 639-1 code (for example `en`), or null when the source does not say.")
            .ResolveMember(e => e.Language);
        Field<BooleanGraphType>("isOpenAccess")
            .Description("Whether the work is free to read somewhere (OpenAlex's `open_access.is_oa`), or null when unknown.")
            .ResolveMember(e => e.IsOpenAccess);
        Field<StringGraphType>("openAccessStatus")
            .Description("How the work is open (OpenAlex's `open_access.oa_status`: `gold`, `green`, `hybrid`, `bronze`, `diamond` or `closed`), or null when unknown.")
            .ResolveMember(e => e.OpenAccessStatus);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("keywords")
            .Description("Keywords the source assigns to the work (OpenAlex's `keywords`), most relevant first; empty when it assigns none.")
            .ResolveMember(e => e.Keywords);
        Field<VenueType>("venue")
            .Description("The venue the work was published in (OpenAlex's `primary_location.source`, or `host_venue` in older records), or null when unknown.")
            .Projects(e => e.VenueId)
            .Resolve(c => c.Source.VenueId is { } venue ? c.LoadVenue(venue) : null);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorshipType>>>>("authors")
            .Description("The paper's authors: those the source prints, in printed order, then those known to be authors whose "
                + "position the (truncated) list does not show, unless `order` says otherwise. See `authorListTruncated`.")
            .WithWhereAndOrderArguments(typeof(AuthorshipFilterInputType), typeof(AuthorshipSortInputType))
            .Resolve(c => c.LoadAuthorshipsOfPaper(c.Source.Id));
        Field<NonNullGraphType<BooleanGraphType>>("authorListTruncated")
            .Description("True when the source cut the author list short (\"et al.\"): `authors` then holds only the authors it printed, "
                + "plus any known from elsewhere without a position.")
            .ResolveMember(e => e.AuthorListTruncated);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstitutionType>>>>("institutions")
            .Description("The institutions the paper names, in printed order unless `order` says otherwise.")
            .WithWhereAndOrderArguments(typeof(InstitutionFilterInputType), typeof(InstitutionSortInputType))
            .Resolve(c => c.LoadInstitutionsOfPaper(c.Source.Id));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaperTopicType>>>>("topics")
            .Description("The topics the paper covers, most relevant first unless `order` says otherwise.")
            .WithWhereAndOrderArguments(typeof(PaperTopicFilterInputType), typeof(PaperTopicSortInputType))
            .Resolve(c => c.LoadTopicsOfPaper(c.Source.Id));

        Field<CitesConnectionType>("cites")
            .Description("The papers this paper cites, newest first unless `order` says otherwise.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .Resolve(c => c.LoadCitedPapers(c.Source.Id));
        Field<CitedByConnectionType>("citedBy")
            .Description("The papers that cite this paper, newest first unless `order` says otherwise.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .Resolve(c => c.LoadCitingPapers(c.Source.Id));

        this.AddPaperIndicators();
    }
}
