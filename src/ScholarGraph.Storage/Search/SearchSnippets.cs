using System.Text;

namespace ScholarGraph.Storage.Search;

/// <summary>
/// How a hit's snippet looks, on every store: the matched field's text as HTML-escaped plain text (<c>&amp;</c>, <c>&lt;</c>,
/// <c>&gt;</c>, <c>"</c> and <c>'</c> escaped, nothing else changed), each match wrapped in <c>&lt;mark&gt;…&lt;/mark&gt;</c>.
/// A name or a title is given whole; an abstract (when only the abstract matched) as a fragment of about
/// <see cref="FragmentWords"/> words, with <c>…</c> where it was cut. The stores mark matches with <see cref="Start"/> and
/// <see cref="End"/> (characters no stored text holds), which <see cref="Finish"/> turns into the marks after escaping the rest.
/// </summary>
public static class SearchSnippets
{
    /// <summary>The character a store puts before a match.</summary>
    public const char Start = '\u0001';

    /// <summary>The character a store puts after a match.</summary>
    public const char End = '\u0002';

    /// <summary>The opening mark of a match in a snippet.</summary>
    public const string OpenMark = "<mark>";

    /// <summary>The closing mark of a match in a snippet.</summary>
    public const string CloseMark = "</mark>";

    /// <summary>About how many words an abstract's fragment holds.</summary>
    public const int FragmentWords = 24;

    /// <summary>The ellipsis written where a fragment was cut from its text.</summary>
    public const string Ellipsis = "…";

    /// <summary>Whether a store's marked text holds a match.</summary>
    public static bool HasMatch(string? marked) => marked is not null && marked.Contains(Start);

    /// <summary>
    /// The snippet of <paramref name="marked"/> (a store's text with <see cref="Start"/>/<see cref="End"/> around matches): escaped,
    /// marked, and, when it is a fragment of <paramref name="whole"/>, with an ellipsis on each side where text was left out.
    /// </summary>
    public static string Finish(string marked, string? whole = null)
    {
        var plain = marked.Replace(Start.ToString(), "").Replace(End.ToString(), "").Trim();
        var at = whole is null || plain.Length == 0 ? -1 : whole.IndexOf(plain, StringComparison.Ordinal);
        var text = new StringBuilder(marked.Length + 16);
        if (at > 0)
            text.Append(Ellipsis);
        var open = false;
        foreach (var c in marked.Trim())
        {
            switch (c)
            {
                case Start when !open: text.Append(OpenMark); open = true; break;
                case End when open: text.Append(CloseMark); open = false; break;
                case Start or End: break;
                case '&': text.Append("&amp;"); break;
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '"': text.Append("&quot;"); break;
                case '\'': text.Append("&#39;"); break;
                default: text.Append(c); break;
            }
        }
        if (open)
            text.Append(CloseMark);
        if (at >= 0 && at + plain.Length < whole!.TrimEnd().Length)
            text.Append(Ellipsis);
        return text.ToString();
    }
}
