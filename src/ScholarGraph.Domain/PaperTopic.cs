namespace ScholarGraph.Domain;

/// <summary>A topic a paper covers, with how strongly.</summary>
public sealed class PaperTopic
{
    /// <summary>The paper's key.</summary>
    public required string PaperId { get; set; }

    /// <summary>The topic's key.</summary>
    public required string TopicId { get; set; }

    /// <summary>Relevance of the topic to the paper, from 0 (exclusive) to 1; see <see cref="ScoreSource"/> for how it was obtained.</summary>
    public double Score { get; set; }

    /// <summary>Where <see cref="Score"/> comes from: a source's name, or a <c>computed:</c> label naming the method.</summary>
    public required string ScoreSource { get; set; }

    /// <summary>The paper.</summary>
    public Paper? Paper { get; set; }

    /// <summary>The topic.</summary>
    public Topic? Topic { get; set; }
}
