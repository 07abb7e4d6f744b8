using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.Domain;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.Papers;

/// <summary>The <c>PaperTopic</c> type.</summary>
public sealed class PaperTopicType : ObjectGraphType<PaperTopic>
{
    /// <summary>Defines the fields.</summary>
    public PaperTopicType()
    {
        Name = "PaperTopic";
        Description = "A topic a paper covers, with how strongly.";
        Field<NonNullGraphType<TopicType>>("topic").Description("The topic.")
            .Resolve(c => c.LoadTopic(c.Source.TopicId));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Relevance of the topic to the paper, greater than 0 and at most 1.")
            .ResolveMember(e => e.Score);
        Field<NonNullGraphType<StringGraphType>>("scoreSource")
            .Description("Where the score comes from: `source` when the data gave it, or `computed:keyword-frequency` when ScholarGraph "
                + "computed it from the topic's keywords in the title and abstract (the paper's main topic scores 1).")
            .ResolveMember(e => e.ScoreSource);
    }
}
