using System.Globalization;
using System.Text;

namespace ScholarGraph.Storage.Text;

/// <summary>
/// Words lower-cased and without diacritics, as SQLite's <c>unicode61 remove_diacritics 2</c> tokenizer and PostgreSQL's
/// <c>unaccent</c> compare them: for the search that runs in the server's own code (the InMemory store) and for the keys made
/// from names (<c>EntityRules.Slug</c>: <c>José García</c> → <c>jose-garcia</c>).
/// </summary>
/// <remarks>
/// The server runs with invariant globalization, where <see cref="string.Normalize()"/> leaves every letter outside ASCII as it
/// is; so a precomposed Latin letter is folded through a table generated from the Unicode data (<c>tools/unicode/diacritics.py</c>:
/// the Latin blocks, each letter whose decomposition is one base letter and combining marks), and combining marks written apart
/// from their letter are dropped. Letters that do not decompose (<c>ø</c>, <c>ł</c>, <c>æ</c>, <c>ß</c>) stay as they are, as in
/// SQLite.
/// </remarks>
internal static partial class DiacriticFolding
{
    private static readonly Dictionary<char, char> BaseOf = Accented.Zip(Bases).ToDictionary(p => p.First, p => p.Second);

    /// <summary><paramref name="word"/> in lower case with its diacritics removed.</summary>
    public static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            folded.Append(char.ToLowerInvariant(BaseOf.TryGetValue(c, out var letter) ? letter : c));
        }
        return folded.ToString();
    }
}
