using System.Text.RegularExpressions;

namespace ScholarGraph.Storage.Seeding;

/// <summary>
/// Scores how strongly a paper covers a topic from the text alone, so that seed data need not invent a number: the count of
/// whole-word, case-insensitive occurrences of the topic's keywords in the title and abstract, divided by the highest such count
/// among the paper's topics (the paper's main topic scores 1).
/// </summary>
public static class TopicRelevance
{
    /// <summary>The <see cref="Domain.PaperTopic.ScoreSource"/> label of scores computed here.</summary>
    public const string ComputedSource = "computed:keyword-frequency";

    /// <summary>Counts whole-word, case-insensitive occurrences of any of <paramref name="keywords"/> in <paramref name="text"/>.</summary>
    public static int CountOccurrences(string text, IEnumerable<string> keywords) =>
        keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Sum(keyword =>
            Regex.Matches(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(keyword)}(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).Count);
}
