using System.Text.Json.Serialization;

namespace ScholarGraph.Storage.Import.OpenAlex;

// The shapes below mirror the members of OpenAlex's Work object that ScholarGraph keeps, with OpenAlex's own (snake_case) names.
// Every other member of a work is ignored, so records from newer OpenAlex versions still read.

/// <summary>One OpenAlex work, as its API and snapshot publish it.</summary>
public sealed record OpenAlexWork
{
    /// <summary>The work's OpenAlex id, such as <c>https://openalex.org/W2741809807</c>.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The DOI as a URL (<c>https://doi.org/10.…</c>), or null.</summary>
    [JsonPropertyName("doi")] public string? Doi { get; init; }

    /// <summary>The title.</summary>
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }

    /// <summary>The title again (OpenAlex publishes both); used when <see cref="DisplayName"/> is missing.</summary>
    [JsonPropertyName("title")] public string? Title { get; init; }

    /// <summary>The publication date, <c>YYYY-MM-DD</c>.</summary>
    [JsonPropertyName("publication_date")] public string? PublicationDate { get; init; }

    /// <summary>The publication year, used when the date is missing.</summary>
    [JsonPropertyName("publication_year")] public int? PublicationYear { get; init; }

    /// <summary>The work's type (<c>article</c>, <c>preprint</c>, …).</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>The authors in printed order, each with the institutions the work lists for them.</summary>
    [JsonPropertyName("authorships")] public IReadOnlyList<OpenAlexAuthorship>? Authorships { get; init; }

    /// <summary>The work's topics with their scores and hierarchy.</summary>
    [JsonPropertyName("topics")] public IReadOnlyList<OpenAlexTopic>? Topics { get; init; }

    /// <summary>The OpenAlex ids of the works this work cites.</summary>
    [JsonPropertyName("referenced_works")] public IReadOnlyList<string>? ReferencedWorks { get; init; }

    /// <summary>
    /// The abstract as an inverted index (each word with the positions it stands at), in any of the forms OpenAlex has published:
    /// a plain index, the older <c>{"IndexLength": N, "InvertedIndex": {...}}</c>, or either as a JSON string.
    /// </summary>
    [JsonPropertyName("abstract_inverted_index"), JsonConverter(typeof(InvertedIndexConverter))]
    public IReadOnlyDictionary<string, int[]>? AbstractInvertedIndex { get; init; }

    /// <summary>The abstract under the name some snapshots used for a while, in the same forms; read when the other is missing.</summary>
    [JsonPropertyName("abstract_inverted_index_v3"), JsonConverter(typeof(InvertedIndexConverter))]
    public IReadOnlyDictionary<string, int[]>? AbstractInvertedIndexV3 { get; init; }

    /// <summary>The work's language as an ISO 639-1 code, or null.</summary>
    [JsonPropertyName("language")] public string? Language { get; init; }

    /// <summary>Whether and how the work is open access.</summary>
    [JsonPropertyName("open_access")] public OpenAlexOpenAccess? OpenAccess { get; init; }

    /// <summary>The keywords OpenAlex assigns, with their scores.</summary>
    [JsonPropertyName("keywords")] public IReadOnlyList<OpenAlexKeyword>? Keywords { get; init; }

    /// <summary>The older form of the work's concepts, read where <see cref="Topics"/> is missing or empty.</summary>
    [JsonPropertyName("concepts")] public IReadOnlyList<OpenAlexConcept>? Concepts { get; init; }

    /// <summary>The work's main location; its <c>source</c> is the venue.</summary>
    [JsonPropertyName("primary_location")] public OpenAlexLocation? PrimaryLocation { get; init; }

    /// <summary>The older form of the venue, read where <see cref="PrimaryLocation"/> has no source.</summary>
    [JsonPropertyName("host_venue")] public OpenAlexSource? HostVenue { get; init; }

    /// <summary>True when OpenAlex cut the author list short (it lists at most 100 authors in some responses).</summary>
    [JsonPropertyName("is_authors_truncated")] public bool? IsAuthorsTruncated { get; init; }

    /// <summary>Citations per year, as OpenAlex counts them.</summary>
    [JsonPropertyName("counts_by_year")] public IReadOnlyList<OpenAlexYearCount>? CountsByYear { get; init; }

    /// <summary>The field-weighted citation impact, as OpenAlex computes it.</summary>
    [JsonPropertyName("fwci")] public double? Fwci { get; init; }

    /// <summary>When OpenAlex last updated the record (<c>2025-12-21T23:12:01.093139</c>, or a date alone in older records).</summary>
    [JsonPropertyName("updated_date")] public string? UpdatedDate { get; init; }

    /// <summary>How many works cite this one, as OpenAlex counts them.</summary>
    [JsonPropertyName("cited_by_count")] public int? CitedByCount { get; init; }

    /// <summary>The work's ids in other systems.</summary>
    [JsonPropertyName("ids")] public OpenAlexWorkIds? Ids { get; init; }
}

/// <summary>A work's ids in other systems.</summary>
public sealed record OpenAlexWorkIds
{
    /// <summary>The OpenAlex id URL.</summary>
    [JsonPropertyName("openalex")] public string? OpenAlex { get; init; }

    /// <summary>The DOI URL.</summary>
    [JsonPropertyName("doi")] public string? Doi { get; init; }

    /// <summary>The arXiv id, where OpenAlex gives one.</summary>
    [JsonPropertyName("arxiv")] public string? Arxiv { get; init; }
}

/// <summary>One author of a work.</summary>
public sealed record OpenAlexAuthorship
{
    /// <summary><c>first</c>, <c>middle</c> or <c>last</c>; the printed order is the list's order.</summary>
    [JsonPropertyName("author_position")] public string? AuthorPosition { get; init; }

    /// <summary>The author.</summary>
    [JsonPropertyName("author")] public OpenAlexAuthor? Author { get; init; }

    /// <summary>The institutions the work lists for this author.</summary>
    [JsonPropertyName("institutions")] public IReadOnlyList<OpenAlexInstitution>? Institutions { get; init; }

    /// <summary>The author's name as the work prints it.</summary>
    [JsonPropertyName("raw_author_name")] public string? RawAuthorName { get; init; }

    /// <summary>The affiliations as the work prints them.</summary>
    [JsonPropertyName("raw_affiliation_strings")] public IReadOnlyList<string>? RawAffiliationStrings { get; init; }

    /// <summary>The older single form of <see cref="RawAffiliationStrings"/>, read where that is missing.</summary>
    [JsonPropertyName("raw_affiliation_string")] public string? RawAffiliationString { get; init; }

    /// <summary>Whether the author is a corresponding author.</summary>
    [JsonPropertyName("is_corresponding")] public bool? IsCorresponding { get; init; }
}

/// <summary>An author as a work names them.</summary>
public sealed record OpenAlexAuthor
{
    /// <summary>The author's OpenAlex id, such as <c>https://openalex.org/A5023888391</c>.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The author's name.</summary>
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }

    /// <summary>The author's ORCID as a URL, or null.</summary>
    [JsonPropertyName("orcid")] public string? Orcid { get; init; }
}

/// <summary>An institution as a work names it.</summary>
public sealed record OpenAlexInstitution
{
    /// <summary>The institution's OpenAlex id, such as <c>https://openalex.org/I136199984</c>.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The institution's name.</summary>
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }

    /// <summary>The ROR id as a URL, or null.</summary>
    [JsonPropertyName("ror")] public string? Ror { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 country code, or null.</summary>
    [JsonPropertyName("country_code")] public string? CountryCode { get; init; }

    /// <summary>The kind of institution (<c>education</c>, <c>company</c>, …).</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
}

/// <summary>A topic of a work, with its place in OpenAlex's hierarchy.</summary>
public sealed record OpenAlexTopic
{
    /// <summary>The topic's OpenAlex id, such as <c>https://openalex.org/T11636</c>.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The topic's name.</summary>
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }

    /// <summary>How strongly the work is about the topic, 0 to 1.</summary>
    [JsonPropertyName("score")] public double? Score { get; init; }

    /// <summary>The topic's subfield.</summary>
    [JsonPropertyName("subfield")] public OpenAlexTopicLevel? Subfield { get; init; }

    /// <summary>The subfield's field.</summary>
    [JsonPropertyName("field")] public OpenAlexTopicLevel? Field { get; init; }

    /// <summary>The field's domain.</summary>
    [JsonPropertyName("domain")] public OpenAlexTopicLevel? Domain { get; init; }
}

/// <summary>A domain, field or subfield of OpenAlex's topic hierarchy.</summary>
public sealed record OpenAlexTopicLevel
{
    /// <summary>Its OpenAlex id, such as <c>https://openalex.org/fields/17</c>.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>Its name.</summary>
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }
}

/// <summary>A work's open-access status.</summary>
public sealed record OpenAlexOpenAccess
{
    /// <summary>Whether the work is free to read somewhere.</summary>
    [JsonPropertyName("is_oa")] public bool? IsOa { get; init; }

    /// <summary><c>gold</c>, <c>green</c>, <c>hybrid</c>, <c>bronze</c>, <c>diamond</c> or <c>closed</c>.</summary>
    [JsonPropertyName("oa_status")] public string? OaStatus { get; init; }
}

/// <summary>A keyword of a work: <c>display_name</c> in current records, <c>keyword</c> in older ones.</summary>
public sealed record OpenAlexKeyword
{
    /// <summary>The keyword's OpenAlex id, such as <c>https://openalex.org/keywords/deep-learning</c>.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The keyword.</summary>
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }

    /// <summary>The keyword in older records.</summary>
    [JsonPropertyName("keyword")] public string? Keyword { get; init; }

    /// <summary>How strongly the keyword applies, 0 to 1.</summary>
    [JsonPropertyName("score")] public double? Score { get; init; }
}

/// <summary>A concept of a work (OpenAlex's older tagging, before topics).</summary>
public sealed record OpenAlexConcept
{
    /// <summary>The concept's OpenAlex id, such as <c>https://openalex.org/C41008148</c>.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The concept's name.</summary>
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }

    /// <summary>The concept's depth in the concept tree, 0 (broadest) to 5.</summary>
    [JsonPropertyName("level")] public int? Level { get; init; }

    /// <summary>How strongly the work is about the concept, 0 to 1.</summary>
    [JsonPropertyName("score")] public double? Score { get; init; }
}

/// <summary>A location of a work.</summary>
public sealed record OpenAlexLocation
{
    /// <summary>The venue the location belongs to, or null.</summary>
    [JsonPropertyName("source")] public OpenAlexSource? Source { get; init; }
}

/// <summary>A venue: <c>primary_location.source</c> in current records, <c>host_venue</c> in older ones.</summary>
public sealed record OpenAlexSource
{
    /// <summary>The venue's OpenAlex id (<c>https://openalex.org/S…</c>, or <c>V…</c> in <c>host_venue</c>).</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The venue's name.</summary>
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }

    /// <summary>The linking ISSN.</summary>
    [JsonPropertyName("issn_l")] public string? IssnL { get; init; }

    /// <summary><c>journal</c>, <c>conference</c>, <c>repository</c>, <c>book series</c>, <c>ebook platform</c>, ...</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
}

/// <summary>Citations in one year.</summary>
public sealed record OpenAlexYearCount
{
    /// <summary>The year.</summary>
    [JsonPropertyName("year")] public int? Year { get; init; }

    /// <summary>How many citations OpenAlex counts in that year.</summary>
    [JsonPropertyName("cited_by_count")] public int? CitedByCount { get; init; }
}
