namespace ScholarGraph.Domain;

/// <summary>A scholarly work.</summary>
/// <remarks>Its related-row collections are created when first read: a row read for a page of hundreds holds none.</remarks>
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

    /// <summary>The kind of work as the source names it (<c>article</c>, <c>preprint</c>, <c>book-chapter</c>, ...), or <c>null</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The language of the work as an ISO 639-1 code (for example <c>en</c>), or <c>null</c> when the source does not say.</summary>
    public string? Language { get; set; }

    /// <summary>Whether the work is free to read somewhere (OpenAlex's <c>open_access.is_oa</c>), or <c>null</c> when unknown.</summary>
    public bool? IsOpenAccess { get; set; }

    /// <summary>
    /// How the work is open (OpenAlex's <c>open_access.oa_status</c>: <c>gold</c>, <c>green</c>, <c>hybrid</c>, <c>bronze</c>,
    /// <c>diamond</c>, <c>closed</c>), or <c>null</c> when unknown.
    /// </summary>
    public string? OpenAccessStatus { get; set; }

    /// <summary>Keywords the source assigns to the work, most relevant first; empty when it assigns none.</summary>
    public List<string> Keywords { get => _keywords ??= []; set => _keywords = value; }

    private List<string>? _keywords;

    /// <summary>The key of the venue the work was published in, or <c>null</c>.</summary>
    public string? VenueId { get; set; }

    /// <summary>The venue the work was published in.</summary>
    public Venue? Venue { get; set; }

    /// <summary>
    /// The field-weighted citation impact according to <see cref="ReportedFwciSource"/> (OpenAlex's <c>fwci</c>), kept as reported,
    /// or <c>null</c> when no source reports it.
    /// </summary>
    public double? ReportedFwci { get; set; }

    /// <summary>Which source reported <see cref="ReportedFwci"/>, or <c>null</c> with it.</summary>
    public string? ReportedFwciSource { get; set; }

    /// <summary>
    /// When the source last updated the record the reported figures come from (OpenAlex's <c>updated_date</c>, UTC), or
    /// <c>null</c> when it does not say. A record older than this one does not overwrite the paper.
    /// </summary>
    public DateTime? ReportedUpdatedAt { get; set; }

    /// <summary>Citations per year as outside sources report them (OpenAlex's <c>counts_by_year</c>).</summary>
    public List<ReportedCitationsInYear> ReportedCitationsByYear { get => _reportedCitationsByYear ??= []; set => _reportedCitationsByYear = value; }

    private List<ReportedCitationsInYear>? _reportedCitationsByYear;

    /// <summary>The authors of the paper.</summary>
    public List<Authorship> Authorships { get => _authorships ??= []; set => _authorships = value; }

    private List<Authorship>? _authorships;

    /// <summary>Institutions the paper names, whether or not the source ties them to an author.</summary>
    public List<PaperInstitution> Institutions { get => _institutions ??= []; set => _institutions = value; }

    private List<PaperInstitution>? _institutions;

    /// <summary>Topics the paper covers.</summary>
    public List<PaperTopic> Topics { get => _topics ??= []; set => _topics = value; }

    private List<PaperTopic>? _topics;

    /// <summary>Papers this paper cites.</summary>
    public List<Citation> References { get => _references ??= []; set => _references = value; }

    private List<Citation>? _references;

    /// <summary>Papers that cite this paper.</summary>
    public List<Citation> CitedBy { get => _citedBy ??= []; set => _citedBy = value; }

    private List<Citation>? _citedBy;
}
