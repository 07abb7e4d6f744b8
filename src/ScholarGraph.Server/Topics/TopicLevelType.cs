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
        Values.FindByName("DOMAIN")!.Description = "A domain, such as Physical Sciences (OpenAlex `domains/3`).";
        Values.FindByName("FIELD")!.Description = "A field of a domain, such as Computer Science (`fields/17`).";
        Values.FindByName("SUBFIELD")!.Description = "A subfield of a field, such as Artificial Intelligence (`subfields/1702`).";
        Values.FindByName("TOPIC")!.Description = "A topic of a subfield (`T11636`), the level papers are linked to.";
        Values.FindByName("CONCEPT")!.Description = "A concept of OpenAlex's older tagging (`C41008148`), which stands in for topics on works "
            + "that have none; it has no parent, and its depth is `Topic.conceptLevel`.";
    }
}
