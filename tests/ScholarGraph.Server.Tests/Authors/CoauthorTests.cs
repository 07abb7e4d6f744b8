using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Authors;

/// <summary>Coauthors are derived from shared papers, strongest tie first.</summary>
public sealed class CoauthorTests(ScholarGraphFactory server) : IClassFixture<ScholarGraphFactory>
{
    [Fact]
    public async Task The_profile_author_has_every_listed_coauthor_with_the_number_of_shared_papers()
    {
        var data = await server.QueryAsync("""
            query($id: ID!) { author(id: $id) { coauthors(first: 50) { totalCount edges { sharedPaperCount node { name } } } } }
            """, new { id = ProfileQueryTests<ScholarGraphFactory>.ProfileAuthorId });
        var coauthors = data.GetProperty("author").GetProperty("coauthors");
        var ties = coauthors.GetProperty("edges").EnumerateArray()
            .Select(e => (e.GetProperty("node").GetProperty("name").GetString(), e.GetProperty("sharedPaperCount").GetInt32()))
            .ToList();
        Assert.Equal(
        [
            ("Rishabh Tiwari", 3), ("Nilesh Gupta", 2), ("Rachit Bansal", 2),
            ("Ankit S Rawat", 1), ("Aston Zhang", 1), ("Chanakya Ekbote", 1), ("Kusha Sareen", 1), ("Lakshya A Agrawal", 1),
            ("Lovish Madaan", 1), ("Pranamya Kulkarni", 1), ("Sai Surya Duvvuri", 1),
        ], ties);
        Assert.Equal(11, coauthors.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Coauthor_pages_follow_each_other_by_cursor()
    {
        const string Query = """
            query($id: ID!, $after: String) {
              author(id: $id) { coauthors(first: 4, after: $after) { pageInfo { hasNextPage endCursor } nodes { name } } }
            }
            """;
        var names = new List<string?>();
        string? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var coauthors = (await server.QueryAsync(Query, new { id = ProfileQueryTests<ScholarGraphFactory>.ProfileAuthorId, after }))
                .GetProperty("author").GetProperty("coauthors");
            names.AddRange(coauthors.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
            var pageInfo = coauthors.GetProperty("pageInfo");
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
                break;
            after = pageInfo.GetProperty("endCursor").GetString();
        }
        Assert.Equal(11, names.Count);
        Assert.Equal(11, names.Distinct().Count());
        Assert.Equal("Rishabh Tiwari", names[0]);
    }
}
