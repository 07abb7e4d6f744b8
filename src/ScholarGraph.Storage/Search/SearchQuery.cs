using System.Globalization;
using System.Text;

namespace ScholarGraph.Storage.Search;

/// <summary>
/// One term of a search: a word or a phrase (its words must follow each other in that order), optionally a prefix (its last word
/// matches every word that starts with it) and optionally excluded (no hit may contain it).
/// </summary>
/// <param name="Words">The term's words, lower-cased, in order; one for a plain word, several for a phrase.</param>
/// <param name="Prefix">The last word is a prefix (<c>graph*</c>, <c>"graph neur"*</c>).</param>
/// <param name="Excluded">The term was written with a leading <c>-</c>.</param>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Prefix, bool Excluded);

/// <summary>
/// A parsed search query, the same on every store. The language, as in web search engines:
/// <list type="bullet">
/// <item>words separated by spaces must all occur (in any field the search covers, in any order);</item>
/// <item><c>"graph neural"</c> is a phrase: its words must occur one after the other;</item>
/// <item><c>graph*</c> (or <c>"graph neur"*</c>) makes the last word a prefix, matching <c>graphs</c>, <c>graphical</c>, ...;</item>
/// <item><c>-word</c> or <c>-"a phrase"</c> excludes every hit that contains it.</item>
/// </list>
/// A word is a run of letters and digits (<c>multi-label</c> is the phrase <c>"multi label"</c>, as the stores' tokenizers split
/// it); other characters separate words and are otherwise ignored; case is ignored.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>The most words a query may hold (over all its terms); a longer one gets <see cref="SearchQueryProblems.TooLongCode"/>.</summary>
    public const int MaxWords = 32;

    private SearchQuery(string text, IReadOnlyList<SearchTerm> terms)
    {
        Text = text;
        Terms = terms;
    }

    /// <summary>The query as the client wrote it.</summary>
    public string Text { get; }

    /// <summary>Every term, in the order written.</summary>
    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>The terms a hit must contain (at least one).</summary>
    public IEnumerable<SearchTerm> Required => Terms.Where(t => !t.Excluded);

    /// <summary>The terms a hit must not contain.</summary>
    public IEnumerable<SearchTerm> Excluded => Terms.Where(t => t.Excluded);

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="SearchQueryException">
    /// A quote is not closed, the query holds no word, holds only exclusions, or holds more than <see cref="MaxWords"/> words.
    /// </exception>
    public static SearchQuery Parse(string text)
    {
        var terms = new List<SearchTerm>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var excluded = text[i] == '-';
            if (excluded)
                i++;
            string body;
            bool prefix;
            if (i < text.Length && text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                    throw SearchQueryProblems.UnbalancedQuote(text, i);
                body = text[(i + 1)..close];
                i = close + 1;
                prefix = i < text.Length && text[i] == '*';
                if (prefix)
                    i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                    i++;
                body = text[start..i];
                prefix = body.EndsWith('*');
            }
            var words = Words(body);
            // A term without a word ("-", "*", "&", "") asks for nothing and is dropped.
            if (words.Count > 0)
                terms.Add(new SearchTerm(words, prefix, excluded));
        }

        if (terms.Count == 0)
            throw SearchQueryProblems.Empty(text);
        if (terms.All(t => t.Excluded))
            throw SearchQueryProblems.OnlyExclusions(text);
        var count = terms.Sum(t => t.Words.Count);
        if (count > MaxWords)
            throw SearchQueryProblems.TooLong(count, MaxWords);
        return new SearchQuery(text, terms);
    }

    /// <summary>
    /// The words of <paramref name="text"/>, lower-cased: runs of letters and numbers (Unicode's <c>L*</c>, <c>N*</c> and <c>Co</c>),
    /// as SQLite's <c>unicode61</c> tokenizer splits text by default, and PostgreSQL's parser nearly so; everything else separates words.
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (IsWordCharacter(c))
            {
                word.Append(c);
                continue;
            }
            Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length == 0)
                return;
            var written = word.ToString();
            if (!IsOnlyMarks(written))
                words.Add(written.ToLowerInvariant());
            word.Clear();
        }
    }

    /// <summary>
    /// Whether <paramref name="c"/> belongs to a word: a letter, a number, a private-use character, a surrogate half, or a
    /// non-spacing mark. The marks are there for text written decomposed (<c>Mari</c> + U+0301 + <c>a</c>): SQLite's tokenizer keeps
    /// them in the word and then drops them with the other diacritics, so <c>María</c> is one word however it was typed.
    /// </summary>
    public static bool IsWordCharacter(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.NonSpacingMark => true,
        _ => false,
    };

    /// <summary>Whether <paramref name="word"/> (a run of <see cref="IsWordCharacter"/>) is only marks, which make no word once diacritics are dropped.</summary>
    public static bool IsOnlyMarks(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                return false;
        return true;
    }
}
