namespace ScholarGraph.Domain;

/// <summary>A scholarly work.</summary>
public sealed class Paper
{
    /// <summary>Stable key (a slug); the GraphQL id is derived from it.</summary>
    public required string Id { get; set; }

    /// <summary>Title as the source prints it.</summary>
    public required string Title { get; set; }

    /// <summary>Abstract as the source prints it, or <c>null</c>.</summary>
    public string? Abstract { get; set; }

    /// <summary>Publication date. See <see cref="DateYearInferred"/> for dates printed without a year.</summary>
    public DateOnly? PublicationDate { get; set; }

    /// <summary>
    /// <c>true</c> when the source printed the date without a year and the year was read as the source page's current year.
    /// </summary>
    public bool DateYearInferred { get; set; }

    /// <summary>Subject category the source shows for the paper (for example the arXiv-style <c>LG</c>), or <c>null</c>.</summary>
    public string? Category { get; set; }

    /// <summary>Link to the paper's code, or <c>null</c>.</summary>
    public string? CodeUrl { get; set; }

    /// <summary>DOI, or <c>null</c>.</summary>
    public string? Doi { get; set; }

    /// <summary>arXiv identifier, or <c>null</c>.</summary>
    public string? ArxivId { get; set; }

    /// <summary>OpenAlex work id, or <c>null</c>.</summary>
    public string? OpenAlexId { get; set; }

    /// <summary>
    /// How many works cite this one according to <see cref="ReportedCitationCountSource"/>, kept as reported (the source counts
    /// citing works the store may not hold, so it may differ from <see cref="CitedBy"/>), or <c>null</c> when no source reports it.
    /// </summary>
    public int? ReportedCitationCount { get; set; }

    /// <summary>Which source reported <see cref="ReportedCitationCount"/> (for example <c>openalex</c>), or <c>null</c> with it.</summary>
    public string? ReportedCitationCountSource { get; set; }

    /// <summary>
    /// <c>true</c> when the source cut the author list short ("et al."): <see cref="Authorships"/> then holds only the authors it printed
    /// (and any known from elsewhere, without a position).
    /// </summary>
    public bool AuthorListTruncated { get; set; }

    /// <summary>The authors of the paper.</summary>
    public List<Authorship> Authorships { get; set; } = [];

    /// <summary>Institutions the paper names, whether or not the source ties them to an author.</summary>
    public List<PaperInstitution> Institutions { get; set; } = [];

    /// <summary>Topics the paper covers.</summary>
    public List<PaperTopic> Topics { get; set; } = [];

    /// <summary>Papers this paper cites.</summary>
    public List<Citation> References { get; set; } = [];

    /// <summary>Papers that cite this paper.</summary>
    public List<Citation> CitedBy { get; set; } = [];
}
