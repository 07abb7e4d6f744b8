using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging.Expressions;

namespace ScholarGraph.Server.Schema;

/// <summary>The default orders of the connections; each ends in the id, so pages are deterministic.</summary>
internal static class Orderings
{
    /// <summary>Authors by name.</summary>
    public static readonly KeysetOrdering<Author> AuthorsByName =
        KeysetOrdering<Author>.Named("Author:name").ThenBy(a => a.Name).ThenBy(a => a.Id);

    /// <summary>Papers newest first; papers without a date last.</summary>
    public static readonly KeysetOrdering<Paper> PapersNewestFirst =
        KeysetOrdering<Paper>.Named("Paper:newest").ThenByDescending(p => p.PublicationDate).ThenBy(p => p.Id);

    /// <summary>Institutions by name.</summary>
    public static readonly KeysetOrdering<Institution> InstitutionsByName =
        KeysetOrdering<Institution>.Named("Institution:name").ThenBy(i => i.Name).ThenBy(i => i.Id);

    /// <summary>Topics by name.</summary>
    public static readonly KeysetOrdering<Topic> TopicsByName =
        KeysetOrdering<Topic>.Named("Topic:name").ThenBy(t => t.Name).ThenBy(t => t.Id);
}
