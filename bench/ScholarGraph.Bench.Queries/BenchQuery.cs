using GraphQL;

namespace ScholarGraph.Bench.Queries;

/// <summary>One benchmarked GraphQL operation; its variables may depend on the data and on earlier queries' answers.</summary>
internal sealed record BenchQuery(string Name, string Document, Func<BenchInputs, Inputs?> Variables);

/// <summary>Values picked from the generated data (and from earlier answers) that the queries ask about.</summary>
internal sealed class BenchInputs
{
    public required string AuthorId { get; init; }

    public required string InstitutionName { get; init; }

    public required string TitleWord { get; init; }

    /// <summary>An author of the last paper by id, the far end of the graph benchmark's collaboration path.</summary>
    public string OtherAuthorId { get; init; } = "";

    /// <summary>The <c>endCursor</c> of the first page (query 1), filled in once it has run.</summary>
    public string? FirstPageEndCursor { get; set; }

    /// <summary>The same, for the unfiltered first page.</summary>
    public string? PlainPageEndCursor { get; set; }

    /// <summary>The search benchmark's phrase (a topic's name), prefixes, and the <c>endCursor</c> of its first page.</summary>
    public string SearchPhrase { get; set; } = "";

    public string TitlePrefix { get; set; } = "";

    public string AuthorPrefix { get; set; } = "";

    public string? SearchEndCursor { get; set; }
}

/// <summary>Issue 3's six representative queries, in Hot Chocolate v14 syntax, and the floor they are compared against.</summary>
internal static class BenchQueries
{
    private const string PaperPage = "pageInfo { hasNextPage endCursor } nodes { id title publicationDate }";

    public static IReadOnlyList<BenchQuery> All { get; } =
    [
        new("0 floor: { __typename }", "{ __typename }", _ => null),
        new("1 filtered, sorted page of papers",
            $$"""{ papers(first: 20, where: { publicationDate: { gte: "2020-01-01" } }, order: [{ publicationDate: DESC }]) { {{PaperPage}} } }""",
            _ => null),
        new("2 nested filter: authors' institution",
            """
            query($name: String!) {
              papers(first: 20, where: { authors: { some: { institution: { name: { eq: $name } } } } }) {
                nodes { id title authors { author { name } institution { name } } }
              }
            }
            """,
            inputs => new Inputs(new Dictionary<string, object?> { ["name"] = inputs.InstitutionName })),
        new("3 second page by cursor (after 1)",
            $$"""
            query($after: String) {
              papers(first: 20, after: $after, where: { publicationDate: { gte: "2020-01-01" } }, order: [{ publicationDate: DESC }]) { {{PaperPage}} }
            }
            """,
            inputs => new Inputs(new Dictionary<string, object?> { ["after"] = inputs.FirstPageEndCursor })),
        new("4 author, paged papers and coauthors",
            """
            query($id: ID!) {
              author(id: $id) {
                name
                papers(first: 10) { totalCount pageInfo { hasNextPage endCursor } nodes { title publicationDate } }
                coauthors(first: 10) { totalCount edges { sharedPaperCount node { name } } }
              }
            }
            """,
            inputs => new Inputs(new Dictionary<string, object?> { ["id"] = inputs.AuthorId })),
        new("5 count filter: authors with > 3 papers",
            "{ authors(first: 20, where: { papers: { count: { gt: 3 } } }) { pageInfo { hasNextPage endCursor } nodes { id name } } }",
            _ => null),
        new("6 text contains on titles",
            """
            query($word: String!) {
              papers(first: 20, where: { title: { contains: $word } }) { pageInfo { hasNextPage endCursor } nodes { id title } }
            }
            """,
            inputs => new Inputs(new Dictionary<string, object?> { ["word"] = inputs.TitleWord })),
    ];

    /// <summary>
    /// Shapes the schema serves before filtering and sorting land (engineer A): the default order (newest first) stands in for
    /// query 1's sort, and nested lists for query 5's count. They measure paging and nesting, not filters.
    /// </summary>
    public static IReadOnlyList<BenchQuery> WithoutFilters { get; } =
    [
        new("1' page of papers, newest first (no where)", $$"""{ papers(first: 20) { {{PaperPage}} } }""", _ => null),
        new("3' second page by cursor (after 1')",
            $$"""query($after: String) { papers(first: 20, after: $after) { {{PaperPage}} } }""",
            inputs => new Inputs(new Dictionary<string, object?> { ["after"] = inputs.PlainPageEndCursor })),
        new("5' authors with nested papers and totalCount",
            "{ authors(first: 20) { nodes { name papers(first: 5) { totalCount nodes { title } } } } }",
            _ => null),
    ];

    /// <summary>Graph questions answered from the in-memory graph index (issue 12 item 8), with the store only for the authors' fields.</summary>
    public static IReadOnlyList<BenchQuery> Graph { get; } =
    [
        new("G1 coauthorNetwork depth 2 (most prolific)",
            "query($a: ID!) { coauthorNetwork(authorId: $a, depth: 2, maxNodes: 200) { truncated nodes { distance author { name } } edges { weight } } }",
            i => new Inputs(new Dictionary<string, object?> { ["a"] = i.AuthorId })),
        new("G2 collaborationPath (most prolific to another)",
            "query($a: ID!, $b: ID!) { collaborationPath(fromAuthorId: $a, toAuthorId: $b) { reason path { length authors { name } } } }",
            i => new Inputs(new Dictionary<string, object?> { ["a"] = i.AuthorId, ["b"] = i.OtherAuthorId })),
    ];
}
