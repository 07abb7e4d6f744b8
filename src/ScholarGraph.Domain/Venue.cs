namespace ScholarGraph.Domain;

/// <summary>Where papers are published: a journal, a conference, a repository, a book series, an ebook platform...</summary>
public sealed class Venue
{
    /// <summary>Stable key (a slug such as <c>S4210188416</c>); the GraphQL id is derived from it.</summary>
    public required string Id { get; set; }

    /// <summary>The name as the source prints it.</summary>
    public required string Name { get; set; }

    /// <summary>OpenAlex source id (<c>S…</c>, or <c>V…</c> in the older <c>host_venue</c> form), or <c>null</c>.</summary>
    public string? OpenAlexId { get; set; }

    /// <summary>The linking ISSN (ISSN-L), or <c>null</c> when the source gives none.</summary>
    public string? IssnL { get; set; }

    /// <summary>The kind of venue as OpenAlex names it (<c>journal</c>, <c>conference</c>, <c>repository</c>, <c>book series</c>, ...), or <c>null</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The papers published there.</summary>
    public List<Paper> Papers { get; set; } = [];
}
