using System.Linq.Expressions;

namespace ScholarGraph.GraphQL.Data.Filtering;

/// <summary>
/// Builds <c>member LIKE pattern ESCAPE escape</c> for one store, for example with EF Core's <c>EF.Functions.Like</c> or a
/// provider's case-insensitive <c>ILike</c>.
/// </summary>
/// <param name="member">The filtered string member.</param>
/// <param name="pattern">The pattern, a string expression sent as a parameter: the operand with <c>%</c>, <c>_</c> and the escape
/// character escaped, wrapped in <c>%</c> as the operator needs.</param>
/// <param name="escapeCharacter">The escape character the pattern uses: <see cref="StringMatching.EscapeCharacter"/>.</param>
public delegate Expression LikeTranslation(Expression member, Expression pattern, string escapeCharacter);

/// <summary>
/// How the operators of <c>StringOperationFilterInput</c> become SQL. The meaning is the same either way: <c>eq contains
/// startsWith endsWith</c> (and their negations) are case-sensitive, the <c>i</c>-prefixed ones ignore case; the translation
/// decides which indexes can serve them. Register one as a service to replace <see cref="Functions"/>, the default.
/// </summary>
public sealed class StringMatching
{
    /// <summary>The escape character of the patterns <see cref="Like"/> builds: a backslash.</summary>
    public const string EscapeCharacter = "\\";

    private StringMatching(LikeTranslation? caseSensitive, LikeTranslation? ignoringCase)
    {
        CaseSensitiveLike = caseSensitive;
        IgnoringCaseLike = ignoringCase;
    }

    /// <summary>
    /// The default, for any provider: <c>contains</c> as <see cref="string.Contains(string)"/> (SQLite's <c>instr</c>, PostgreSQL's
    /// <c>strpos</c>), <c>startsWith</c>/<c>endsWith</c> as a <c>substr</c> compared with <c>=</c>, and the <c>i</c>-operators the
    /// same over <c>lower()</c> of both sides. Never <c>LIKE</c>, which ignores ASCII case on SQLite. No index serves a pattern
    /// inside the text this way.
    /// </summary>
    public static StringMatching Functions { get; } = new(null, null);

    /// <summary>
    /// Every operator as a <c>LIKE</c> pattern (<c>%operand%</c>, <c>operand%</c>, <c>%operand</c>, or the operand alone for
    /// <c>ieq</c>), built by <paramref name="caseSensitive"/> for the plain operators and by <paramref name="ignoringCase"/> for
    /// the <c>i</c>-operators. For a store whose <c>LIKE</c> is case-sensitive and that indexes patterns, such as PostgreSQL
    /// (<c>LIKE</c> and <c>ILIKE</c>, served by a trigram index); not for SQLite, whose <c>LIKE</c> ignores ASCII case.
    /// </summary>
    public static StringMatching Like(LikeTranslation caseSensitive, LikeTranslation ignoringCase) =>
        new(caseSensitive ?? throw new ArgumentNullException(nameof(caseSensitive)), ignoringCase ?? throw new ArgumentNullException(nameof(ignoringCase)));

    internal LikeTranslation? CaseSensitiveLike { get; }

    internal LikeTranslation? IgnoringCaseLike { get; }
}
