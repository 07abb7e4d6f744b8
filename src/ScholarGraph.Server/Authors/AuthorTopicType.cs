using GraphQL.Types;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.Authors;

/// <summary>The <c>AuthorTopic</c> type.</summary>
public sealed class AuthorTopicType : ObjectGraphType<AuthorTopic>
{
    /// <summary>Defines the fields.</summary>
    public AuthorTopicType()
    {
        Name = "AuthorTopic";
        Description = "A topic an author has written on.";
        Field<NonNullGraphType<TopicType>>("topic").Description("The topic.")
            .Resolve(c => c.LoadTopic(c.Source.TopicId));
        Field<NonNullGraphType<IntGraphType>>("paperCount").Description("How many of the author's papers cover the topic.")
            .Resolve(c => c.Source.PaperCount);
    }
}
