namespace ScholarGraph.Domain;

/// <summary>A research topic that papers cover.</summary>
public sealed class Topic
{
    /// <summary>Stable key (a slug); the GraphQL id is derived from it.</summary>
    public required string Id { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>
    /// Phrases whose occurrence in a paper's title or abstract shows the paper covers this topic; they are the evidence for
    /// <see cref="PaperTopic.Score"/>.
    /// </summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>
    /// OpenAlex id of the topic or of the hierarchy level it stands for (<c>T11636</c>, <c>subfields/1702</c>, <c>fields/17</c>,
    /// <c>domains/3</c>), or <c>null</c>.
    /// </summary>
    public string? OpenAlexId { get; set; }

    /// <summary>Where the topic stands in OpenAlex's hierarchy, or <c>null</c> for a topic outside it (such as the seed's).</summary>
    public TopicLevel? Level { get; set; }

    /// <summary>For a <see cref="TopicLevel.Concept"/>, its depth in OpenAlex's concept tree (0, the broadest, to 5); otherwise <c>null</c>.</summary>
    public int? ConceptLevel { get; set; }

    /// <summary>The key of the broader topic this one belongs to (a topic's subfield, a subfield's field, a field's domain), or <c>null</c>.</summary>
    public string? ParentId { get; set; }

    /// <summary>The broader topic this one belongs to.</summary>
    public Topic? Parent { get; set; }

    /// <summary>The narrower topics that belong to this one.</summary>
    public List<Topic> Children { get; set; } = [];

    /// <summary>Papers covering this topic.</summary>
    public List<PaperTopic> Papers { get; set; } = [];
}
