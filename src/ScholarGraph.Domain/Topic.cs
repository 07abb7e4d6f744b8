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

    /// <summary>OpenAlex topic id, or <c>null</c>.</summary>
    public string? OpenAlexId { get; set; }

    /// <summary>Papers covering this topic.</summary>
    public List<PaperTopic> Papers { get; set; } = [];
}
