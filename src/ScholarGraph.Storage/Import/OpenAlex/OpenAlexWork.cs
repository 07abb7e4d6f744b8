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

    /// <summary>The abstract as an inverted index: each word with the positions it stands at.</summary>
    [JsonPropertyName("abstract_inverted_index")] public IReadOnlyDictionary<string, int[]>? AbstractInvertedIndex { get; init; }

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
