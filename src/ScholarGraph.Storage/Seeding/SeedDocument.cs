using System.Text.Json.Serialization;

namespace ScholarGraph.Storage.Seeding;

// The seed file format: one JSON document per file, described by seed-data/seed.schema.json.
// Ids are slugs shared across files; references between files are allowed because every file is read before anything is written.

/// <summary>One seed file.</summary>
public sealed class SeedDocument
{
    /// <summary>The JSON Schema the file declares (ignored by the loader).</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    /// <summary>Where the facts in this file come from.</summary>
    public required SeedSource Source { get; set; }

    /// <summary>Institutions.</summary>
    public List<SeedInstitution> Institutions { get; set; } = [];

    /// <summary>Topics.</summary>
    public List<SeedTopic> Topics { get; set; } = [];

    /// <summary>Venues papers are published in.</summary>
    public List<SeedVenue> Venues { get; set; } = [];

    /// <summary>Authors.</summary>
    public List<SeedAuthor> Authors { get; set; } = [];

    /// <summary>Papers.</summary>
    public List<SeedPaper> Papers { get; set; } = [];
}

/// <summary>The provenance of a seed file.</summary>
public sealed class SeedSource
{
    /// <summary>A short identifier of the source; reported metrics carry it as their source.</summary>
    public required string Id { get; set; }

    /// <summary>What the source is.</summary>
    public string? Description { get; set; }

    /// <summary>The year the source page is read as current; dates printed without a year take it.</summary>
    public int? PageYear { get; set; }

    /// <summary>Assumptions made in reading the source, in plain words.</summary>
    public List<string> Notes { get; set; } = [];
}

/// <summary>An institution in a seed file.</summary>
public sealed class SeedInstitution
{
    /// <summary>Key.</summary>
    public required string Id { get; set; }

    /// <summary>Name as printed.</summary>
    public required string Name { get; set; }

    /// <summary>ROR id.</summary>
    public string? Ror { get; set; }

    /// <summary>OpenAlex id.</summary>
    public string? OpenAlexId { get; set; }

    /// <summary>ISO country code.</summary>
    public string? CountryCode { get; set; }
}

/// <summary>A topic in a seed file.</summary>
public sealed class SeedTopic
{
    /// <summary>Key.</summary>
    public required string Id { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>Phrases that show a paper covers the topic (matched as whole words, ignoring case).</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>OpenAlex id.</summary>
    public string? OpenAlexId { get; set; }
}

/// <summary>A venue in a seed file: a journal, a conference, a repository...</summary>
public sealed class SeedVenue
{
    /// <summary>Key.</summary>
    public required string Id { get; set; }

    /// <summary>Name as printed.</summary>
    public required string Name { get; set; }

    /// <summary>OpenAlex source id.</summary>
    public string? OpenAlexId { get; set; }

    /// <summary>The linking ISSN (ISSN-L).</summary>
    public string? IssnL { get; set; }

    /// <summary>The kind of venue as OpenAlex names it (<c>journal</c>, <c>conference</c>, <c>repository</c>, ...).</summary>
    public string? Type { get; set; }
}

/// <summary>An author in a seed file.</summary>
public sealed class SeedAuthor
{
    /// <summary>Key.</summary>
    public required string Id { get; set; }

    /// <summary>Name as printed.</summary>
    public required string Name { get; set; }

    /// <summary>Primary category as printed.</summary>
    public string? Category { get; set; }

    /// <summary>ORCID iD.</summary>
    public string? Orcid { get; set; }

    /// <summary>OpenAlex id.</summary>
    public string? OpenAlexId { get; set; }

    /// <summary>Keys of the institutions the author is affiliated with.</summary>
    public List<string> Affiliations { get; set; } = [];

    /// <summary>Metrics the file's source reports about the author.</summary>
    public SeedReportedMetrics? ReportedMetrics { get; set; }
}

/// <summary>Metrics a source reports about an author.</summary>
public sealed class SeedReportedMetrics
{
    /// <summary>h-index.</summary>
    public int? HIndex { get; set; }

    /// <summary>Citation count.</summary>
    public int? CitationCount { get; set; }

    /// <summary>Paper count.</summary>
    public int? PaperCount { get; set; }

    /// <summary>Novelty in percent.</summary>
    public double? NoveltyPercent { get; set; }

    /// <summary>AI score.</summary>
    public double? AiScore { get; set; }
}

/// <summary>A paper in a seed file.</summary>
public sealed class SeedPaper
{
    /// <summary>Key.</summary>
    public required string Id { get; set; }

    /// <summary>Title as printed.</summary>
    public required string Title { get; set; }

    /// <summary>Abstract as printed.</summary>
    public string? Abstract { get; set; }

    /// <summary>Publication date, ISO 8601 (<c>yyyy-MM-dd</c>).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>The date exactly as the source printed it.</summary>
    public string? DatePrinted { get; set; }

    /// <summary>Whether the year of <see cref="Date"/> was not printed and was taken from the source's page year.</summary>
    public bool DateYearInferred { get; set; }

    /// <summary>Category as printed.</summary>
    public string? Category { get; set; }

    /// <summary>Link to the code.</summary>
    public string? CodeUrl { get; set; }

    /// <summary>DOI.</summary>
    public string? Doi { get; set; }

    /// <summary>arXiv id.</summary>
    public string? ArxivId { get; set; }

    /// <summary>OpenAlex id.</summary>
    public string? OpenAlexId { get; set; }

    /// <summary>The key of the venue the paper was published in; absent when the source names none.</summary>
    public string? Venue { get; set; }

    /// <summary>The authors, those with a position in printed order.</summary>
    public List<SeedAuthorship> Authors { get; set; } = [];

    /// <summary>Whether the printed author list was cut short ("et al.").</summary>
    public bool AuthorListTruncated { get; set; }

    /// <summary>Keys of the institutions the paper names, in printed order.</summary>
    public List<string> Institutions { get; set; } = [];

    /// <summary>The topics the paper covers.</summary>
    public List<SeedPaperTopic> Topics { get; set; } = [];

    /// <summary>Keys of the papers this paper cites.</summary>
    public List<string> Cites { get; set; } = [];
}

/// <summary>An author's place on a paper.</summary>
public sealed class SeedAuthorship
{
    /// <summary>The author's key.</summary>
    public required string Author { get; set; }

    /// <summary>1-based position in the printed list; absent when the author is known to be on the paper but not printed.</summary>
    public int? Position { get; set; }

    /// <summary>The institution the paper lists for this author.</summary>
    public string? Institution { get; set; }
}

/// <summary>A topic a paper covers.</summary>
public sealed class SeedPaperTopic
{
    /// <summary>The topic's key.</summary>
    public required string Topic { get; set; }

    /// <summary>A relevance score given by the source (0 to 1); absent to have it computed from the topic's keywords.</summary>
    public double? Score { get; set; }
}
