using ScholarGraph.Domain;

namespace ScholarGraph.Server.Coauthors;

/// <summary>
/// A coauthorship seen from one author: the other author and how many papers they share. A class with settable members, not a
/// positional record, so that EF Core can order and page by its members in SQL.
/// </summary>
public sealed class Coauthor
{
    /// <summary>The coauthor.</summary>
    public Author Author { get; set; } = null!;

    /// <summary>How many papers both are authors of.</summary>
    public int SharedPaperCount { get; set; }
}

/// <summary><c>CoauthorSortInput</c>.</summary>
public sealed class CoauthorSortInputType : ScholarGraph.GraphQL.Data.Sorting.Types.SortInputGraphType<Coauthor>
{
    /// <summary>Defines the sortable members; ties are broken by the coauthor's id.</summary>
    public CoauthorSortInputType() : base("CoauthorSortInput", "Sorts coauthors.", (Coauthor c) => c.Author.Id)
    {
        Field("sharedPaperCount", c => c.SharedPaperCount, "By the number of shared papers.");
        Object<ScholarGraph.Server.Authors.AuthorSortInputType, Author>("author", c => c.Author, "By the coauthor.");
    }
}
