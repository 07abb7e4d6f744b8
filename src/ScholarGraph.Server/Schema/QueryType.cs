using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Clusters;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Network;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Schema;

/// <summary>The root <c>Query</c> type.</summary>
public sealed class QueryType : ObjectGraphType
{
    /// <summary>Defines the root fields.</summary>
    public QueryType(PagingOptions paging)
    {
        Name = "Query";
        Description = "The entry points for reading the scholarly graph.";
        this.AddNodeFields();

        Field<AuthorsConnectionType>("authors").Description("All authors, by name unless `order` says otherwise.").WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(AuthorFilterInputType), typeof(AuthorSortInputType))
            .ResolveAsync(async c => await c.LoadConnectionAsync<ScholarGraphDbContext, Author>(db => db.Authors, Orderings.AuthorsByName));
        Field<PapersConnectionType>("papers").Description("All papers, newest first unless `order` says otherwise.").WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .ResolveAsync(async c => await c.LoadConnectionAsync<ScholarGraphDbContext, Paper>(db => db.Papers, Orderings.PapersNewestFirst));
        Field<PaperListCollectionSegmentType>("paperList")
            .Description("All papers, newest first unless `order` says otherwise, offset-paged for clients that show numbered pages (`papers` pages by cursor).")
            .WithOffsetPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .ResolveAsync(async c => await c.LoadCollectionSegmentAsync<ScholarGraphDbContext, Paper>(db => db.Papers, Orderings.PapersNewestFirst));
        Field<InstitutionsConnectionType>("institutions").Description("All institutions, by name unless `order` says otherwise.").WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(InstitutionFilterInputType), typeof(InstitutionSortInputType))
            .ResolveAsync(async c => await c.LoadConnectionAsync<ScholarGraphDbContext, Institution>(db => db.Institutions, Orderings.InstitutionsByName));
        Field<TopicsConnectionType>("topics").Description("All topics, by name unless `order` says otherwise.").WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(TopicFilterInputType), typeof(TopicSortInputType))
            .ResolveAsync(async c => await c.LoadConnectionAsync<ScholarGraphDbContext, Topic>(db => db.Topics, Orderings.TopicsByName));

        Field<AuthorType>("author").Description("The author with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The author's global id.")
            .Resolve(c => c.LoadAuthor(Ids.KeyOf(c, AuthorType.TypeName)));
        Field<PaperType>("paper").Description("The paper with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The paper's global id.")
            .Resolve(c => c.LoadPaper(Ids.KeyOf(c, PaperType.TypeName)));
        Field<InstitutionType>("institution").Description("The institution with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The institution's global id.")
            .Resolve(c => c.LoadInstitution(Ids.KeyOf(c, InstitutionType.TypeName)));
        Field<TopicType>("topic").Description("The topic with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The topic's global id.")
            .Resolve(c => c.LoadTopic(Ids.KeyOf(c, TopicType.TypeName)));

        this.AddNetworkFields();
        this.AddTopicClustersField();
    }
}
