using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScholarGraph.Storage.Text;

namespace ScholarGraph.Storage.Validation;

/// <summary>
/// The rules every writer of the graph applies (the seed loader, the importer and the mutations), so that data is held to one standard
/// whichever way it arrives. Each check returns why a value is refused, in words that follow its JSON or input path, or
/// <c>null</c> when the value is fine.
/// </summary>
public static partial class EntityRules
{
    /// <summary>The longest key <see cref="Slug"/> makes, leaving room for a <c>-N</c> suffix under the store's 200 characters.</summary>
    public const int MaxSlugLength = 80;

    /// <summary>Why a paper may not cite another: itself.</summary>
    public const string SelfCitation = "a paper cannot cite itself";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:~-]*$")]
    private static partial Regex KeyPattern();

    /// <summary>A key must be letters, digits and <c>. _ : ~ -</c>, starting with a letter or digit.</summary>
    public static string? KeyProblem(string key, string kind) => KeyPattern().IsMatch(key)
        ? null
        : $"'{key}' is not a valid {kind} id: use letters, digits and . _ : ~ - and start with a letter or digit";

    /// <summary>Names, titles and keywords must not be empty or blank.</summary>
    public static string? TextProblem(string? value) => string.IsNullOrWhiteSpace(value) ? "must not be empty" : null;

    /// <summary>A code link must be an absolute http(s) URL.</summary>
    public static string? CodeUrlProblem(string? value) =>
        value is null || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            ? null
            : $"must be an absolute http(s) URL, not '{value}'";

    /// <summary>Counts must not be negative.</summary>
    public static string? NonNegativeProblem(int? value) => value < 0 ? $"must not be negative, not {value}" : null;

    /// <summary>A topic's relevance score lies in (0, 1].</summary>
    public static string? TopicScoreProblem(double? score) =>
        score is <= 0 or > 1 ? $"must be greater than 0 and at most 1, not {score?.ToString(CultureInfo.InvariantCulture)}" : null;

    /// <summary>A country code must be ISO 3166-1 alpha-2: two ASCII letters, in either case (it is stored upper-case).</summary>
    public static string? CountryCodeProblem(string? code) =>
        code is null || (code.Length == 2 && code.All(char.IsAsciiLetter)) ? null : $"must be two letters (ISO 3166-1 alpha-2), not '{code}'";

    /// <summary>The stored form of a country code: upper-case; <c>null</c> stays <c>null</c>.</summary>
    public static string? CountryCode(string? code) => code?.ToUpperInvariant();

    private static readonly Dictionary<char, string> AsciiSpelling = new()
    {
        ['ł'] = "l", ['ø'] = "o", ['đ'] = "d", ['ð'] = "d", ['ħ'] = "h", ['ı'] = "i", ['ŧ'] = "t",
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['þ'] = "th",
    };

    /// <summary>
    /// The key for a new entity named <paramref name="name"/>, in the seed's style: lower-case ASCII letters and digits joined
    /// by single hyphens (<c>Devvrit Khatri</c> → <c>devvrit-khatri</c>), diacritics removed first (<c>José García</c> →
    /// <c>jose-garcia</c>, not <c>jos-garc-a</c>) and the Latin letters that do not decompose spelled in ASCII (<c>Łukasz Møller</c>
    /// → <c>lukasz-moller</c>), at most <see cref="MaxSlugLength"/> characters; <c>item</c> when nothing is left.
    /// </summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(Math.Min(name.Length, MaxSlugLength));
        foreach (var c in DiacriticFolding.Fold(name))
        {
            if (slug.Length >= MaxSlugLength)
                break;
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (AsciiSpelling.TryGetValue(c, out var spelled))
                slug.Append(spelled);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var result = slug.ToString(0, Math.Min(slug.Length, MaxSlugLength)).Trim('-');
        return result.Length == 0 ? "item" : result;
    }

    /// <summary>
    /// <paramref name="slug"/> when no key in <paramref name="taken"/> has it, else the first of <c>slug-2</c>, <c>slug-3</c>, ...
    /// that none has.
    /// </summary>
    public static string FirstFreeKey(string slug, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(slug))
            return slug;
        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            if (!taken.Contains(candidate))
                return candidate;
        }
    }
}
