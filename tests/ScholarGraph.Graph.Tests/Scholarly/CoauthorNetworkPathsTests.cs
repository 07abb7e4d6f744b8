using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Tests.Scholarly;

/// <summary>
/// The unfiltered network reads the precomputed coauthor graph; a filter that passes every paper takes the paper-scanning path.
/// Both must draw the same network, so the scanning path is the reference for the stored one.
/// </summary>
public sealed class CoauthorNetworkPathsTests
{
    // 400 papers of 1-6 authors drawn from 150 (a few prolific ones), years 2000-2019, every 7th paper undated.
    private static ScholarlyIndex BuildRandom()
    {
        var random = new Random(7);
        var builder = new ScholarlyIndexBuilder();
        for (var paper = 0; paper < 400; paper++)
        {
            var key = $"p{paper}";
            builder.AddPaper(key, paper % 7 == 0 ? null : new DateOnly(2000 + random.Next(20), 1, 1));
            var authors = 1 + random.Next(6);
            for (var i = 0; i < authors; i++)
                builder.AddAuthorship(key, $"a{(random.Next(4) == 0 ? random.Next(5) : random.Next(150))}");
        }

        return builder.Build();
    }

    private static readonly ScholarlyIndex Index = BuildRandom();

    [Theory]
    [InlineData(1, 1, 200)]
    [InlineData(2, 1, 200)]
    [InlineData(2, 2, 200)]
    [InlineData(3, 1, 30)]
    [InlineData(2, 1, 5)]
    public void Stored_and_scanned_networks_agree_on_nodes_edges_weights_years_and_papers(int depth, int minShared, int maxNodes)
    {
        var compared = 0;
        for (var center = 0; center < Index.Authors.Count; center += 3)
        {
            var stored = CoauthorNetwork.Explore(Index, center, depth, minShared, includePaper: null, maxNodes);
            var scanned = CoauthorNetwork.Explore(Index, center, depth, minShared, includePaper: _ => true, maxNodes);
            Assert.Equal(scanned.Nodes.Select(n => (n.Author, n.Distance, n.PapersInNetwork)), stored.Nodes.Select(n => (n.Author, n.Distance, n.PapersInNetwork)));
            Assert.Equal(scanned.Truncated, stored.Truncated);
            Assert.Equal(scanned.Edges.Select(e => (e.Source, e.Target, e.Weight, e.FirstYear, e.LastYear)),
                stored.Edges.Select(e => (e.Source, e.Target, e.Weight, e.FirstYear, e.LastYear)));
            Assert.Equal(scanned.Edges.Select(e => e.SharedPapers), stored.Edges.Select(e => e.SharedPapers));
            compared += stored.Edges.Count;
        }

        Assert.True(compared > 50, $"only {compared} edges compared");
    }
}
