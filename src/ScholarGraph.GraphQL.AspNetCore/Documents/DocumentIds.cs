using System.Security.Cryptography;
using System.Text;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// SHA-256 document ids as GraphQL over HTTP's persisted documents define them: <c>sha256:</c> and the lower-case hex SHA-256 of
/// the document's UTF-8 text. The 64 digits alone (as automatic persisted queries and most manifests carry them) are the same id.
/// </summary>
internal static class DocumentIds
{
    public const string Sha256Prefix = "sha256:";

    private const int HexLength = 64;

    /// <summary>The hash of <paramref name="id"/> (<c>sha256:&lt;hex&gt;</c> or the bare hex, either case) in lower case; <see langword="null"/> when it is neither.</summary>
    public static string? ParseSha256(string? id)
    {
        if (id is null)
            return null;
        var hex = id.StartsWith(Sha256Prefix, StringComparison.Ordinal) ? id.AsSpan(Sha256Prefix.Length) : id.AsSpan();
        return hex.Length == HexLength && !hex.ContainsAnyExcept("0123456789abcdefABCDEF") ? hex.ToString().ToLowerInvariant() : null;
    }

    /// <summary>The lower-case hex SHA-256 of <paramref name="text"/> in UTF-8.</summary>
    public static string Sha256Of(string text) => Sha256Of(Encoding.UTF8.GetBytes(text));

    /// <summary>The lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The id of <paramref name="hash"/> in its prefixed form, <c>sha256:&lt;hex&gt;</c>.</summary>
    public static string Format(string hash) => Sha256Prefix + hash;
}
