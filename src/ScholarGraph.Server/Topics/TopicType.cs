using ScholarGraph.Server.GraphQuestions.Indicators;
using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.GraphQuestions.Clusters;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Topics;

/// <summary>The <c>Topic</c> type.</summary>
public sealed class TopicType : ObjectGraphType<Topic>
{
    /// <summary>The type's name, which global ids carry.</summary>
    public const string TypeName = "Topic";

    /// <summary>Defines the fields.</summary>
    public TopicType(PagingOptions paging)
    {
        Description = "A research topic that papers cover.";
        this.ImplementNode(TypeName, "topic", e => e.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The topic's name.").ResolveMember(e => e.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("keywords")
            .Description("Phrases whose occurrence in a paper's title or abstract is the evidence that the paper covers the topic.")
            .ResolveMember(e => e.Keywords);
        Field<StringGraphType>("openAlexId")
            .Description("The OpenAlex id of the topic or hierarchy level (`T11636`, `subfields/1702`, `fields/17`, `domains/3`), or null when no source gives one.")
            .ResolveMember(e => e.OpenAlexId);
        Field<TopicLevelType>("level")
            .Description("Where the topic stands in OpenAlex's hierarchy (domain, field, subfield, topic), or null for a topic outside it.")
            .ResolveMember(e => e.Level);
        Field<IntGraphType>("conceptLevel")
            .Description("For a `CONCEPT`, its depth in OpenAlex's concept tree, from 0 (broadest, such as Computer science) to 5; null for other topics.")
            .ResolveMember(e => e.ConceptLevel);
        Field<TopicType>("parent")
            .Description("The broader topic this one belongs to (a topic's subfield, a subfield's field, a field's domain), or null at the top.")
            .Projects(e => e.ParentId)
            .Resolve(c => c.Source.ParentId is { } parent ? c.LoadTopic(parent) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicType>>>>("children")
            .Description("The narrower topics that belong to this one, by name; empty for a leaf.")
            .Resolve(c => c.LoadChildrenOfTopic(c.Source.Id));

        Field<PapersConnectionType>("papers")
            .Description("Papers covering the topic, newest first unless `order` says otherwise.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .Resolve(c => c.LoadPapersOfTopic(c.Source.Id));
        Field<AuthorsConnectionType>("authors")
            .Description("Authors of papers covering the topic, by name unless `order` says otherwise.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(AuthorFilterInputType), typeof(AuthorSortInputType))
            .Resolve(c => c.LoadAuthorsOfTopic(c.Source.Id));

        this.AddRelatedTopics();
        this.AddTopicBursts();
    }
}

/// <summary><c>TopicsConnection</c>: a page of topics.</summary>
public sealed class TopicsConnectionType() : ConnectionGraphType<TopicType>("Topics", "a topic");
