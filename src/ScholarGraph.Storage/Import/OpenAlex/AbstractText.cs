namespace ScholarGraph.Storage.Import.OpenAlex;

/// <summary>Rebuilds an abstract's text from OpenAlex's inverted index (each word with the positions it stands at).</summary>
public static class AbstractText
{
    /// <summary>
    /// The words in position order joined by single spaces; null for a missing or empty index. A position no word claims is
    /// skipped, and when two words claim one position the one read last wins, so a damaged index still yields text.
    /// </summary>
    public static string? FromInvertedIndex(IReadOnlyDictionary<string, int[]>? index)
    {
        if (index is null || index.Count == 0)
            return null;
        var length = 0;
        foreach (var positions in index.Values)
        {
            foreach (var position in positions)
                length = Math.Max(length, position + 1);
        }
        var words = new string?[length];
        foreach (var (word, positions) in index)
        {
            foreach (var position in positions)
            {
                if (position >= 0)
                    words[position] = word;
            }
        }
        var text = string.Join(' ', words.Where(w => w is not null));
        return text.Length == 0 ? null : text;
    }
}
