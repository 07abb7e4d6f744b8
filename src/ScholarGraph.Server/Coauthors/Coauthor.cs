using ScholarGraph.Domain;

namespace ScholarGraph.Server.Coauthors;

/// <summary>A coauthorship seen from one author: the other author and how many papers they share.</summary>
/// <param name="Author">The coauthor.</param>
/// <param name="SharedPaperCount">How many papers both are authors of.</param>
public sealed record Coauthor(Author Author, int SharedPaperCount);
