using System.Text.Json;
using Microsoft.Data.Sqlite;
using ScholarGraph.GraphQL.Data.Relay;

namespace ScholarGraph.Bench.Load;

/// <summary>One query shape of the benchmark: its name and the request bodies wrk sends in turn (the same document, varied variables).</summary>
internal sealed record Scenario(string Name, IReadOnlyList<string> Bodies);

/// <summary>The inputs the scenarios vary over, picked from the store: authors with the median number of coauthors.</summary>
internal sealed record ScenarioInputs(IReadOnlyList<string> TypicalAuthorIds, int TypicalCoauthors, IReadOnlyList<string> TitleWords);

/// <summary>The query shapes, each with variables, and their mix.</summary>
internal static class Scenarios
{
    public const string Small = "query Small($id: ID!) { node(id: $id) { ... on Author { name } } }";

    public const string List = "query List { authors(first: 20) { nodes { name papers(first: 5) { nodes { title } } } } }";

    public const string FilteredPage = """
        query Page($word: String!, $since: Date!) {
          papers(first: 20, where: { title: { contains: $word }, publicationDate: { gte: $since } }, order: [{ reportedCitationCount: DESC }, { title: ASC }]) {
            totalCount pageInfo { hasNextPage endCursor } nodes { title publicationDate authors { position author { name } } }
          }
        }
        """;

    public const string Network = """
        query Network($id: ID!, $maxNodes: Int = 200) {
          coauthorNetwork(authorId: $id, depth: 2, maxNodes: $maxNodes) { truncated nodes { distance author { name } } }
        }
        """;

    public static IReadOnlyList<Scenario> All(ScenarioInputs inputs)
    {
        var small = new Scenario("small: node(id:) name", inputs.TypicalAuthorIds.Select(id => Body(Small, new { id })).ToList());
        var list = new Scenario("list: 20 authors x 5 newest titles", [Body(List, null)]);
        var page = new Scenario("filtered and sorted page of 20",
            inputs.TitleWords.Select((word, i) => Body(FilteredPage, new { word, since = $"{2000 + i % 15}-01-01" })).ToList());
        var network = new Scenario("coauthorNetwork d2 (200 nodes)", inputs.TypicalAuthorIds.Select(id => Body(Network, new { id })).ToList());
        var wide = new Scenario("coauthorNetwork d2 (2,000 nodes)", inputs.TypicalAuthorIds.Select(id => Body(Network, new { id, maxNodes = 2000 })).ToList());
        var mix = new Scenario("mix of the above", [.. Interleave(small.Bodies, list.Bodies, page.Bodies, network.Bodies, wide.Bodies)]);
        return [small, list, page, network, wide, mix];
    }

    public static string Body(string query, object? variables) => JsonSerializer.Serialize(new { query, variables });

    // Takes each list in turn so that every kind of request appears at the same rate, whatever the lists' lengths.
    private static IEnumerable<string> Interleave(params IReadOnlyList<string>[] lists)
    {
        var length = lists.Max(l => l.Count);
        for (var i = 0; i < length; i++)
        {
            foreach (var list in lists)
                yield return list[i % list.Count];
        }
    }

    /// <summary>
    /// Authors whose number of distinct coauthors is the median among authors with any (up to 100 of them, by id), as the graph
    /// benchmark defines typical, and words from titles for the filtered page.
    /// </summary>
    public static ScenarioInputs PickInputs(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        var counts = new List<(string Author, long Coauthors)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT a."AuthorId", COUNT(DISTINCT b."AuthorId")
                FROM "Authorships" a JOIN "Authorships" b ON b."PaperId" = a."PaperId" AND b."AuthorId" <> a."AuthorId"
                GROUP BY a."AuthorId"
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        var median = counts.Select(c => c.Coauthors).Order().ElementAt(counts.Count / 2);
        var typical = counts.Where(c => c.Coauthors == median).Select(c => c.Author).Order(StringComparer.Ordinal).Take(100)
            .Select(id => GlobalId.Encode("Author", id)).ToList();

        var words = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Title\" FROM \"Papers\" ORDER BY \"Id\" LIMIT 50";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                words.Add(reader.GetString(0).Split(' ', StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length)!.ToLowerInvariant());
        }
        return new ScenarioInputs(typical, (int)median, [.. words.Distinct()]);
    }
}
