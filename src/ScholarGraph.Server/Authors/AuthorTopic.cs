namespace ScholarGraph.Server.Authors;

/// <summary>A topic an author has written on, with how many of the author's papers cover it.</summary>
/// <param name="AuthorId">The author's key.</param>
/// <param name="TopicId">The topic's key.</param>
/// <param name="TopicName">The topic's name.</param>
/// <param name="PaperCount">How many of the author's papers cover the topic.</param>
public sealed record AuthorTopic(string AuthorId, string TopicId, string TopicName, int PaperCount);
