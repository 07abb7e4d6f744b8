using System.ComponentModel;
using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Aggregates.Expressions;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.Papers;

/// <summary>The keys papers can be counted by, as in OpenAlex's <c>group_by</c>.</summary>
public enum PaperGroupBy
{
    /// <summary>The publication year.</summary>
    [Description("The year of `publicationDate`; key and label are the year, such as `2025`, and null for papers without a date.")]
    Year,

    /// <summary>Each topic the paper covers.</summary>
    [Description("Each topic the paper covers (a paper counts once per topic); the key is the topic's id, the label its name.")]
    Topic,

    /// <summary>The subject category.</summary>
    [Description("The subject category (for example `LG`); null for papers without one.")]
    Category,
}

/// <summary>The <c>PaperGroupBy</c> enum.</summary>
public sealed class PaperGroupByType : EnumerationGraphType<PaperGroupBy>
{
    /// <summary>Names the enum.</summary>
    public PaperGroupByType()
    {
        Name = "PaperGroupBy";
        Description = "A key to count papers by.";
    }

    /// <summary>How each key groups papers in the database.</summary>
    public static IReadOnlyDictionary<PaperGroupBy, GroupByDefinition<Paper>> Groupings { get; } = new Dictionary<PaperGroupBy, GroupByDefinition<Paper>>
    {
        [PaperGroupBy.Year] = GroupByDefinition<Paper>.By("year",
            // HasValue, not a comparison with null: on a paper without a date EF InMemory fails on the comparison form ("Nullable object must have a value").
            p => p.PublicationDate.HasValue ? p.PublicationDate.Value.Year : (int?)null),
        [PaperGroupBy.Topic] = GroupByDefinition<Paper>.ByEach("topic", p => p.Topics, t => t.TopicId,
            id => GlobalId.Encode(TopicType.TypeName, id), t => t.Topic!.Name),
        [PaperGroupBy.Category] = GroupByDefinition<Paper>.By("category", p => p.Category),
    };
}
