namespace ScholarGraph.Domain;

/// <summary>A university, lab or company that authors belong to.</summary>
public sealed class Institution
{
    /// <summary>Stable key (a slug); the GraphQL id is derived from it.</summary>
    public required string Id { get; set; }

    /// <summary>The name as the source prints it (which may be a short label such as <c>berkeley</c>).</summary>
    public required string Name { get; set; }

    /// <summary>ROR id, or <c>null</c>.</summary>
    public string? Ror { get; set; }

    /// <summary>OpenAlex institution id, or <c>null</c>.</summary>
    public string? OpenAlexId { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code, or <c>null</c>.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The kind of institution as OpenAlex names it (<c>education</c>, <c>company</c>, <c>facility</c>, ...), or <c>null</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Authors affiliated with this institution.</summary>
    public List<Affiliation> Affiliations { get; set; } = [];

    /// <summary>Papers that name this institution.</summary>
    public List<PaperInstitution> Papers { get; set; } = [];
}
