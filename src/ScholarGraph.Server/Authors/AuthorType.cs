using ScholarGraph.Server.GraphQuestions.Indicators;
using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Projection;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Server.GraphQuestions.Clusters;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.Server.Coauthors;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.GraphQuestions.Metrics;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Topics;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Authors;

/// <summary>The <c>Author</c> type.</summary>
public sealed class AuthorType : ObjectGraphType<Author>
{
    /// <summary>The type's name, which global ids carry.</summary>
    public const string TypeName = "Author";

    /// <summary>Defines the fields.</summary>
    public AuthorType(PagingOptions paging)
    {
        Description = "A researcher. Coauthors are derived from shared papers, never stored.";
        this.ImplementNode(TypeName, "author", e => e.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The author's name as the source prints it.")
            .ResolveMember(e => e.Name);
        Field<StringGraphType>("category")
            .Description("The primary subject category the source shows for the author (for example `LG`), or null.")
            .ResolveMember(e => e.Category);
        Field<StringGraphType>("orcid").Description("The author's ORCID iD, or null when no source gives one.")
            .ResolveMember(e => e.Orcid);
        Field<StringGraphType>("openAlexId").Description("The author's OpenAlex id, or null when no source gives one.")
            .ResolveMember(e => e.OpenAlexId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("otherOpenAlexIds")
            .Description("Further OpenAlex author ids of the same person: ids that carry the same ORCID iD as `openAlexId`, which OpenAlex "
                + "had not merged; empty for most authors.")
            .ResolveMember(e => e.OtherOpenAlexIds);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportedAuthorMetricsType>>>>("reportedMetrics")
            .Description("Metrics outside sources report about the author, exactly as reported and labelled with their source; "
                + "ScholarGraph does not recompute or correct them. By source unless `order` says otherwise.")
            .WithWhereAndOrderArguments(typeof(ReportedAuthorMetricsFilterInputType), typeof(ReportedAuthorMetricsSortInputType))
            .Resolve(c => c.LoadReportedMetrics(c.Source.Id));

        Field<PapersConnectionType>("papers")
            .Description("The author's papers, newest first (papers without a date last) unless `order` says otherwise.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .Resolve(c => c.LoadPapersOfAuthor(c.Source.Id));

        Field<CoauthorsConnectionType>("coauthors")
            .Description("The people the author shares papers with, strongest tie (most shared papers) first, then by name, unless "
                + "`order` says otherwise; `where` filters the coauthors.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(AuthorFilterInputType), typeof(CoauthorSortInputType))
            .Resolve(c => CoauthorLoader.Load(c, c.Source.Id));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstitutionType>>>>("institutions")
            .Description("Institutions the author is affiliated with, or that a paper lists for the author, by name unless `order` says otherwise.")
            .WithWhereAndOrderArguments(typeof(InstitutionFilterInputType), typeof(InstitutionSortInputType))
            .Resolve(c => c.LoadInstitutionsOfAuthor(c.Source.Id));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorTopicType>>>>("topics")
            .Description("The topics of the author's papers, most papers first. It has no `where` or `order`: each element is an "
                + "aggregate computed per request (a paper count per topic), not a stored row; filter the author's papers by topic "
                + "with `papers(where: { topics: ... })`, or count them with `papers { groupCounts(by: TOPIC) }`.")
            .Resolve(c => c.LoadTopicsOfAuthor(c.Source.Id));

        this.AddComputedMetrics();
        this.AddAuthorIndicators();
        this.AddTopicProfile();
    }
}
