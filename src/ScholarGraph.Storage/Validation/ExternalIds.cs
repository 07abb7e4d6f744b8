namespace ScholarGraph.Storage.Validation;

/// <summary>
/// Brings external ids to the one form the store keeps, whatever form a record or a mutation uses: OpenAlex ids without their URL
/// (<c>W2741809807</c>, <c>fields/17</c>), DOIs lower-cased without resolver (<c>10.7717/peerj.4375</c>), ORCID iDs and ROR ids bare.
/// </summary>
public static class ExternalIds
{
    /// <summary>An OpenAlex id without <c>https://openalex.org/</c>; null for null or blank.</summary>
    public static string? OpenAlex(string? id) => StripPrefix(id, "https://openalex.org/", "http://openalex.org/", "openalex.org/");

    /// <summary>A DOI lower-cased, without <c>https://doi.org/</c> or <c>doi:</c>; null for null or blank.</summary>
    public static string? Doi(string? doi) =>
        StripPrefix(doi, "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")?.ToLowerInvariant();

    /// <summary>An ORCID iD without <c>https://orcid.org/</c>; null for null or blank.</summary>
    public static string? Orcid(string? orcid) => StripPrefix(orcid, "https://orcid.org/", "http://orcid.org/");

    /// <summary>A ROR id without <c>https://ror.org/</c>; null for null or blank.</summary>
    public static string? Ror(string? ror) => StripPrefix(ror, "https://ror.org/", "http://ror.org/");

    private static string? StripPrefix(string? value, params string[] prefixes)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim();
        foreach (var prefix in prefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return trimmed[prefix.Length..];
        }
        return trimmed;
    }
}
