namespace ScholarGraph.Domain;

/// <summary>A researcher. Coauthors are never stored: they are derived from shared <see cref="Authorship"/> rows.</summary>
/// <remarks>Its related-row collections are created when first read: a row read for a page of hundreds holds none.</remarks>
public sealed class Author
{
    /// <summary>Stable key (a slug such as <c>devvrit-khatri</c>); the GraphQL id is derived from it.</summary>
    public required string Id { get; set; }

    /// <summary>The name as the source prints it.</summary>
    public required string Name { get; set; }

    /// <summary>Primary subject category the source shows for the author (for example <c>LG</c>), or <c>null</c>.</summary>
    public string? Category { get; set; }

    /// <summary>ORCID iD, or <c>null</c> when no source gives one.</summary>
    public string? Orcid { get; set; }

    /// <summary>OpenAlex author id, or <c>null</c> when no source gives one.</summary>
    public string? OpenAlexId { get; set; }

    /// <summary>
    /// Further OpenAlex author ids of the same person: ids that carry the same ORCID iD as <see cref="OpenAlexId"/>, which the
    /// source had not merged; empty for most authors.
    /// </summary>
    public List<string> OtherOpenAlexIds { get; set; } = [];

    /// <summary>The papers this author is listed on.</summary>
    public List<Authorship> Authorships { get => _authorships ??= []; set => _authorships = value; }

    private List<Authorship>? _authorships;

    /// <summary>The institutions this author is affiliated with.</summary>
    public List<Affiliation> Affiliations { get => _affiliations ??= []; set => _affiliations = value; }

    private List<Affiliation>? _affiliations;

    /// <summary>Metrics that outside sources report about this author, one row per source.</summary>
    public List<ReportedAuthorMetrics> ReportedMetrics { get => _reportedMetrics ??= []; set => _reportedMetrics = value; }

    private List<ReportedAuthorMetrics>? _reportedMetrics;
}
