using GraphQL.Types;
using ScholarGraph.Domain;

namespace ScholarGraph.Server.Topics;

/// <summary>The <c>TopicLevel</c> enum: <c>DOMAIN</c>, <c>FIELD</c>, <c>SUBFIELD</c>, <c>TOPIC</c>.</summary>
public sealed class TopicLevelType : EnumerationGraphType<TopicLevel>
{
    /// <summary>Names and describes the values.</summary>
    public TopicLevelType()
    {
        Name = "TopicLevel";
        Description = "The levels of OpenAlex's topic hierarchy, broadest first: every topic belongs to a subfield, a field and a domain.";
    }
}
